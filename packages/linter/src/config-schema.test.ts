import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { yaml } from '@slsa-kit/core/testing';
import { parseConfig } from './config.js';
import { buildConfigSchema } from './config-schema.js';
import { builtinRules } from './rules/index.js';

const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'slsa-lint.schema.json');

describe('configuration schema', () => {
  it('the checked-in schema is generated from the current rules (run `nx run linter:schema` if not)', () => {
    expect(JSON.parse(readFileSync(schemaFile, 'utf8'))).toEqual(buildConfigSchema(builtinRules));
  });

  it('lists every rule id and the settings', () => {
    const schema = buildConfigSchema(builtinRules) as { properties: { rules: { properties: object } } };
    expect(Object.keys(schema.properties.rules.properties)).toEqual(builtinRules.map((r) => r.meta.id).sort());
  });

  it('maps schema errors to positions and words, every one, in file order', () => {
    const { problems } = parseConfig(
      yaml`
        rules:
          unpinned-uses: [error, {}]
          artipacked: [warning, x, y]
          cache-poisoning: []
          template-injection: [fatal]
        ignore: ''
      `,
      'c.yml',
      builtinRules,
    );
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '2:18 expected [severity] or [severity, {options}]',
      '3:15 expected [severity] or [severity, {options}]',
      '4:20 the setting must be one of off, note, warning, error (or [severity, {options}])',
      '5:24 the setting must be one of off, note, warning, error (or [severity, {options}])',
      '6:9 `ignore` must be a list of file globs',
    ]);
  });

  it('a configuration that is not a mapping, or rules that are not one, is one problem each', () => {
    expect(parseConfig('- a\n', 'c.yml', builtinRules).problems.map((p) => p.message)).toEqual(['the configuration must be a mapping with `rules:`, `ignore:` and/or `ignores:`']);
    expect(parseConfig('rules: [a]\n', 'c.yml', builtinRules).problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual(['1:8 `rules` must be a mapping of rule ids to settings']);
  });
});
