import { yaml } from '@slsa-kit/core/testing';
import { testRule } from '../testing/rule-tester.js';
import { slsaGeneratorRef } from './slsa-generator-ref.js';

const GEN = 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml';
const V210 = 'f7dd8c54c2067bafc12ca7a55595d5ee9b75204a';
const UNKNOWN_SHA = '0123456789abcdef0123456789abcdef01234567';

/** A release workflow whose provenance job calls `uses` (line 7, value at column 11). */
const wf = (uses: string, trailer = '') => yaml`
  on:
    push:
      tags: ['v*']
  jobs:
    provenance:
      permissions: { actions: read, id-token: write, contents: write }
      uses: ${uses}${trailer}
      with:
        base64-subjects: abc
`;
const REF_COLUMN = 11 + GEN.length + 1;

testRule(slsaGeneratorRef, {
  valid: [
    { name: 'the newest release tag', code: wf(`${GEN}@v2.1.0`) },
    { name: 'a quoted newest release tag', code: wf(`"${GEN}@v2.1.0"`) },
    { name: 'other actions pinned by SHA are not this rule', code: wf(`octo/workflows/.github/workflows/release.yml@${V210}`) },
    { name: 'the generator composite actions may be pinned by SHA', code: yaml`
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: slsa-framework/slsa-github-generator/actions/generator/generic/create-base64-subjects-from-file@${V210}
      ` },
    { name: 'a release newer than the newest known one', code: wf(`${GEN}@v2.2.0`) },
  ],
  invalid: [
    {
      name: 'a SHA of a known release is fixed to its tag, dropping the now redundant comment',
      code: wf(`${GEN}@${V210}`, ' # v2.1.0'),
      errors: [{ messageId: 'sha', line: 7, column: REF_COLUMN, endColumn: REF_COLUMN + 40, severity: 'error' }],
      output: wf(`${GEN}@v2.1.0`),
    },
    {
      name: 'a SHA of a known release with a different comment keeps the comment',
      code: wf(`${GEN}@${V210}`, ' # pinned for reproducibility'),
      errors: [{ messageId: 'sha', line: 7, column: REF_COLUMN }],
      output: wf(`${GEN}@v2.1.0`, ' # pinned for reproducibility'),
    },
    {
      name: 'the SHA lookup is a service: an injected pin database answers too',
      code: wf(`${GEN}@${UNKNOWN_SHA}`),
      services: { tagForCommit: (_repo, sha) => (sha === UNKNOWN_SHA ? 'v2.1.0' : undefined) },
      errors: [{ messageId: 'sha', line: 7, column: REF_COLUMN, data: { hint: '; this commit is release v2.1.0, use `@v2.1.0`' } }],
      output: wf(`${GEN}@v2.1.0`),
    },
    {
      name: 'an unknown SHA is reported without a fix',
      code: wf(`${GEN}@${UNKNOWN_SHA}`),
      errors: [{ messageId: 'sha', line: 7, column: REF_COLUMN }],
      output: null,
    },
    {
      name: 'a major-only tag',
      code: wf(`${GEN}@v2`),
      errors: [{ messageId: 'partialTag', line: 7, column: REF_COLUMN, endColumn: REF_COLUMN + 2, data: { ref: 'v2', suggestion: 'v2.1.0' } }],
    },
    { name: 'a branch', code: wf(`${GEN}@main`), errors: [{ messageId: 'notATag', line: 7, column: REF_COLUMN }] },
    { name: 'a short SHA', code: wf(`${GEN}@f7dd8c5`), errors: [{ messageId: 'notATag', line: 7, column: REF_COLUMN }] },
    {
      name: 'a release before v2.0.0 is broken',
      code: wf(`${GEN}@v1.10.0`),
      errors: [{ messageId: 'tooOld', line: 7, column: REF_COLUMN, severity: 'error' }],
    },
    {
      name: 'an older working release is a note',
      code: wf(`${GEN}@v2.0.0`),
      errors: [{ messageId: 'outdated', line: 7, column: REF_COLUMN, severity: 'note', data: { ref: 'v2.0.0', latest: 'v2.1.0' } }],
    },
    {
      name: 'owner and repository are compared case-insensitively',
      code: wf(`Slsa-Framework/SLSA-github-generator/.github/workflows/generator_generic_slsa3.yml@main`),
      errors: [{ messageId: 'notATag', line: 7, column: REF_COLUMN }],
    },
    {
      name: 'a value spelled with escapes is reported on the whole value and not fixed',
      code: wf(`"${GEN.replace('slsa-framework', 'slsa\\x2dframework')}@${V210}"`),
      errors: [{ messageId: 'sha', line: 7, column: 11 }],
      output: null,
    },
  ],
});
