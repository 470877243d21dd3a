import type { Expr } from '@actions/expressions/ast';
import { Binary, FunctionCall, Grouping, Literal, Logical, Unary } from '@actions/expressions/ast';
import { TokenType } from '@actions/expressions/lexer';
import { unquote } from './references.js';

/**
 * What an expression can evaluate to, split by truthiness, as the strings `${{ }}` would render.
 * `truthy` is undefined when a truthy result may be anything (a context value). Falsy results are
 * always known: whatever produced them, they render as one of a handful of constants.
 */
interface Outcomes {
  readonly truthy: ReadonlySet<string> | undefined;
  readonly falsy: ReadonlySet<string>;
}

/** How a falsy value renders: '' and null as '', false, 0 and NaN. */
const ANY_FALSY: ReadonlySet<string> = new Set(['', 'false', '0', 'NaN']);
const UNKNOWN: Outcomes = { truthy: undefined, falsy: ANY_FALSY };
const BOOLEAN: Outcomes = { truthy: new Set(['true']), falsy: new Set(['false']) };
/** Functions that always return a boolean, so their result is never attacker text. */
const BOOLEAN_FUNCTIONS = new Set(['contains', 'startswith', 'endswith', 'success', 'always', 'cancelled', 'failure']);

function union(sets: readonly (ReadonlySet<string> | undefined)[]): ReadonlySet<string> | undefined {
  const out = new Set<string>();
  for (const set of sets) {
    if (!set) return undefined;
    for (const s of set) out.add(s);
  }
  return out;
}

function literal(node: Literal): Outcomes {
  const { type, lexeme } = node.token;
  let text: string;
  let truthy: boolean;
  if (type === TokenType.STRING) {
    text = unquote(lexeme);
    truthy = text !== '';
  } else if (type === TokenType.NUMBER) {
    const n = node.literal.number();
    text = node.literal.coerceString();
    truthy = n !== 0 && !Number.isNaN(n);
  } else {
    truthy = type === TokenType.TRUE;
    text = type === TokenType.NULL ? '' : String(truthy);
  }
  return truthy ? { truthy: new Set([text]), falsy: new Set() } : { truthy: new Set(), falsy: new Set([text]) };
}

/**
 * `a || b` yields the first truthy operand, else the last; `a && b` the first falsy one, else the
 * last. An operand that is never falsy (for `||`) or never truthy (for `&&`) ends the chain: what
 * follows it is never evaluated, so `'a' || github.head_ref` only yields 'a'.
 */
function logical(node: Logical): Outcomes {
  const or = node.operator.type === TokenType.OR;
  const seen: (ReadonlySet<string> | undefined)[] = [];
  for (const [i, arg] of node.args.entries()) {
    const o = outcomes(arg);
    seen.push(or ? o.truthy : o.falsy);
    const decisive = or ? o.falsy.size === 0 : o.truthy?.size === 0;
    const none = new Set<string>();
    if (decisive) return or ? { truthy: union(seen), falsy: none } : { truthy: none, falsy: union(seen)! };
    if (i === node.args.length - 1) return or ? { truthy: union(seen), falsy: o.falsy } : { truthy: o.truthy, falsy: union(seen)! };
  }
  return UNKNOWN;
}

function outcomes(node: Expr): Outcomes {
  if (node instanceof Literal) return literal(node);
  if (node instanceof Grouping) return outcomes(node.group);
  // `!`, comparisons and predicates produce booleans whatever their operands hold.
  if (node instanceof Unary || node instanceof Binary) return BOOLEAN;
  if (node instanceof Logical) return logical(node);
  if (node instanceof FunctionCall) {
    const name = node.functionName.lexeme.toLowerCase();
    if (BOOLEAN_FUNCTIONS.has(name)) return BOOLEAN;
    if (name === 'case') {
      // case(pred1, value1, pred2, value2, …, default) yields one of the values.
      const values = node.args.filter((_, i) => i % 2 === 1 || i === node.args.length - 1).map(outcomes);
      return { truthy: union(values.map((v) => v.truthy)), falsy: union(values.map((v) => v.falsy))! };
    }
  }
  return UNKNOWN;
}

/**
 * The strings an expression can render as when every possible result is a constant, e.g.
 * `{'a', 'b'}` for `x && 'a' || 'b'` and `{'true', 'false'}` for `a == b`; undefined when some
 * result can be a context value (`github.event.issue.title`, `format(…)`, `fromJSON(…)`). A
 * template-injection check can skip expressions for which this is defined.
 */
export function literalResults(expr: Expr): ReadonlySet<string> | undefined {
  const { truthy, falsy } = outcomes(expr);
  return truthy ? union([truthy, falsy]) : undefined;
}
