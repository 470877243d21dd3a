import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readCorpus, type CorpusName } from '../testing/index.js';
import { parseYaml } from '../yaml/parse.js';
import { scalarValue } from '../yaml/scalar-offsets.js';
import { collectExpressions, walkExpressions } from './walk.js';

describe('walkExpressions', () => {
  it('reports the route of every expression, keys included, in document order', () => {
    const text = [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ${{ matrix.os }}',
      '    env:',
      '      ${{ matrix.key }}: x',
      '    steps:',
      '      - run: echo ${{ github.head_ref }}',
      '      - with: { a: "${{ inputs.a }}" }',
      '    outputs: &o',
      '      h: ${{ steps.hash.outputs.hashes }}',
      '  again:',
      '    outputs: *o',
      '',
    ].join('\n');
    const { expressions, diagnostics } = collectExpressions(parseDocument(text), text);
    expect(diagnostics).toEqual([]);
    expect(expressions.map((e) => [e.route, e.isKey, text.slice(e.span.start, e.span.end)])).toEqual([
      [['jobs', 'build', 'runs-on'], false, '${{ matrix.os }}'],
      [['jobs', 'build', 'env', '${{ matrix.key }}'], true, '${{ matrix.key }}'],
      [['jobs', 'build', 'steps', 0, 'run'], false, '${{ github.head_ref }}'],
      [['jobs', 'build', 'steps', 1, 'with', 'a'], false, '${{ inputs.a }}'],
      [['jobs', 'build', 'outputs', 'h'], false, '${{ steps.hash.outputs.hashes }}'],
    ]);
  });

  it('yields each scalar with its diagnostics', () => {
    const text = 'a: ${{ github. }}\nb: ok\nc: ${{ x\n';
    const scalars = [...walkExpressions(parseDocument(text), text)];
    expect(scalars.map((s) => [s.route, s.expressions.length, s.diagnostics.length])).toEqual([
      [['a'], 1, 1],
      [['c'], 0, 1],
    ]);
  });
});

/** `}}` on its own line keeps block indentation in the file but not in the value. */
const dedent = (s: string): string => s.replace(/\n[ \t]*/g, '\n');

describe('expressions of the real-world corpora', () => {
  // Counts as of writing: real-world 238 expressions (37 files), actionlint-ok 225 (84 files),
  // actionlint-realworld 10,919 (1,503 files); none of the three has an invalid expression.
  it.each<readonly [CorpusName, number]>([
    ['real-world', 200],
    ['actionlint-ok', 200],
    ['actionlint-realworld', 10_000],
  ])('%s: every span is exactly its `${{ … }}`', async (corpus, atLeast) => {
    const counts = { files: 0, expressions: 0, references: 0, calls: 0, exactPlain: 0, exactLiteral: 0, diagnostics: 0 };
    const problems: string[] = [];
    for (const file of await readCorpus(corpus)) {
      const { source, document } = parseYaml(file.bytes, file.name);
      if (!document) continue;
      counts.files++;
      const { expressions, diagnostics } = collectExpressions(document, source.text);
      counts.diagnostics += diagnostics.length;
      for (const e of expressions) {
        counts.expressions++;
        counts.references += e.references.length;
        counts.calls += e.calls.length;
        const inFile = source.text.slice(e.span.start, e.span.end);
        const inValue = scalarValue(e.scalar).slice(e.valueRange.start, e.valueRange.end);
        const where = `${file.name}@${e.span.start}`;
        if (!inFile.startsWith('${{') || !inFile.endsWith('}}')) problems.push(`${where}: ${JSON.stringify(inFile)}`);
        const raw = source.text.slice(e.scalar.range![0], e.scalar.range![1]);
        if (e.scalar.type === 'PLAIN' && !/[\r\n]/.test(raw)) {
          if (inFile !== inValue) problems.push(`${where}: plain ${JSON.stringify(inFile)} != ${JSON.stringify(inValue)}`);
          counts.exactPlain++;
        }
        if (e.scalar.type === 'BLOCK_LITERAL') {
          if (dedent(inFile) !== dedent(inValue)) problems.push(`${where}: literal ${JSON.stringify(inFile)} != ${JSON.stringify(inValue)}`);
          counts.exactLiteral++;
        }
        for (const r of e.references) {
          if (source.text.slice(r.span.start, r.span.end) !== r.text) problems.push(`${where}: reference ${r.text}`);
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(counts.diagnostics).toBe(0);
    expect(counts.expressions).toBeGreaterThanOrEqual(atLeast);
    expect(counts.exactPlain + counts.exactLiteral).toBeGreaterThan(counts.expressions / 2);
  });
});
