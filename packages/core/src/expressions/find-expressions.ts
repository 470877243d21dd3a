import type { Expr } from '@actions/expressions/ast';
import type { Scalar } from 'yaml';
import type { Diagnostic, RelatedLocation, Span } from '../diagnostic.js';
import { scalarSourceMap, scalarValue, valueRangeSpan, type ScalarSourceMap } from '../yaml/scalar-offsets.js';
import { parseExpression } from './parse-expression.js';
import { collectUses, type ExpressionCall, type ExpressionReference } from './references.js';
import { scanTemplates } from './template-scan.js';

/** The rule id of every diagnostic about expression syntax. */
export const EXPRESSION_RULE_ID = 'expression';

/** One `${{ … }}` found in a scalar, with file spans for it and everything inside it. */
export interface FoundExpression {
  /**
   * The whole `${{ … }}` in the file. It starts with `${{` unless a double-quoted scalar spelled
   * the `$` as an escape (`"\u0024{{ x }}"`): the span then starts at the escape.
   */
  readonly span: Span;
  /** Everything between `${{` and `}}` in the file. */
  readonly innerSpan: Span;
  /** The text between `${{` and `}}` as the scalar's value holds it (escapes decoded). */
  readonly source: string;
  /** Where `${{ … }}` sits in the scalar's value, as UTF-16 indexes `[start, end)`. */
  readonly valueRange: { readonly start: number; readonly end: number };
  /** The parsed expression; absent when it does not parse (a diagnostic says why). */
  readonly ast?: Expr;
  readonly references: readonly ExpressionReference[];
  readonly calls: readonly ExpressionCall[];
}

/** The expressions of a scalar and the problems with them. */
export interface ExpressionScan {
  readonly expressions: readonly FoundExpression[];
  readonly diagnostics: readonly Diagnostic[];
}

function problem(message: string, span: Span, related?: RelatedLocation[]): Diagnostic {
  return { ruleId: EXPRESSION_RULE_ID, severity: 'error', message, span, ...(related ? { related } : {}) };
}

/**
 * Parses the expression at value indexes `[start, end)` (its inner text) and locates everything in
 * it through the scalar's offset map.
 */
export function analyzeAt(
  map: ScalarSourceMap,
  outer: { start: number; end: number },
  inner: { start: number; end: number },
): { expression: FoundExpression; diagnostic?: Diagnostic } {
  const source = map.value.slice(inner.start, inner.end);
  const locate = (s: number, e: number): Span => valueRangeSpan(map, inner.start + s, inner.start + e);
  const parsed = parseExpression(source);
  const uses = collectUses(parsed, locate);
  const whole = valueRangeSpan(map, outer.start, outer.end);
  const text = valueRangeSpan(map, inner.start, inner.end);
  // Between the delimiters in the file, so indentation before a `}}` on its own line is inside.
  const innerSpan = {
    start: inner.start > outer.start ? map.ends[inner.start - 1]! : text.start,
    end: inner.end < outer.end ? Math.max(map.starts[inner.end]!, text.end) : text.end,
  };
  const expression: FoundExpression = {
    span: whole,
    innerSpan,
    source,
    valueRange: { start: outer.start, end: outer.end },
    ...(parsed.ast ? { ast: parsed.ast } : {}),
    ...uses,
  };
  if (!parsed.problem) return { expression };
  const { message, start, end } = parsed.problem;
  return { expression, diagnostic: problem(message, locate(start, end)) };
}

/**
 * Finds, parses and locates every `${{ … }}` in a scalar's value. Never throws: an unclosed `${{`
 * or an expression that does not parse becomes an `expression` diagnostic with an exact span.
 */
export function findExpressions(scalar: Scalar, text: string): ExpressionScan {
  const value = scalarValue(scalar);
  if (!value.includes('${{')) return { expressions: [], diagnostics: [] };
  const map = scalarSourceMap(scalar, text);
  const scan = scanTemplates(value);
  const expressions: FoundExpression[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const t of scan.templates) {
    const r = analyzeAt(map, t, { start: t.start + 3, end: t.end - 2 });
    expressions.push(r.expression);
    if (r.diagnostic) diagnostics.push(r.diagnostic);
  }
  const unclosed = scan.unclosed;
  if (unclosed) {
    const opener = valueRangeSpan(map, unclosed.start, unclosed.start + 3);
    if (unclosed.openString === undefined) {
      diagnostics.push(problem('this `${{` is never closed: no `}}` follows it in the value', opener));
    } else {
      const quote = valueRangeSpan(map, unclosed.openString, unclosed.openString + 1);
      const message =
        "this `${{` is never closed: a string literal in it is left open, so every `}}` after it is part of the string (write a quote inside a string as '')";
      diagnostics.push(problem(message, opener, [{ span: quote, message: 'the string literal that is never closed starts here' }]));
    }
  }
  return { expressions, diagnostics };
}
