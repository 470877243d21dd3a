import type { Scalar } from 'yaml';
import { scalarSourceMap, scalarValue } from '../yaml/scalar-offsets.js';
import { analyzeAt, findExpressions, type ExpressionScan } from './find-expressions.js';

/**
 * The expressions of an `if:` value. GitHub evaluates an `if:` as an expression even without
 * `${{ }}` (`if: github.event_name == 'push'`), so a value with no `${{` is parsed whole; its
 * `span` and `innerSpan` are then both the value's text. A value with `${{` is a template like any
 * other (whether text around it makes the condition always true is a rule's business).
 */
export function findConditionExpressions(scalar: Scalar, text: string): ExpressionScan {
  const value = scalarValue(scalar);
  if (value.includes('${{')) return findExpressions(scalar, text);
  if (value.trim() === '') return { expressions: [], diagnostics: [] };
  const whole = { start: 0, end: value.length };
  const r = analyzeAt(scalarSourceMap(scalar, text), whole, whole);
  return { expressions: [r.expression], diagnostics: r.diagnostic ? [r.diagnostic] : [] };
}
