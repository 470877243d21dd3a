import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../facts.js';
import { formatMarker } from '../marker.js';
import { describeWorkflow, detectWorkflows } from './detect-workflows.js';

const CI = 'name: CI\non:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n';
const job = (run: string): string => `jobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - ${run}\n`;

describe('describeWorkflow', () => {
  it.each([
    ['a plain CI workflow', CI, false],
    ['on: release', `on: release\n${job('run: make')}`, true],
    ['on: [push, release]', `on: [push, release]\n${job('run: make')}`, true],
    ['on.release mapping', `on:\n  release:\n    types: [published]\n${job('run: make')}`, true],
    ['on.push.tags', `on:\n  push:\n    tags: ['v*']\n${job('run: make')}`, true],
    ['on.push.tags-ignore only', `on:\n  push:\n    tags-ignore: ['v*']\n${job('run: make')}`, false],
    ['on: push', `on: push\n${job('run: make')}`, false],
    ['workflow_dispatch only', `on: workflow_dispatch\n${job('run: make')}`, false],
    ['slsa-github-generator', `on: workflow_dispatch\n${job('uses: slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0')}`, true],
    ['pypi publish action', `on: workflow_dispatch\n${job('uses: pypa/gh-action-pypi-publish@release/v1')}`, true],
    ['npm publish', `on: workflow_dispatch\n${job('run: npm publish --provenance')}`, true],
    ['twine upload', `on: workflow_dispatch\n${job('run: twine upload dist/*')}`, true],
    ['actions/attest-build-provenance', `on: workflow_dispatch\n${job('uses: actions/attest-build-provenance@v2')}`, true],
    ['a release word only in a comment', `# we do not npm publish here\non: push\n${job('run: make')}`, false],
    ['malformed YAML, plain', 'on: [push\njobs: {', false],
    ['malformed YAML that publishes', 'on: [push\n  - run: npm publish', true],
    ['a YAML list', '- on: release\n', false],
  ])('%s', (_name, text, release) => {
    expect(describeWorkflow('.github/workflows/x.yml', text)).toEqual({ file: '.github/workflows/x.yml', release, generatedBySlsaInit: false });
  });

  it('a workflow carrying the slsa-init marker is generated and a release', () => {
    const text = `${formatMarker([['ecosystem', 'node']], CI)}\n${CI}`;
    expect(describeWorkflow('.github/workflows/slsa.yml', text)).toEqual({ file: '.github/workflows/slsa.yml', release: true, generatedBySlsaInit: true });
  });

  it('a marker too far down does not count', () => {
    const text = `${CI}${formatMarker([], '')}\n`;
    expect(describeWorkflow('.github/workflows/ci.yml', text).generatedBySlsaInit).toBe(false);
  });
});

describe('detectWorkflows', () => {
  it('keeps only .github/workflows/*.yml|yaml, sorted by path', () => {
    const snapshot: ProjectSnapshot = {
      dirName: 'dir',
      files: new Map([
        ['.github/workflows/release.yaml', `on: release\n${job('run: make')}`],
        ['package.json', '{}'],
        ['.github/workflows/ci.yml', CI],
        ['.github/workflows/Build.yml', CI],
        ['.github/workflows/notes.md', 'on: release'],
        ['.github/workflows/sub/nested.yml', 'on: release'],
        ['.github/dependabot.yml', 'version: 2'],
      ]),
    };
    expect(detectWorkflows(snapshot)).toEqual([
      { file: '.github/workflows/Build.yml', release: false, generatedBySlsaInit: false },
      { file: '.github/workflows/ci.yml', release: false, generatedBySlsaInit: false },
      { file: '.github/workflows/release.yaml', release: true, generatedBySlsaInit: false },
    ]);
  });
});
