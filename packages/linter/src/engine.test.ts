import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caught, caughtSync, yaml } from '@slsa-kit/core/testing';
import type { LintConfig } from './config.js';
import { lintFiles, lintText } from './engine.js';
import { defineRule, type AnyRule } from './rule.js';
import { builtinRules } from './rules/index.js';
import { GEN, REF_COLUMN, TWO_GENERATOR_JOBS } from './testing/two-generator-jobs.fixture.js';

const code = TWO_GENERATOR_JOBS;
const C = REF_COLUMN;
const config = (rules: Record<string, { setting?: 'off' | 'note' | 'warning' | 'error'; options?: Record<string, unknown> }>, ignore: string[] = []): LintConfig => ({
  rules: new Map(Object.entries(rules).map(([id, c]) => [id, { ...c, options: c.options ?? {} }])),
  ignore,
});
const summary = (text: string, options = {}) => lintText(text, 'w.yml', options).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`);

describe('lintText', () => {
  it('runs the built-in rules and sorts findings by position', () => {
    expect(summary(code)).toEqual([`4:${C} note slsa-generator-ref`, `7:${C} error slsa-generator-ref`]);
  });

  it('a configured severity overrides both the default and a per-report severity', () => {
    expect(summary(code, { config: config({ 'slsa-generator-ref': { setting: 'warning' } }) })).toEqual([
      `4:${C} warning slsa-generator-ref`,
      `7:${C} warning slsa-generator-ref`,
    ]);
  });

  it('a rule set to off does not run', () => {
    expect(summary(code, { config: config({ 'slsa-generator-ref': { setting: 'off' } }) })).toEqual([]);
  });

  it('yaml-syntax stops the file before any rule runs', () => {
    expect(summary(`jobs:\n  a:\n    uses: ${GEN}@main\n    uses: x\n`)).toEqual(['4:5 error yaml-syntax']);
  });

  it('inline ignores apply unless disabled', () => {
    const ignored = `on: push\njobs:\n  a:\n    # slsa-lint: ignore[slsa-generator-ref] testing a fork\n    uses: ${GEN}@main\n    with: { base64-subjects: abc }\n`;
    expect(summary(ignored)).toEqual([]);
    expect(summary(ignored, { ignores: false })).toEqual([`5:${C} error slsa-generator-ref`]);
  });

  it('skips rules that need the network unless online', () => {
    const seen: boolean[] = [];
    const online = defineRule({
      meta: { id: 'net', description: 'd', defaultSeverity: 'error', fixable: false, requiresNetwork: true, docsUrl: 'u', messages: { m: 'm' } },
      create: (ctx) => ({ workflow: () => void seen.push(ctx.online) }),
    });
    lintText(code, 'w.yml', { rules: [online] });
    lintText(code, 'w.yml', { rules: [online], online: true });
    expect(seen).toEqual([true]);
  });

  it('visits in document order and resolves routes to spans', () => {
    const calls: string[] = [];
    const visitor: AnyRule = defineRule({
      meta: { id: 'v', description: 'd', defaultSeverity: 'warning', fixable: false, requiresNetwork: false, docsUrl: 'u', messages: { here: 'job {{id}}' } },
      create: (ctx) => ({
        workflow: () => calls.push('workflow'),
        job: (j) => {
          calls.push(`job ${j.id}`);
          ctx.report({ messageId: 'here', data: { id: j.id }, at: { route: j.route, part: 'key' } });
        },
        reusableJob: (j) => calls.push(`reusable ${j.id}`),
        step: (s) => calls.push(`step ${s.index}`),
        uses: (u) => calls.push(`uses ${u.value.value}`),
        expression: (e) => calls.push(`expr ${e.source.trim()}`),
        workflowExit: () => calls.push('exit'),
      }),
    });
    const text = yaml`
      jobs:
        build:
          if: github.ref == 'x'
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@v4
            - run: echo \${{ github.sha }}
    `;
    const result = lintText(text, 'w.yml', { rules: [visitor] });
    expect(calls).toEqual(['workflow', 'job build', 'step 0', 'uses actions/checkout@v4', 'step 1', "expr github.ref == 'x'", 'expr github.sha', 'exit']);
    expect(result.diagnostics.map((d) => [d.line, d.column, d.endColumn, d.message])).toEqual([[2, 3, 8, 'job build']]);
  });

  it('a crashing rule is an operational error naming the rule, not a finding', () => {
    const crash = defineRule({
      meta: { id: 'boom', description: 'd', defaultSeverity: 'error', fixable: false, requiresNetwork: false, docsUrl: 'u', messages: { m: 'm' } },
      create: () => ({ workflow: () => { throw new Error('bug'); } }),
    });
    expect(caughtSync(() => lintText(code, 'w.yml', { rules: [crash] })).code).toBe('rule-crashed');
  });

  it('registers every rule id once', () => {
    const ids = builtinRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('lintFiles', () => {
  it('reads files, skips ignored globs, and reports unreadable files as read-failed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'slsa-lint-'));
    await writeFile(path.join(dir, 'a.yml'), code);
    await writeFile(path.join(dir, 'skip.yml'), code);
    const results = await lintFiles([path.join(dir, 'a.yml'), path.join(dir, 'skip.yml')], { config: { ...config({}, ['skip.yml']), baseDir: dir } });
    expect(results.map((r) => path.basename(r.file))).toEqual(['a.yml']);
    expect((await caught(() => lintFiles([path.join(dir, 'missing.yml')]))).code).toBe('read-failed');
  });
});
