import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import { findConditionExpressions } from './condition.js';
import { findExpressions, type ExpressionScan } from './find-expressions.js';

/** The value scalar of the first key of a one-key document. */
function valueOf(text: string): Scalar {
  const doc = parseDocument(text);
  const pair = isMap(doc.contents) ? doc.contents.items[0] : undefined;
  if (!pair || !isScalar(pair.value)) throw new Error('expected `key: scalar`');
  return pair.value;
}

const slice = (text: string, span: { start: number; end: number }): string => text.slice(span.start, span.end);

describe('findExpressions', () => {
  it.each([
    ['plain', 'run: echo ${{ github.event.issue.title }}\n', '${{ github.event.issue.title }}', 'github.event.issue.title'],
    ['plain, folded over lines', 'run: echo ${{ github.head_ref\n  }} done\n', '${{ github.head_ref\n  }}', 'github.head_ref'],
    [
      'single quoted',
      "if: '${{ github.ref == ''refs/heads/main'' }}'\n",
      "${{ github.ref == ''refs/heads/main'' }}",
      'github.ref',
    ],
    ['double quoted with escapes', 'x: "${{ github.ref == \\x27main\\x27 }}"\n', '${{ github.ref == \\x27main\\x27 }}', 'github.ref'],
    ['double quoted, escaped dollar', 'x: "\\u0024{{ matrix.os }}"\n', '\\u0024{{ matrix.os }}', 'matrix.os'],
    ['double quoted continuation', 'x: "${{ github.\\\n    ref }}"\n', '${{ github.\\\n    ref }}', 'github.\\\n    ref'],
    [
      'literal, multi-line expression',
      'run: |\n  echo ${{\n    fromJSON(needs.x.outputs.y).z\n  }}\n',
      '${{\n    fromJSON(needs.x.outputs.y).z\n  }}',
      'needs.x.outputs.y',
    ],
    ['literal with header', 'run: |-  # note\n  a\n    ${{ steps.s.outputs.o }}\n', '${{ steps.s.outputs.o }}', 'steps.s.outputs.o'],
    [
      'folded, expression across a fold',
      'run: >\n  echo ${{ github.event.issue.title\n  }}\n',
      '${{ github.event.issue.title\n  }}',
      'github.event.issue.title',
    ],
    ['CRLF literal', 'run: |\r\n  a\r\n  ${{ secrets.PYPI_TOKEN }}\r\n', '${{ secrets.PYPI_TOKEN }}', 'secrets.PYPI_TOKEN'],
    ['BOM', '\uFEFFrun: ${{ inputs.x }}\n', '${{ inputs.x }}', 'inputs.x'],
    ['}} inside a string literal', "run: ${{ format('}}{0}', github.ref) }}\n", "${{ format('}}{0}', github.ref) }}", 'github.ref'],
  ])('%s', (_name, text, expression, reference) => {
    const scan = findExpressions(valueOf(text), text);
    expect(scan.diagnostics).toEqual([]);
    expect(scan.expressions).toHaveLength(1);
    const [found] = scan.expressions;
    expect(slice(text, found!.span)).toBe(expression);
    expect(slice(text, found!.innerSpan)).toBe(expression.replace(/^(\$|\\u0024)\{\{/, '').slice(0, -2));
    expect(found!.ast).toBeDefined();
    expect(found!.references.map((r) => slice(text, r.span))).toEqual([reference]);
  });

  it('finds several expressions and locates calls', () => {
    const text = 'run: ${{ toJSON(matrix) }} and ${{ success() }}\n';
    const scan = findExpressions(valueOf(text), text);
    expect(scan.expressions.map((e) => slice(text, e.span))).toEqual(['${{ toJSON(matrix) }}', '${{ success() }}']);
    expect(scan.expressions.flatMap((e) => e.calls.map((c) => [c.name, slice(text, c.span)]))).toEqual([
      ['toJSON', 'toJSON(matrix)'],
      ['success', 'success()'],
    ]);
    expect(scan.expressions.map((e) => e.source)).toEqual([' toJSON(matrix) ', ' success() ']);
  });

  it.each([
    ['bad syntax', 'run: echo ${{ github.event. }}\n', 'Unexpected end of expression', '.'],
    ['unknown context', 'run: ${{ gihub.ref }}\n', 'Unrecognized named-value', 'gihub'],
    ['empty', 'run: ${{ }}\n', 'empty', ' '],
    ['unclosed', 'run: echo ${{ github.ref\n', 'never closed', '${{'],
    ['unclosed string', "run: ${{ 'oops }}\n", 'string literal', '${{'],
    ['error on a later line of a block scalar', "run: |\n  ${{ github.ref ==\n      = 'x' }}\n", 'compare with ==', '='],
    ['error after an escape', 'x: "\\x24{{ github.ref = 1 }}"\n', 'compare with ==', '='],
  ])('reports %s', (_name, text, message, at) => {
    const scan: ExpressionScan = findExpressions(valueOf(text), text);
    expect(scan.diagnostics).toHaveLength(1);
    const [d] = scan.diagnostics;
    expect(d).toMatchObject({ ruleId: 'expression', severity: 'error' });
    expect(d!.message).toContain(message);
    expect(slice(text, d!.span)).toBe(at);
  });

  it('points an unclosed string at its quote', () => {
    const text = "run: ${{ 'oops }}\n";
    const [d] = findExpressions(valueOf(text), text).diagnostics;
    expect(d!.related?.map((r) => slice(text, r.span))).toEqual(["'"]);
  });

  it('ignores scalars without templates', () => {
    const text = 'run: echo $HOME {{ x }}\n';
    expect(findExpressions(valueOf(text), text)).toEqual({ expressions: [], diagnostics: [] });
  });
});

describe('findConditionExpressions', () => {
  it('parses a bare condition whole', () => {
    const text = "if: github.event_name == 'push' && !cancelled()\n";
    const scan = findConditionExpressions(valueOf(text), text);
    expect(scan.diagnostics).toEqual([]);
    const [found] = scan.expressions;
    expect(slice(text, found!.span)).toBe("github.event_name == 'push' && !cancelled()");
    expect(found!.references.map((r) => r.text)).toEqual(['github.event_name']);
    expect(found!.calls.map((c) => c.name)).toEqual(['cancelled']);
  });

  it('treats a condition with ${{ as a template', () => {
    const text = 'if: ${{ always() }}\n';
    const scan = findConditionExpressions(valueOf(text), text);
    expect(scan.expressions.map((e) => slice(text, e.span))).toEqual(['${{ always() }}']);
  });

  it('reports a bad bare condition', () => {
    const text = 'if: github.ref ==\n';
    const [d] = findConditionExpressions(valueOf(text), text).diagnostics;
    expect(d?.message).toContain('Unexpected end of expression');
    expect(slice(text, d!.span)).toBe('==');
  });
});
