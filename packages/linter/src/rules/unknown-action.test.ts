import { readFileSync } from 'node:fs';
import { readCorpus, yaml } from '@slsa-kit/core/testing';
import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { testRule } from '../testing/rule-tester.js';
import { unknownAction } from './unknown-action.js';

const SHA = '11bd71901bbe5b1630ceea73d27597364c9af683';
const GEN = '.github/workflows/generator_generic_slsa3.yml';

/** A job whose only step uses `uses` (line 6, value at column 15). */
const step = (uses: string, trailer = '') => yaml`
  on: push
  jobs:
    build:
      runs-on: ubuntu-latest
      steps:
        - uses: ${uses}${trailer}
`;

/** A job calling a reusable workflow (line 4, value at column 11). */
const call = (uses: string) => yaml`
  on: push
  jobs:
    provenance:
      uses: ${uses}
      with:
        base64-subjects: abc
`;

testRule(unknownAction, {
  valid: [
    { name: 'a known action', code: step(`actions/checkout@${SHA} # v4.2.2`) },
    { name: 'a known action in another case', code: step('Actions/Checkout@v4') },
    { name: 'an unknown action far from every known one', code: step('example/totally-different-thing@v1') },
    { name: 'a real action two edits from a short known name', code: step('actions/setup-r@v2') },
    { name: 'a sub-action of a known repository', code: step('actions/cache/restore@v4') },
    { name: 'a fork of the generator is not a typo', code: call(`someone/slsa-github-generator/${GEN}@v2.1.0`) },
    { name: 'a local action', code: step('./.github/actions/build') },
    { name: 'a docker image', code: step('docker://alpine:3.20') },
    { name: 'an expression is the expression rule\'s business', code: step('${{ matrix.action }}') },
    { name: 'a trailing newline of a block scalar still resolves', code: step(`|\n            actions/checkout@${SHA}`) },
    { name: 'path obfuscation still resolves (zizmor\'s obfuscation audit)', code: step(`actions/checkout/@${SHA}`) },
    { name: 'a `.` path segment still resolves', code: step('actions/cache/../save@v4') },
  ],
  invalid: [
    {
      name: 'a plural typo of upload-artifact is fixed, keeping ref and comment',
      code: step(`actions/upload-artifacts@${SHA}`, ' # v4.6.2'),
      errors: [{ messageId: 'typo', line: 6, column: 15, endColumn: 15 + 'actions/upload-artifacts'.length, severity: 'error' }],
      output: step(`actions/upload-artifact@${SHA}`, ' # v4.6.2'),
    },
    {
      name: 'a missing letter',
      code: step('actions/chekout@v4'),
      errors: [{ messageId: 'typo', line: 6, column: 15, data: { name: 'actions/chekout', what: 'action', suggestion: 'actions/checkout', fixNote: ' (`slsa-lint --fix` corrects the name and keeps the ref)' } }],
      output: step('actions/checkout@v4'),
    },
    { name: 'a transposed owner', code: step(`cations/checkout@${SHA}`), errors: [{ messageId: 'typo', line: 6, column: 15 }], output: step(`actions/checkout@${SHA}`) },
    { name: 'an owner without its s', code: step('action/checkout@v4'), errors: [{ messageId: 'typo', line: 6, column: 15 }], output: step('actions/checkout@v4') },
    {
      name: 'two edits away is reported but left to a person',
      code: step('actions/upload-artifactss@v4'),
      errors: [{ messageId: 'typo', line: 6, column: 15, data: { name: 'actions/upload-artifactss', what: 'action', suggestion: 'actions/upload-artifact', fixNote: '' } }],
      output: null,
    },
    {
      name: 'a look-alike generator repository holding the real workflow path (not fixed: not a one-letter slip)',
      code: call(`slsa-framework/slsa-github-builder/${GEN}@v2.1.0`),
      errors: [{ messageId: 'typo', line: 4, column: 11, data: { name: `slsa-framework/slsa-github-builder/${GEN}`, what: 'reusable workflow', suggestion: `slsa-framework/slsa-github-generator/${GEN}`, fixNote: '' } }],
      output: null,
    },
    {
      name: 'a misspelt generator workflow file',
      code: call('slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa.yml@v2.1.0'),
      errors: [{ messageId: 'typo', line: 4, column: 11 }],
      output: call(`slsa-framework/slsa-github-generator/${GEN}@v2.1.0`),
    },
    {
      name: 'a quoted value with an escape is reported on the whole value, without a fix',
      code: step('"actions/chekout\\u0040v4"'),
      errors: [{ messageId: 'typo', line: 6, column: 15 }],
      output: null,
    },
    {
      name: 'a missing ref',
      code: step('actions/checkout'),
      errors: [{ messageId: 'malformed', line: 6, column: 15, data: { value: 'actions/checkout', reason: '`actions/checkout` has no ref; add @ and a tag or full commit SHA' } }],
    },
    { name: 'a missing owner', code: step('checkout@v2'), errors: [{ messageId: 'malformed', line: 6, column: 15 }] },
    { name: 'a local path without ./', code: step('.github/my-actions/do-something'), errors: [{ messageId: 'malformed', line: 6, column: 15 }] },
    { name: 'an empty docker tag', code: step("'docker://image:'"), errors: [{ messageId: 'malformed', line: 6, column: 15 }] },
    { name: 'an empty owner', code: call('/foo/bar/workflow.yml@main'), errors: [{ messageId: 'malformed', line: 4, column: 11 }] },
    { name: 'whitespace inside the value', code: step('actions/checkout@v4 extra'), errors: [{ messageId: 'malformed', line: 6, column: 15 }] },
  ],
});

describe('unknown-action over real workflows', () => {
  const scan = async (corpus: Parameters<typeof readCorpus>[0]) =>
    (await readCorpus(corpus)).flatMap((f) =>
      lintText(Buffer.from(f.bytes).toString('utf8'), f.name, { rules: [unknownAction] })
        .diagnostics.filter((d) => d.ruleId === 'unknown-action')
        .map((d) => `${f.name}:${d.line}:${d.column}`),
    );

  it('finds nothing in the 37 release workflows, actionlint\'s ok corpus or its 1,503 real-world workflows', async () => {
    expect(await scan('real-world')).toEqual([]);
    expect(await scan('actionlint-ok')).toEqual([]);
    expect(await scan('actionlint-realworld')).toEqual([]);
  }, 120_000);

  it('agrees with actionlint\'s examples and err cases on malformed references', () => {
    const dir = '/work/shared/fixtures/actionlint/testdata';
    const found = (file: string) =>
      lintText(readFileSync(`${dir}/${file}`, 'utf8'), file, { rules: [unknownAction] }).diagnostics.map((d) => `${d.line}:${d.column}`);
    // actionlint: 7:15 missing ref, 9:15 missing owner, 11:15 empty docker tag, 13:15 local path without `./`.
    expect(found('examples/invalid_action_format.yaml')).toEqual(['7:15', '9:15', '11:15', '13:15']);
    // actionlint also reports 27 (`./…@main`) and 33 (`foo/workflow.yml@main`, no path) as reusable-workflow
    // call formats; those parse as a local path and an owner/repo action here, which this rule does not judge.
    expect(found('err/workflow_call_job.yaml')).toEqual(['30:11', '36:11']);
  });

  it('reports zizmor\'s typosquat cases, including the same-owner one zizmor skips', () => {
    const text = readFileSync('/work/shared/fixtures/zizmor/test-data/typosquat-uses.yml', 'utf8');
    // Line 29 (`dokcer/login-action`) names an action outside the known table; offline it is not judged.
    expect(lintText(text, 'typosquat-uses.yml', { rules: [unknownAction] }).diagnostics.map((d) => d.line)).toEqual([17, 20, 23, 26, 32]);
  });
});
