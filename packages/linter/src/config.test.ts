import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caught, yaml } from '@slsa-kit/core/testing';
import { parseConfig } from './config.js';
import { loadConfig } from './config-load.js';
import { defineRule } from './rule.js';
import { builtinRules } from './rules/index.js';

const withOptions = defineRule({
  meta: {
    id: 'with-options',
    description: 'd',
    defaultSeverity: 'warning',
    fixable: false,
    requiresNetwork: false,
    docsUrl: 'u',
    messages: { m: 'm' },
    options: { allow: 'string[]', strict: 'boolean' },
  },
  create: () => ({}),
});
const rules = [...builtinRules, withOptions];

describe('parseConfig', () => {
  it('reads severities, options and ignore globs', () => {
    const { config, problems } = parseConfig(
      yaml`
        rules:
          slsa-generator-ref: warning
          yaml-syntax: [error]
          with-options: [note, { allow: [a, b], strict: true }]
          workflow-schema: off
        ignore: ['.github/workflows/legacy-*.yml']
      `,
      'c.yml',
      rules,
    );
    expect(problems).toEqual([]);
    expect(Object.fromEntries(config!.rules)).toEqual({
      'slsa-generator-ref': { setting: 'warning', options: {} },
      'yaml-syntax': { setting: 'error', options: {} },
      'with-options': { setting: 'note', options: { allow: ['a', 'b'], strict: true } },
      'workflow-schema': { setting: 'off', options: {} },
    });
    expect(config!.ignore).toEqual(['.github/workflows/legacy-*.yml']);
  });

  it('an empty file is the default configuration', () => {
    expect(parseConfig('', 'c.yml', rules).config?.rules.size).toBe(0);
  });

  it('collects every problem with its position', () => {
    const { config, problems } = parseConfig(
      yaml`
        rulez: {}
        rules:
          slsa-generator-rev: error
          slsa-generator-ref: fatal
          with-options: [error, { allow: yes, nope: 1 }]
        ignore: [1]
      `,
      'c.yml',
      rules,
    );
    expect(config).toBeUndefined();
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message.split(';')[0]}`)).toEqual([
      '1:1 unknown key `rulez`',
      '3:3 unknown rule `slsa-generator-rev`',
      '4:23 the setting must be one of off, note, warning, error (or [severity, {options}])',
      '5:34 option `allow` must be a string[]',
      '5:39 `with-options` has no option `nope`',
      '6:10 each `ignore` entry must be a non-empty glob string',
    ]);
  });

  it('reports YAML errors of the file itself', () => {
    expect(parseConfig('rules: [\n', 'c.yml', rules).problems.length).toBeGreaterThan(0);
  });
});

describe('loadConfig', () => {
  it('finds .github/slsa-lint.yml, then .slsa-lint.yml, and fails on a missing explicit file or a bad one', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'slsa-lint-config-'));
    expect((await loadConfig({ root }, rules)).rules.size).toBe(0);
    await writeFile(path.join(root, '.slsa-lint.yml'), 'rules: { yaml-syntax: warning }\n');
    expect((await loadConfig({ root }, rules)).rules.get('yaml-syntax')?.setting).toBe('warning');
    await mkdir(path.join(root, '.github'));
    await writeFile(path.join(root, '.github', 'slsa-lint.yml'), 'rules: { yaml-syntax: note }\n');
    expect((await loadConfig({ root }, rules)).rules.get('yaml-syntax')?.setting).toBe('note');
    expect((await caught(() => loadConfig({ root, explicit: path.join(root, 'nope.yml') }, rules))).code).toBe('config-not-found');
    await writeFile(path.join(root, 'bad.yml'), 'rules: { nope: error }\n');
    expect((await caught(() => loadConfig({ root, explicit: path.join(root, 'bad.yml') }, rules))).code).toBe('config-invalid');
  });
});
