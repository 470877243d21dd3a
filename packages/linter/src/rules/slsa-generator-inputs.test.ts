import { yaml } from '@slsa-kit/core/testing';
import { testRule } from '../testing/rule-tester.js';
import { slsaGeneratorInputs } from './slsa-generator-inputs.js';

const WF = 'slsa-framework/slsa-github-generator/.github/workflows/';
const GEN = `${WF}generator_generic_slsa3.yml@v2.1.0`;

/**
 * A tag-triggered provenance job (`uses:` on line 8, `with:` on line 9) whose `with:` entries are
 * `inputs`, one per line from line 10. Built by hand: interpolating lines into `yaml` would break its dedent.
 */
const call = (inputs: readonly string[], on: readonly string[] = ['  push:', "    tags: ['v*']"], uses = GEN) =>
  [
    'on:',
    ...on,
    'jobs:',
    '  provenance:',
    '    needs: [build]',
    '    permissions: { actions: read, id-token: write, contents: write }',
    `    uses: ${uses}`,
    ...(inputs.length > 0 ? ['    with:', ...inputs.map((i) => `      ${i}`)] : []),
    '',
  ].join('\n');
const SUBJECTS = 'base64-subjects: ${{ needs.build.outputs.hashes }}';

testRule(slsaGeneratorInputs, {
  valid: [
    { name: 'subjects only', code: call([SUBJECTS]) },
    { name: 'subjects as a file', code: call(['base64-subjects-as-file: ${{ needs.build.outputs.file }}']) },
    { name: 'input names are matched case-insensitively', code: call(['Base64-Subjects: abc']) },
    { name: 'a provenance name with the extension', code: call([SUBJECTS, 'provenance-name: app.intoto.jsonl']) },
    {
      name: 'a provenance name ending in an expression is only known at run time',
      code: call([SUBJECTS, 'provenance-name: ${{ needs.build.outputs.name }}']),
    },
    {
      name: 'a provenance name with an expression and the extension (sigstore-python)',
      code: call([SUBJECTS, 'provenance-name: provenance-sigstore-${{ github.event.release.tag_name }}.intoto.jsonl']),
    },
    { name: 'upload on a tag push', code: call([SUBJECTS, 'upload-assets: true']) },
    { name: 'upload on a release', code: call([SUBJECTS, 'upload-assets: true'], ['  release:', '    types: [published]']) },
    { name: 'upload on an unfiltered push, which includes tags', code: call([SUBJECTS, 'upload-assets: true'], ['  push:']) },
    { name: 'upload on a push filtered by tags-ignore only', code: call([SUBJECTS, 'upload-assets: true'], ['  push:', '    tags-ignore: [nightly]']) },
    {
      name: 'upload with an explicit tag name on a dispatch',
      code: call([SUBJECTS, 'upload-assets: true', 'upload-tag-name: ${{ inputs.tag }}'], ['  workflow_dispatch:']),
    },
    { name: 'upload in a called workflow, whose ref is the caller\'s', code: call([SUBJECTS, 'upload-assets: true'], ['  workflow_call:']) },
    { name: 'upload decided by an expression', code: call([SUBJECTS, 'upload-assets: ${{ startsWith(github.ref, \'refs/tags/\') }}'], ['  push:', '    branches: [main]']) },
    { name: 'upload on tag creation', code: call([SUBJECTS, 'upload-assets: true'], ['  create:']) },
    { name: 'upload on push in the list form of on:', code: call([SUBJECTS, 'upload-assets: true'], ['  - push', '  - workflow_dispatch']) },
    { name: 'upload-assets: false on a branch push', code: call([SUBJECTS, 'upload-assets: false'], ['  push:', '    branches: [main]']) },
    {
      name: 'the go builder does not take subjects',
      code: call(['go-version: "1.22"', 'config-file: .slsa-goreleaser.yml', 'upload-assets: true'], undefined, `${WF}builder_go_slsa3.yml@v2.1.0`),
    },
    { name: 'an unknown generator workflow is left to unknown-action', code: call(['anything: 1'], undefined, `${WF}builder_rust_slsa3.yml@v2.1.0`) },
    { name: 'other reusable workflows are not this rule', code: call(['subject-base64: x'], undefined, 'octo/wf/.github/workflows/release.yml@v1') },
    {
      name: 'a real-world shape: click, pallets (generator v2.1.0, tag push)',
      code: yaml`
        name: Publish
        on:
          push:
            tags: ['*']
        jobs:
          build:
            runs-on: ubuntu-latest
            outputs:
              hash: \${{ steps.hash.outputs.hash }}
            steps:
              - id: hash
                run: cd dist && echo "hash=$(sha256sum * | base64 -w0)" >> $GITHUB_OUTPUT
          provenance:
            needs: [build]
            permissions:
              actions: read
              id-token: write
              contents: write
            uses: slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0
            with:
              base64-subjects: \${{ needs.build.outputs.hash }}
      `,
    },
  ],
  invalid: [
    {
      name: 'a misspelled subjects input, with the did-you-mean, and the missing subjects it causes',
      code: call(['subject-base64: ${{ needs.build.outputs.hashes }}']),
      errors: [
        { messageId: 'missingSubjects', line: 9, column: 5 },
        { messageId: 'unknown', line: 10, column: 7, endColumn: 21, data: { workflow: 'generator_generic_slsa3.yml', input: 'subject-base64', hint: '; did you mean `base64-subjects`?' } },
      ],
    },
    {
      name: 'a typo is suggested by edit distance',
      code: call([SUBJECTS, 'upload-asset: true']),
      errors: [{ messageId: 'unknown', line: 11, column: 7, data: { workflow: 'generator_generic_slsa3.yml', input: 'upload-asset', hint: '; did you mean `upload-assets`?' } }],
    },
    {
      name: 'an unknown input far from every known one has no suggestion',
      code: call([SUBJECTS, 'sign-with-kms: true']),
      errors: [{ messageId: 'unknown', line: 11, column: 7, data: { workflow: 'generator_generic_slsa3.yml', input: 'sign-with-kms', hint: '' } }],
    },
    {
      name: 'no with: at all is reported at the uses value',
      code: call([]),
      errors: [{ messageId: 'missingSubjects', line: 8, column: 11 }],
    },
    {
      name: 'the deprecated attestation-name is a warning, and its value is checked too',
      code: call([SUBJECTS, 'attestation-name: app.json']),
      errors: [
        { messageId: 'deprecated', line: 11, column: 7, severity: 'warning' },
        { messageId: 'provenanceName', line: 11, column: 25, data: { input: 'attestation-name', suggestion: 'app.intoto.jsonl' } },
      ],
    },
    {
      name: 'a provenance name without the extension',
      code: call([SUBJECTS, 'provenance-name: "provenance.jsonl"']),
      errors: [{ messageId: 'provenanceName', line: 11, column: 24, endColumn: 42, data: { input: 'provenance-name', suggestion: 'provenance.intoto.jsonl' } }],
    },
    {
      name: 'upload-assets on a branch push only',
      code: call([SUBJECTS, 'upload-assets: true'], ['  push:', '    branches: [main]']),
      errors: [{ messageId: 'uploadWithoutTag', line: 11, column: 22, severity: 'warning' }],
    },
    {
      name: 'upload-assets on a push filtered by branches-ignore only, which skips tags',
      code: call([SUBJECTS, 'upload-assets: true'], ['  push:', '    branches-ignore: [dev]']),
      errors: [{ messageId: 'uploadWithoutTag', line: 11, column: 22 }],
    },
    {
      name: 'upload-assets as a string on a dispatch without upload-tag-name',
      code: call([SUBJECTS, 'upload-assets: "true"', 'upload-tag-name: ""'], ['  workflow_dispatch:']),
      errors: [{ messageId: 'uploadWithoutTag', line: 10, column: 22 }],
    },
    {
      name: 'a required input of another builder is missing (container generator without digest)',
      code: call(['image: ghcr.io/o/r'], undefined, `${WF}generator_container_slsa3.yml@v2.1.0`),
      errors: [{ messageId: 'missingRequired', line: 9, column: 5, data: { workflow: 'generator_container_slsa3.yml', input: 'digest' } }],
    },
    {
      name: 'the nodejs builder has no upload-assets input',
      code: call(['directory: pkg', 'upload-assets: true'], undefined, `${WF}builder_nodejs_slsa3.yml@v2.1.0`),
      errors: [{ messageId: 'unknown', line: 11, column: 7 }],
    },
  ],
});
