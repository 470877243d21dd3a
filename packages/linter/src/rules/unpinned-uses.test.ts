import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { yaml } from '@slsa-kit/core/testing';
import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { testRule } from '../testing/rule-tester.js';
import { RECORDED, refColumn, step } from '../testing/uses-step.fixture.js';
import { unpinnedUses } from './unpinned-uses.js';

const CHECKOUT_701 = RECORDED.checkout701;
const ATTEST_BP_410 = RECORDED.attestBuildProvenance410;
const CHECKOUT_610 = RECORDED.checkout610;
const GENERATOR_210 = RECORDED.generator210;
const GEN = 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml';

const col = refColumn;

testRule(unpinnedUses, {
  valid: [
    { name: 'a full SHA with its version comment', code: step(`actions/checkout@${CHECKOUT_701} # v7.0.1`) },
    { name: 'a full SHA without a comment', code: step(`someone/unknown-action@${'ab'.repeat(20)}`) },
    { name: 'a local action', code: step('./.github/actions/setup') },
    { name: 'a docker image with a digest', code: step(`docker://alpine:3.20@sha256:${'0'.repeat(64)}`) },
    {
      name: 'the slsa-github-generator reusable workflow is tag-referenced (slsa-generator-ref owns it)',
      code: yaml`
        on: push
        jobs:
          provenance:
            uses: ${GEN}@v2.1.0
      `,
    },
    {
      name: 'a reusable workflow pinned by SHA',
      code: yaml`
        on: push
        jobs:
          call:
            uses: octo/workflows/.github/workflows/release.yml@${'cd'.repeat(20)} # v1.0.0
      `,
    },
    { name: 'an invalid value is another rule\'s business', code: step('actions/checkout') },
  ],
  invalid: [
    {
      // zizmor's issue-1543 repro: GitHub trims the block scalar's newline and resolves the tag.
      name: 'a `uses: |` block scalar is judged by its trimmed value (reported on the value, no fix)',
      code: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: |\n          actions/checkout@v7\n',
      errors: [{ messageId: 'tag', line: 6, column: 15 }],
    },
    {
      name: 'a moving major tag is pinned to the recorded commit, named by its most specific release',
      code: step('actions/checkout@v7'),
      errors: [{ messageId: 'tag', line: 6, column: col('actions/checkout'), endColumn: col('actions/checkout') + 2, severity: 'warning' }],
      output: step(`actions/checkout@${CHECKOUT_701} # v7.0.1`),
    },
    {
      name: 'a moving tag that lags the newest release names the release it points at',
      code: step('actions/attest-build-provenance@v4'),
      errors: [{ messageId: 'tag', line: 6, column: col('actions/attest-build-provenance') }],
      output: step(`actions/attest-build-provenance@${ATTEST_BP_410} # v4.1.0`),
    },
    {
      name: 'a full release tag',
      code: step('actions/checkout@v7.0.1'),
      errors: [{ messageId: 'tag', line: 6, column: col('actions/checkout') }],
      output: step(`actions/checkout@${CHECKOUT_701} # v7.0.1`),
    },
    {
      name: 'a major line without a recorded moving tag resolves through its newest recorded release',
      code: step('actions/checkout@v6'),
      errors: [{ messageId: 'tag', line: 6, column: col('actions/checkout') }],
      output: step(`actions/checkout@${CHECKOUT_610} # v6.1.0`),
    },
    {
      name: 'a quoted value keeps its quotes; the comment goes after them',
      code: step('"actions/checkout@v7"'),
      errors: [{ messageId: 'tag', line: 6, column: col('"actions/checkout') }],
      output: step(`"actions/checkout@${CHECKOUT_701}" # v7.0.1`),
    },
    {
      name: 'a stale version comment is rewritten, not duplicated',
      code: step('actions/checkout@v7 # v7.0.0'),
      errors: [{ messageId: 'tag', line: 6, column: col('actions/checkout') }],
      output: step(`actions/checkout@${CHECKOUT_701} # v7.0.1`),
    },
    {
      name: 'another comment is kept after the version',
      code: step('actions/checkout@v7 # keep the history'),
      errors: [{ messageId: 'tag', line: 6, column: col('actions/checkout') }],
      output: step(`actions/checkout@${CHECKOUT_701} # v7.0.1 # keep the history`),
    },
    {
      name: 'an action the database does not know is reported without a fix',
      code: step('astral-sh/setup-uv@v6'),
      errors: [{ messageId: 'tag', line: 6, column: col('astral-sh/setup-uv') }],
      output: null,
    },
    {
      name: 'a branch of a known action, which the database cannot pin',
      code: step('pypa/gh-action-pypi-publish@release/v1'),
      errors: [{ messageId: 'branch', line: 6, column: col('pypa/gh-action-pypi-publish') }],
      output: null,
    },
    { name: 'main', code: step('actions/checkout@main'), errors: [{ messageId: 'branch', line: 6, column: col('actions/checkout') }], output: null },
    { name: 'a short SHA', code: step('actions/checkout@3d3c42e'), errors: [{ messageId: 'shortSha', line: 6, column: col('actions/checkout') }], output: null },
    { name: 'a docker image by tag', code: step('docker://alpine:3.20'), errors: [{ messageId: 'docker', line: 6, column: 15 }] },
    { name: 'a docker image without tag or digest', code: step('docker://ghcr.io/octo/tool'), errors: [{ messageId: 'docker', line: 6, column: 15 }] },
    {
      name: 'a reusable workflow by tag, at the job',
      code: yaml`
        on: push
        jobs:
          call:
            uses: octo/workflows/.github/workflows/release.yml@v1
      `,
      errors: [{ messageId: 'tag', line: 4, column: 11 + 'octo/workflows/.github/workflows/release.yml'.length + 1 }],
      output: null,
    },
    {
      name: 'a flow mapping gets no fix (a comment would swallow the rest of the line)',
      code: yaml`
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - { uses: actions/checkout@v7, with: { fetch-depth: 0 } }
      `,
      errors: [{ messageId: 'tag', line: 6, column: 17 + 'actions/checkout'.length + 1 }],
      output: null,
    },
    {
      name: 'a job reused through a YAML alias is one finding at the one place in the file',
      code: yaml`
        on: push
        jobs:
          a: &job
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v7
          b: *job
      `,
      errors: [{ messageId: 'tag', line: 6, column: col('actions/checkout') }],
      output: yaml`
        on: push
        jobs:
          a: &job
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@${CHECKOUT_701} # v7.0.1
          b: *job
      `,
    },
    {
      name: 'the slsa-github-generator composite actions are actions like any other',
      code: step('slsa-framework/slsa-github-generator/actions/generator/generic/create-base64-subjects-from-file@v2.1.0'),
      errors: [{ messageId: 'tag', line: 6, column: col('slsa-framework/slsa-github-generator/actions/generator/generic/create-base64-subjects-from-file') }],
      output: step(`slsa-framework/slsa-github-generator/actions/generator/generic/create-base64-subjects-from-file@${GENERATOR_210} # v2.1.0`),
    },
  ],
});

const FIXTURES = '/work/shared/fixtures';

/** `file:line ref` of every finding over the YAML files of `dir`. */
function findings(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .flatMap((f) =>
      lintText(readFileSync(join(dir, f), 'utf8'), f, { rules: [unpinnedUses] })
        .diagnostics.filter((d) => d.ruleId === 'unpinned-uses')
        .map((d) => `${f}:${d.line} ${/`([^`]+)`/.exec(d.message)![1]}`),
    );
}

describe('unpinned-uses over real workflows', () => {
  it('reports only refs that really are tags, branches or untagged images in the 37 release workflows', () => {
    // Every one a true positive: these projects pin everything else by SHA. The slsa-framework
    // e2e workflows call the generator's composite actions at @main on purpose (they test HEAD).
    expect(findings(join(FIXTURES, 'real-world/workflows'))).toEqual([
      'axios__axios__publish.yml:21 actions/checkout@v4',
      'axios__axios__publish.yml:26 actions/setup-node@v4',
      'axios__axios__publish.yml:33 martinbeentjes/npm-get-version-action@main',
      'axios__axios__publish.yml:36 ffurrer2/extract-release-notes@v2',
      'axios__axios__publish.yml:41 rickstaa/action-create-tag@v1',
      'axios__axios__publish.yml:51 ncipollo/release-action@v1',
      'axios__axios__publish.yml:67 actions/checkout@v4',
      'axios__axios__publish.yml:75 actions/setup-node@v4',
      'encode__httpx__publish.yml:17 actions/checkout@v4',
      'encode__httpx__publish.yml:18 actions/setup-python@v6',
      'npm__pacote__release-integration.yml:37 actions/checkout@v6',
      'npm__pacote__release-integration.yml:45 actions/setup-node@v6',
      'slsa-framework__example-package__e2e.nodejs.push.main.custom_publish.slsa3.yml:78 slsa-framework/slsa-github-generator/actions/nodejs/secure-package-download@main',
      'slsa-framework__example-package__e2e.nodejs.push.main.custom_publish.slsa3.yml:85 slsa-framework/slsa-github-generator/actions/nodejs/secure-attestations-download@main',
      'slsa-framework__example-package__e2e.nodejs.release.main.default.slsa3.yml:78 slsa-framework/slsa-github-generator/actions/nodejs/publish@main',
    ]);
  });

  it('never reports a SHA pin, a local action or a tag-referenced generator workflow in actionlint\'s ok corpus', () => {
    const all = findings(join(FIXTURES, 'actionlint/testdata/ok'));
    // Those files are about other checks and use tags freely: 26 tags or branches and 9 image tags
    // (8 in docker_steps.yaml); none of the findings is a SHA pin, a local action or the generator.
    expect(all.filter((f) => /@[0-9a-f]{40}$/.test(f) || f.includes('slsa-github-generator/.github/workflows/') || f.includes(' ./'))).toEqual([]);
    expect(all).toHaveLength(35);
  });
});
