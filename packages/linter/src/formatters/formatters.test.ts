import { describe, expect, it } from 'vitest';
import { yaml } from '@slsa-kit/core/testing';
import { lintText } from '../engine.js';
import { builtinRules } from '../rules/index.js';
import { escapeData, escapeProperty } from './github.js';
import { formatResults } from './format.js';

const GEN = 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml';
const SHA = 'f7dd8c54c2067bafc12ca7a55595d5ee9b75204a';
const text = yaml`
  on: push
  jobs:
    provenance:
      uses: ${GEN}@${SHA}
      with:
        base64-subjects: abc
`;
const results = [lintText(text, '.github/workflows/release.yml')];
const options = { color: false, rules: builtinRules, toolVersion: '1.2.3' };
const COL = 10 + GEN.length + 2;

describe('text', () => {
  it('prints a header, file:line:column, a code frame with a caret underline and a summary', () => {
    const out = formatResults('text', results, options);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^error\[slsa-generator-ref\]: slsa-github-generator must be referenced by a release tag/);
    expect(lines[1]).toBe(` --> .github/workflows/release.yml:4:${COL}`);
    expect(lines[3]).toBe(`4 |     uses: ${GEN}@${SHA}`);
    expect(lines[4]).toBe(`  | ${' '.repeat(COL - 1)}${'^'.repeat(40)}`);
    expect(lines[5]).toBe('  = fix: reference slsa-github-generator by its release tag v2.1.0 (run with --fix)');
    expect(out.trimEnd().split('\n').at(-1)).toBe('1 problem (1 error, 0 warnings, 0 notes) in 1 file; 1 fixable with --fix');
    expect(out).not.toContain('\u001b[');
  });
  it('colours only when asked', () => {
    expect(formatResults('text', results, { ...options, color: true })).toContain('\u001b[31m');
  });
  it('says so when there is nothing', () => {
    expect(formatResults('text', [], options)).toBe('no problems found in 0 files\n');
  });
});

describe('machine formats', () => {
  it('json follows the versioned contract', () => {
    expect(JSON.parse(formatResults('json', results, { ...options, color: true }))).toEqual({
      version: 1,
      results: [
        {
          file: '.github/workflows/release.yml',
          diagnostics: [
            { ruleId: 'slsa-generator-ref', severity: 'error', message: expect.any(String), line: 4, column: COL, endLine: 4, endColumn: COL + 40, fixable: true },
          ],
        },
      ],
    });
  });

  it('sarif has rules with help URIs, regions and fixes, and never ANSI', () => {
    const out = formatResults('sarif', results, { ...options, color: true });
    expect(out).not.toContain('\u001b[');
    const log = JSON.parse(out);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(builtinRules.map((r) => r.meta.id));
    expect(run.tool.driver.rules.every((r: { helpUri: string }) => r.helpUri.startsWith('https://'))).toBe(true);
    const [result] = run.results;
    expect(result).toMatchObject({
      ruleId: 'slsa-generator-ref',
      ruleIndex: builtinRules.findIndex((r) => r.meta.id === 'slsa-generator-ref'),
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: '.github/workflows/release.yml' }, region: { startLine: 4, startColumn: COL, endLine: 4, endColumn: COL + 40 } } }],
      fixes: [{ artifactChanges: [{ replacements: [{ deletedRegion: { startLine: 4, startColumn: COL }, insertedContent: { text: 'v2.1.0' } }] }] }],
    });
  });

  it('github annotations escape data and properties', () => {
    const out = formatResults('github', results, options);
    expect(out).toMatch(new RegExp(`^::error file=\\.github/workflows/release\\.yml,line=4,col=${COL},endLine=4,endColumn=${COL + 40},title=slsa-lint slsa-generator-ref::`));
    expect(escapeData('50% a\r\nb')).toBe('50%25 a%0D%0Ab');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });
});
