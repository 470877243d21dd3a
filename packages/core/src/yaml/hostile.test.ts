import { resourceUsage } from 'node:process';
import { describe, expect, it } from 'vitest';
import type { ParsedYaml } from './parse.js';
import { parseYaml, YAML_SYNTAX } from './parse.js';

/**
 * Hostile input: every case must end in a `yaml-syntax` diagnostic within 1 s and 200 MB. Memory
 * is measured conservatively: peak RSS of this process after the parse minus the RSS before it
 * (the peak may predate the parse, which only makes the bound stricter).
 */
const MAX_MS = 1000;
const MAX_BYTES = 200 * 1024 * 1024;

function bounded(input: string | Uint8Array): { result: ParsedYaml; ms: number; bytes: number } {
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const result = parseYaml(input, 'hostile.yml');
  const ms = performance.now() - t0;
  const bytes = resourceUsage().maxRSS * 1024 - rssBefore;
  return { result, ms, bytes };
}

function billionLaughs(): string {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let prev = 'a';
  for (const k of 'bcdefghi') {
    text += `${k}: &${k} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
    prev = k;
  }
  return text;
}

const cases: [string, () => string | Uint8Array, RegExp][] = [
  ['an alias bomb ("billion laughs")', billionLaughs, /alias bomb/],
  ['a 10 MB file', () => 'jobs:\n' + '  x: {runs-on: ubuntu-latest}\n'.repeat(360_000), /byte limit/],
  ['10,000-deep flow nesting', () => `on: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, /nesting/],
  ['10,000-deep block nesting', () => `on: push\njobs:\n${'- '.repeat(10_000)}x\n`, /nesting/],
  ['NUL bytes', () => 'on: push\njobs:\n  a:\0\n', /NUL byte/],
  ['invalid UTF-8', () => Buffer.concat([Buffer.from('on: push\nname: caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]), /not valid UTF-8/],
  ['overlong UTF-8', () => Buffer.from([0x6f, 0x6e, 0x3a, 0x20, 0xc0, 0xaf]), /not valid UTF-8/],
];

describe('hostile input', () => {
  it.each(cases)('%s gives a diagnostic within 1 s and 200 MB', (_name, make, message) => {
    const input = make();
    const { result, ms, bytes } = bounded(input);
    expect(result.document).toBeUndefined();
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics[0]!.ruleId).toBe(YAML_SYNTAX);
    expect(result.diagnostics.map((d) => d.message).join('\n')).toMatch(message);
    expect(ms).toBeLessThan(MAX_MS);
    expect(bytes).toBeLessThan(MAX_BYTES);
  });

  it('locates the NUL byte and the bad UTF-8 byte', () => {
    const nul = parseYaml('on: push\njobs:\n  a:\0\n', 'x.yml');
    expect(nul.source.locate(nul.diagnostics[0]!.span)).toMatchObject({ line: 3, column: 5 });
    const bad = parseYaml(Buffer.concat([Buffer.from('on: push\nname: caf'), Buffer.from([0xff])]), 'x.yml');
    expect(bad.source.locate(bad.diagnostics[0]!.span)).toMatchObject({ line: 2, column: 10 });
  });

  it('accepts aliases that expand modestly', () => {
    const r = parseYaml('a: &a [1, 2, 3]\nb: [*a, *a, *a]\n', 'x.yml');
    expect(r.diagnostics).toEqual([]);
    expect(r.document).toBeDefined();
  });
});

describe('syntax and structure diagnostics', () => {
  it.each([
    ['tabs as indentation', 'on:\n\tpush: {}\n', /Tabs/, 2, 1],
    ['a duplicate key', 'on: push\njobs: {}\non: pull_request\n', /`on` is defined twice.*line 1/, 3, 1],
    ['an unclosed flow sequence', 'on: [push\njobs: {}\n', /end with a \]/, 2, 1],
    ['a second document', 'on: push\n---\non: pull_request\n', /one YAML document/, 2, 1],
  ])('%s', (_name, text, message, line, column) => {
    const r = parseYaml(text, 'x.yml');
    const d = r.diagnostics.find((x) => message.test(x.message));
    expect(d, JSON.stringify(r.diagnostics)).toBeDefined();
    expect(r.source.locate(d!.span)).toMatchObject({ line, column });
  });

  it('reports an empty file', () => {
    expect(parseYaml('', 'x.yml').diagnostics[0]?.message).toMatch(/no YAML document/);
  });
});
