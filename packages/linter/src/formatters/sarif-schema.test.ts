import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '@slsa-kit/core/testing';
import { lintFiles } from '../engine.js';
import { builtinRules } from '../rules/index.js';
import { formatResults } from './format.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(path.join(here, '..', '..', 'test-data', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
// The schema's `language` pattern is not a valid regular expression with the `u` flag.
// A CommonJS module: under NodeNext its class is the default export's `default`.
const Ajv = AjvModule.default;
const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);

/** Every SARIF log slsa-lint writes must validate against the OASIS SARIF 2.1.0 schema. */
describe('SARIF output against the SARIF 2.1.0 schema', () => {
  it('validates for the real release workflows, findings, fixes and related locations included', async () => {
    const dir = fixturePath('real-world', 'workflows');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yml')).map((f) => path.join(dir, f));
    const results = await lintFiles(files);
    const log = JSON.parse(formatResults('sarif', results, { color: false, rules: builtinRules, toolVersion: '0.0.0-test' }));
    const findings = log.runs[0].results as unknown[];
    expect(findings.length).toBeGreaterThan(10);
    expect(JSON.stringify(log)).toContain('"fixes"');
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
  });

  it('validates for a file with a YAML syntax error and for a clean run', async () => {
    const log = JSON.parse(formatResults('sarif', [], { color: false, rules: builtinRules, toolVersion: '0.0.0-test' }));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'slsa-lint-sarif-'));
    const file = path.join(dir, 'broken.yml');
    writeFileSync(file, 'on: [push\njobs: {}\n');
    const broken = await lintFiles([file]);
    expect(broken[0]!.diagnostics[0]?.ruleId).toBe('yaml-syntax');
    const brokenLog = JSON.parse(formatResults('sarif', broken, { color: false, rules: builtinRules, toolVersion: '0.0.0-test' }));
    expect(validate(brokenLog), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
  });

  it('rejects a log that breaks the schema (the check can fail)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: {} }] })).toBe(false);
  });
});
