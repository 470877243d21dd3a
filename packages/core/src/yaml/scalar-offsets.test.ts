import { describe, expect, it } from 'vitest';
import { isScalar, parseDocument, stringify, visit, type Scalar } from 'yaml';
import { readCorpus } from '../testing/index.js';
import { scalarSourceMap, scalarValue, valueRangeSpan, type ScalarSourceMap } from './scalar-offsets.js';

function scalars(text: string): Scalar[] {
  const out: Scalar[] = [];
  visit(parseDocument(text), { Scalar: (_k, node) => void out.push(node) });
  return out;
}

/** The scalar whose value is `value` (the value side of `a: …` in most cases). */
function scalarWith(text: string, pred: (s: Scalar) => boolean): Scalar {
  const found = scalars(text).find(pred);
  if (!found || !isScalar(found)) throw new Error('no such scalar');
  return found;
}

/**
 * The property every map must have: offsets never go backwards, and each visible character maps
 * to itself in the file unless it came from an escape (`\x41`, `''`). Returns what breaks it and
 * how many visible characters were checked.
 */
function inexact(map: ScalarSourceMap, text: string, type: Scalar['type']): { problems: string[]; checked: number } {
  const problems: string[] = [];
  let checked = 0;
  for (let i = 0; i < map.value.length; i++) {
    if (map.starts[i + 1]! < map.starts[i]!) problems.push(`offset of value[${i + 1}] goes backwards`);
    const ch = map.value[i]!;
    if (/\s/.test(ch)) continue;
    const src = text.slice(map.starts[i], map.ends[i]);
    const escaped = (type === 'QUOTE_DOUBLE' && src.startsWith('\\')) || (type === 'QUOTE_SINGLE' && src === "''");
    if (!escaped && src !== ch) problems.push(`value[${i}] ${JSON.stringify(ch)} maps to ${JSON.stringify(src)} in ${JSON.stringify(map.value.slice(0, 40))}`);
    checked++;
  }
  return { problems, checked };
}

/** The file text behind value[from, to): `text.slice` of the mapped span. */
function sourceOf(text: string, map: ScalarSourceMap, needle: string): string {
  const at = map.value.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const span = valueRangeSpan(map, at, at + needle.length);
  return text.slice(span.start, span.end);
}

describe('scalarSourceMap', () => {
  it.each([
    ['plain, one line', 'a: run ${{ x }}\n', 'PLAIN', 'x }}', 'x }}'],
    ['plain, folded', 'a: one\n  two  \n\n  three ${{ y }}\n', 'PLAIN', 'two\nthree', 'two  \n\n  three'],
    ['single quoted with escape', "a: 'it''s\n  ${{ z }}'\n", 'QUOTE_SINGLE', "it's ${{", "it''s\n  ${{"],
    ['double quoted escapes', 'a: "x\\ty\\x41\\u00e9\\U0001F600 \\"q\\" ${{ w }}"\n', 'QUOTE_DOUBLE', 'A', '\\x41'],
    ['double quoted astral escape', 'a: "\\U0001F600!"\n', 'QUOTE_DOUBLE', '😀!', '\\U0001F600!'],
    ['double quoted continuation', 'a: "ab\\\n    cd ${{ v }}"\n', 'QUOTE_DOUBLE', 'bcd', 'b\\\n    cd'],
    ['double quoted fold', 'a: "one  \n   two"\n', 'QUOTE_DOUBLE', 'one two', 'one  \n   two'],
    ['literal with header comment', 'a: |-  # note\n  echo ${{ a }}\n    more\n', 'BLOCK_LITERAL', '  more', '  more'],
    ['literal with indentation indicator', 'a: |2\n    two\n', 'BLOCK_LITERAL', '  two', '  two'],
    ['literal, leading blank lines', 'a: |\n\n  \n  x ${{ b }}\n', 'BLOCK_LITERAL', 'x ${{ b }}', 'x ${{ b }}'],
    ['literal, keep chomping', 'a: |+\n  keep\n\n\nb: 1\n', 'BLOCK_LITERAL', 'keep\n\n', 'keep\n\n'],
    ['literal without final newline', 'a: |\n  noeol', 'BLOCK_LITERAL', 'noeol', 'noeol'],
    ['folded', 'a: >\n  f1\n  f2\n\n  f3\n   more ${{ c }}\n', 'BLOCK_FOLDED', 'f1 f2\nf3\n more', 'f1\n  f2\n\n  f3\n   more'],
    ['CRLF plain', 'a: x\r\n  y ${{ d }}\r\n', 'PLAIN', 'x y', 'x\r\n  y'],
    ['CRLF literal', 'a: |\r\n  l1\r\n  ${{ e }}\r\n', 'BLOCK_LITERAL', 'l1\n${{ e }}', 'l1\r\n  ${{ e }}'],
    ['BOM', '\uFEFFa: "${{ f }}"\n', 'QUOTE_DOUBLE', '${{ f }}', '${{ f }}'],
    ['flow sequence', 'a: [x, "${{ g }}", \'h\']\n', 'QUOTE_DOUBLE', '${{ g }}', '${{ g }}'],
  ] as const)('%s', (_name, text, type, needle, expected) => {
    const scalar = scalarWith(text, (s) => s.type === type && scalarValue(s).includes(needle));
    const map = scalarSourceMap(scalar, text);
    expect(map.value).toBe(scalarValue(scalar));
    expect(inexact(map, text, type).problems).toEqual([]);
    expect(sourceOf(text, map, needle)).toBe(expected);
  });

  it('maps the value before tag resolution', () => {
    const text = 'a: 1.0\n';
    const scalar = scalarWith(text, (s) => s.value === 1);
    expect(scalarSourceMap(scalar, text).value).toBe('1.0');
  });

  it('gives an empty range at the end a place', () => {
    const text = 'a: abc\n';
    const map = scalarSourceMap(scalarWith(text, (s) => s.value === 'abc'), text);
    expect(valueRangeSpan(map, 3, 3)).toEqual({ start: 6, end: 6 });
  });

  it('is exact for random strings in every style the yaml library writes', () => {
    // A fixed-seed generator keeps the test deterministic while covering odd mixes of blanks,
    // line breaks, quotes, escapes, non-ASCII and astral characters.
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = ['a', 'b', ' ', '  ', '\n', '\n\n', '\t', "'", '"', '\\', '#', ':', '${{ x }}', 'é', '😀', '\u0085', '\u2028', '-'];
    const types = ['PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const;
    const problems: string[] = [];
    let tested = 0;
    for (let round = 0; round < 400; round++) {
      let value = '';
      for (let k = random(12) + 1; k > 0; k--) value += alphabet[random(alphabet.length)];
      const type = types[round % types.length]!;
      const text = stringify({ jobs: { j: { steps: [{ run: value }] } } }, { defaultStringType: type, lineWidth: 8 + random(30), minContentWidth: 0 });
      // With tiny line widths the writer itself sometimes mangles a value; only round trips count.
      const scalar = scalars(text).find((s) => s.value === value);
      if (!scalar) continue;
      tested++;
      problems.push(...inexact(scalarSourceMap(scalar, text), text, scalar.type).problems.map((p) => `${JSON.stringify(text)}: ${p}`));
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(tested).toBeGreaterThan(300);
  });

  it('is exact for every visible character of the real-world corpora', async () => {
    let visible = 0;
    const problems: string[] = [];
    for (const corpus of ['real-world', 'actionlint-ok', 'zizmor', 'actionlint-realworld'] as const) {
      for (const file of await readCorpus(corpus)) {
        const text = Buffer.from(file.bytes).toString('utf8');
        for (const scalar of scalars(text)) {
          if (!scalar.range) continue;
          const r = inexact(scalarSourceMap(scalar, text), text, scalar.type);
          visible += r.checked;
          problems.push(...r.problems.map((p) => `${corpus}/${file.name}: ${p}`));
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(visible).toBeGreaterThan(1_000_000);
  });
});
