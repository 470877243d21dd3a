import { readFileSync } from 'node:fs';
import { readCorpus, yaml } from '@slsa-kit/core/testing';
import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { testRule } from '../testing/rule-tester.js';
import { step as oneStep } from '../testing/uses-step.fixture.js';
import { actionInputs } from './action-inputs.js';

/** A step using `uses` with the `with:` lines given (step on line 6, first input on line 8 at column 11). */
const step = (uses: string, ...inputs: string[]) =>
  oneStep(uses) + (inputs.length > 0 ? `        with:\n${inputs.map((i) => `          ${i}\n`).join('')}` : '');

testRule(actionInputs, {
  valid: [
    { name: 'known inputs', code: step('actions/checkout@v4', 'fetch-depth: 0', 'persist-credentials: false') },
    { name: 'input names match case-insensitively', code: step('actions/cache@v4', 'PATH: ~/.npm', 'Key: npm', 'enablecrossosarchive: true') },
    { name: 'a required input given as a block list', code: step('actions/upload-artifact@v4', 'path: |', '  dist/', '  sbom.json') },
    { name: 'no with: and no required inputs', code: step('actions/checkout@v4') },
    { name: 'with: given as one expression is only known at run time', code: step('actions/cache@v4').replace(/\n$/, '\n        with: ${{ fromJSON(env.CACHE) }}\n') },
    { name: 'an action outside the table is not judged', code: step('someone/anything@v1', 'whatever: 1') },
    { name: 'a sub-action of a known repository is not judged', code: step('actions/cache/restore@v4', 'key: x', 'path: y') },
    { name: 'slsa-generator workflows belong to slsa-generator-inputs', code: yaml`
        on: push
        jobs:
          provenance:
            uses: slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0
            with:
              subject-base64: abc
      ` },
  ],
  invalid: [
    {
      name: 'an unknown input with a suggestion',
      code: step('actions/setup-node@v4', 'node_version: 20'),
      errors: [{ messageId: 'unknown', line: 8, column: 11, endColumn: 23, severity: 'error', data: {
        action: '`actions/setup-node`', input: 'node_version', hint: '; did you mean `node-version`?',
        effect: 'GitHub ignores it with only an "Unexpected input" warning, so the setting silently has no effect',
      } }],
    },
    { name: 'checkout has no depth (seen in apache/skywalking)', code: step('actions/checkout@v4', 'depth: 1'), errors: [{ messageId: 'unknown', line: 8, column: 11 }] },
    {
      name: 'a missing required input, and the misspelt key that was meant to be it',
      code: step('actions/cache@v4', 'keys: npm', 'path: ./packages'),
      errors: [
        { messageId: 'missing', line: 6, column: 15, data: { action: '`actions/cache`', input: 'key' } },
        { messageId: 'unknown', line: 8, column: 11, data: { action: '`actions/cache`', input: 'keys', hint: '; did you mean `key`?', effect: 'GitHub ignores it with only an "Unexpected input" warning, so the setting silently has no effect' } },
      ],
    },
    { name: 'upload-artifact without path', code: step('actions/upload-artifact@v4', 'name: dist'), errors: [{ messageId: 'missing', line: 6, column: 15 }] },
    {
      name: 'deprecated inputs name their replacement (actionlint deprecated_action_inputs)',
      code: step('pypa/gh-action-pypi-publish@release/v1', 'packages_dir: /path/to/dir', 'repository_url: https://test.pypi.org/legacy/'),
      errors: [
        { messageId: 'deprecated', line: 8, column: 11, severity: 'warning', data: { action: '`pypa/gh-action-pypi-publish`', input: 'packages_dir', advice: 'use `packages-dir` instead' } },
        { messageId: 'deprecated', line: 9, column: 11, severity: 'warning' },
      ],
    },
    {
      name: 'a deprecated input without a replacement',
      code: step('actions/setup-go@v5', 'go-version: 1.22', 'stable: true'),
      errors: [{ messageId: 'deprecated', line: 9, column: 11, data: { action: '`actions/setup-go`', input: 'stable', advice: 'remove it (newer releases drop it)' } }],
    },
    { name: 'a known action named in another case', code: step('Softprops/Action-GH-Release@v2', 'release_name: v1'), errors: [{ messageId: 'unknown', line: 8, column: 11 }] },
  ],
});

describe('action-inputs over real workflows', () => {
  const scan = async (corpus: Parameters<typeof readCorpus>[0], severity?: string) =>
    (await readCorpus(corpus)).flatMap((f) =>
      lintText(Buffer.from(f.bytes).toString('utf8'), f.name, { rules: [actionInputs] })
        .diagnostics.filter((d) => d.ruleId === 'action-inputs' && (severity === undefined || d.severity === severity))
        .map((d) => `${f.name}:${d.line} ${/input `([^`]+)`/.exec(d.message)![1]}`),
    );

  it('finds nothing in the 37 release workflows or actionlint\'s ok corpus', async () => {
    expect(await scan('real-world')).toEqual([]);
    expect(await scan('actionlint-ok')).toEqual([]);
  });

  it('finds only the four genuine mistakes among the errors of the 1,503 real-world workflows', async () => {
    // Each one is ignored by GitHub with an "Unexpected input" warning: checkout has no `depth`
    // (`fetch-depth`), setup-node no `node`, setup-python no `fetch-depth` (a checkout input pasted
    // into the wrong step), and action-gh-release names it `name`, not `release_name`.
    expect(await scan('actionlint-realworld', 'error')).toEqual([
      'StreisandEffect_streisand_.github_workflows_streisand.yml:55 fetch-depth',
      'apache_skywalking_.github_workflows_e2e.jdk-versions.yaml:44 depth',
      'redux-saga_redux-saga_.github_workflows_nodejs.yml:19 node',
      'tqdm_tqdm_.github_workflows_test.yml:172 release_name',
    ]);
    // The warnings are deprecated inputs still in use: setup-go `stable` (38), setup-node `version` (2),
    // gh-action-pypi-publish's snake_case names (4).
    expect(await scan('actionlint-realworld', 'warning')).toHaveLength(44);
  }, 120_000);

  it('agrees with actionlint\'s examples on inputs of actions in the table', () => {
    const dir = '/work/shared/fixtures/actionlint/testdata';
    const found = (file: string) =>
      lintText(readFileSync(`${dir}/${file}`, 'utf8'), file, { rules: [actionInputs] }).diagnostics.map((d) => `${d.line}:${d.column}`);
    expect(found('examples/popular_action_inputs.yaml')).toEqual(['7:15', '9:11']);
    expect(found('examples/main.yaml')).toEqual(['17:11']);
    expect(found('err/deprecated_action_inputs.yaml')).toEqual(['9:11', '10:11']);
  });
});
