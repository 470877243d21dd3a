import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../yaml/parse.js';
import { SourceFile } from '../yaml/source-file.js';
import { validateWorkflowSchema, WORKFLOW_SCHEMA } from './validate-workflow.js';

/** Validates `text` and returns each finding as `line:column message` (and its source text). */
function lint(text: string): { at: string; message: string; text: string }[] {
  const parsed = parseYaml(text, 'w.yml');
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return validateWorkflowSchema(parsed.document!, parsed.source).map((d) => {
    expect(d.ruleId).toBe(WORKFLOW_SCHEMA);
    expect(d.severity).toBe('error');
    const r = parsed.source.locate(d.span);
    return { at: `${r.line}:${r.column}`, message: d.message, text: parsed.source.slice(d.span) };
  });
}

const job = (body: string) => `on: push\njobs:\n  build:\n${body}`;

describe('validateWorkflowSchema', () => {
  it('accepts a valid workflow, expressions where booleans and numbers are expected included', () => {
    const text = job(
      [
        '    runs-on: ubuntu-latest',
        '    timeout-minutes: ${{ inputs.timeout }}',
        '    continue-on-error: ${{ matrix.experimental }}',
        '    strategy:',
        '      fail-fast: ${{ inputs.fail-fast }}',
        '      matrix: ${{ fromJSON(inputs.matrix) }}',
        '    concurrency: {group: x, cancel-in-progress: "${{ github.ref != \'refs/heads/main\' }}"}',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '        with: {fetch-depth: 0, persist-credentials: false}',
        '        timeout-minutes: ${{ inputs.step-timeout }}',
        '        continue-on-error: ${{ inputs.soft }}',
        '',
      ].join('\n'),
    );
    expect(lint(text)).toEqual([]);
  });

  it('reports a job without runs-on at the job key', () => {
    expect(lint(job('    steps:\n      - run: make\n'))).toEqual([{ at: '3:3', message: 'job `build` has no `runs-on`', text: 'build' }]);
  });

  it('reports an unknown step key with a suggestion, at the key', () => {
    const text = job('    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-node@v4\n        wiht:\n          node-version: 20\n');
    expect(lint(text)).toEqual([{ at: '7:9', message: 'unknown key `wiht` in step; did you mean `with`?', text: 'wiht' }]);
  });

  it('reports a wrong type once, naming every accepted form', () => {
    expect(lint(job('    runs-on: ubuntu-latest\n    timeout-minutes: ten\n    steps: [{run: make}]\n'))).toEqual([
      { at: '5:22', message: '`timeout-minutes` must be a number or an expression', text: 'ten' },
    ]);
    expect(lint(job('    runs-on: ubuntu-latest\n    steps:\n      - run: make\n        continue-on-error: "yes"\n'))).toEqual([
      { at: '7:28', message: '`continue-on-error` must be a boolean or an expression', text: '"yes"' },
    ]);
    expect(lint(job('    runs-on:\n    steps: [{run: make}]\n'))).toEqual([
      { at: '4:5', message: '`runs-on` has no value; it must be a string, a list or a mapping', text: 'runs-on' },
    ]);
  });

  it('reports an unknown event name with a suggestion', () => {
    expect(lint('on: pushh\njobs:\n  a: {runs-on: x, steps: [{run: y}]}\n')).toEqual([
      { at: '1:5', message: 'unknown event `pushh`; did you mean `push`?', text: 'pushh' },
    ]);
    expect(lint('on: [push, pull_requests]\njobs:\n  a: {runs-on: x, steps: [{run: y}]}\n')).toEqual([
      { at: '1:12', message: 'unknown event `pull_requests`; did you mean `pull_request`?', text: 'pull_requests' },
    ]);
    expect(lint('on:\n  pushh:\n    branches: [main]\njobs:\n  a: {runs-on: x, steps: [{run: y}]}\n')).toEqual([
      { at: '2:3', message: 'unknown event `pushh`; did you mean `push`?', text: 'pushh' },
    ]);
  });

  it('reports a bad permission level with a suggestion, and an unknown scope', () => {
    const text = 'on: push\npermissions:\n  id-token: writ\n  content: read\njobs:\n  a: {runs-on: x, steps: [{run: y}]}\n';
    expect(lint(text)).toEqual([
      { at: '3:13', message: '`id-token` must be `write` or `none`; did you mean `write`?', text: 'writ' },
      { at: '4:3', message: 'unknown permission `content` in `permissions`; did you mean `contents`?', text: 'content' },
    ]);
    // GitHub's parser has no `read` for id-token (permission-level-write-or-no-access).
    expect(lint('on: push\npermissions:\n  id-token: read\njobs:\n  a: {runs-on: x, steps: [{run: y}]}\n')).toEqual([
      { at: '3:13', message: '`id-token` must be `write` or `none`', text: 'read' },
    ]);
    expect(lint('on: push\npermissions: read\njobs:\n  a: {runs-on: x, steps: [{run: y}]}\n')).toEqual([
      { at: '2:14', message: '`permissions` must be `read-all`, `write-all` or a mapping', text: 'read' },
    ]);
  });

  it('reports job-level permission mistakes inside the job', () => {
    const text = job('    runs-on: ubuntu-latest\n    permissions:\n      contents: wirte\n    steps: [{run: make}]\n');
    expect(lint(text)).toEqual([{ at: '6:17', message: '`contents` must be `read`, `write` or `none`; did you mean `write`?', text: 'wirte' }]);
  });

  it('explains steps without an action and steps with two', () => {
    const text = job('    runs-on: ubuntu-latest\n    steps:\n      - name: nothing\n      - uses: actions/checkout@v4\n        run: make\n');
    expect(lint(text)).toEqual([
      { at: '6:9', message: 'step must have one of `uses`, `run`, `wait`, `wait-all`, `cancel` or `parallel`', text: 'name' },
      { at: '8:9', message: 'step cannot have both `uses` and `run`', text: 'run' },
    ]);
  });

  it('reports a missing workflow key at the first key, and a non-mapping workflow', () => {
    expect(lint('name: x\njobs:\n  a: {runs-on: x, steps: [{run: y}]}\n')).toEqual([{ at: '1:1', message: 'the workflow has no `on`', text: 'name' }]);
    expect(lint('- just\n- a list\n')).toEqual([{ at: '1:1', message: 'the workflow must be a mapping', text: '- just\n- a list\n' }]);
  });

  it('checks job ids, reusable-workflow jobs and their uses', () => {
    expect(lint('on: push\njobs:\n  1build: {runs-on: x, steps: [{run: y}]}\n')).toEqual([
      { at: '3:3', message: '`1build` is not a valid job id: it must start with a letter or `_` and contain only letters, digits, `-` and `_`', text: '1build' },
    ]);
    expect(lint('on: push\njobs:\n  call:\n    uses: ./.github/workflows/release.yml\n    steps: [{run: y}]\n')).toEqual([
      { at: '5:5', message: 'unknown key `steps` in job `call`', text: 'steps' },
    ]);
    expect(lint('on: push\njobs:\n  call:\n    uses: ./.github/workflows/release.exe\n')[0]?.message).toBe(
      '`uses` must name a workflow file: `./.github/workflows/NAME.yml` or `OWNER/REPO/.github/workflows/NAME.yml@REF`',
    );
  });

  it('explains event filters, activity types and workflow_dispatch inputs', () => {
    const text = [
      'on:',
      '  push:',
      '    branches: [main]',
      '    branches-ignore: [dev]',
      '  issue_comment:',
      '    types: [opened]',
      '  workflow_dispatch:',
      '    inputs:',
      '      level:',
      '        type: choice',
      'jobs:',
      '  a: {runs-on: x, steps: [{run: y}]}',
      '',
    ].join('\n');
    expect(lint(text)).toEqual([
      { at: '4:5', message: '`branches` and `branches-ignore` cannot be used together in event `push`', text: 'branches-ignore' },
      { at: '6:13', message: '`opened` is not an activity type of `issue_comment`; expected `created`, `edited` or `deleted`', text: 'opened' },
      { at: '9:7', message: 'input `level` has no `options`', text: 'level' },
    ]);
  });

  it('says which key needs which', () => {
    const text = job('    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        shell: bash\n');
    expect(lint(text)).toEqual([{ at: '7:9', message: '`shell` can only be used together with `run`', text: 'shell' }]);
  });

  it('points into the anchor when the mistake comes through an alias', () => {
    const text = 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - &s {run: make, wiht: 1}\n      - *s\n';
    expect(lint(text)).toEqual([{ at: '6:24', message: 'unknown key `wiht` in step; did you mean `with`?', text: 'wiht' }]);
  });

  it('accepts what GitHub accepts but the upstream schema rejects (vendored patches)', () => {
    const text = [
      'name: 2024',
      'on:',
      '  push: {branches: main, paths-ignore: docs/**}',
      '  workflow_run: {workflows: CI, types: [completed]}',
      '  image_version: {names: [my-image], versions: ["2.*"]}',
      'jobs:',
      '  a:',
      '    runs-on: x',
      '    container: null',
      '    services: ${{ fromJSON(inputs.services) }}',
      '    strategy: {fail-fast: false}',
      '    snapshot: {image-name: img, version: "2.*", if: "${{ github.ref == \'refs/heads/main\' }}"}',
      '    env: {EMPTY: }',
      '    steps:',
      '      - run: true',
      '      - name:',
      '        run: make',
      '',
    ].join('\n');
    expect(lint(text)).toEqual([]);
  });

  it('turns a failure to build the data into a diagnostic instead of throwing', () => {
    // Each `*b` expands 100 aliases: past yaml's maxAliasCount, which the caller's limits may allow.
    const many = (n: number, alias: string) => Array.from({ length: n }, () => alias).join(', ');
    const text = `a: &a [1]\nb: &b [${many(100, '*a')}]\nc: [${many(200, '*b')}]\n`;
    const doc = parseDocument(text);
    const result = validateWorkflowSchema(doc, new SourceFile('w.yml', text));
    expect(result).toHaveLength(1);
    expect(result[0]!.message).toMatch(/could not be read as data/);
  });
});
