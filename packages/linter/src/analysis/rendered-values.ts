import type { LocatedExpression } from '@slsa-kit/core';
import { referenceKey } from './attacker-controlled.js';

type Expr = NonNullable<LocatedExpression['ast']>;

/** One value an expression can render from a context reference. */
export interface RenderedValue {
  /** The path below the context, lower-cased; `*` stands for a filter or a computed index. */
  readonly path: readonly string[];
  /**
   * When a computed index (`github[inputs.field]`) chose a field on the way: the access as written
   * (re-printed from the parse), since which field it reads is not known before the run.
   */
  readonly computed?: string;
}

/** Reads a node's fields without importing the parser's classes (not a dependency of this package). */
type Shape = Partial<Record<'literal' | 'token' | 'operator' | 'expr' | 'index' | 'functionName' | 'args' | 'left' | 'right' | 'group' | 'name', unknown>>;
interface TokenLike {
  readonly lexeme: string;
}
const lexeme = (token: unknown): string => (token as TokenLike).lexeme;

/** The expression as text, for messages: spacing is normalised, everything else as written. */
export function printExpression(node: Shape): string {
  if ('group' in node) return `(${printExpression(node.group as Shape)})`;
  if ('functionName' in node) return `${lexeme(node.functionName)}(${(node.args as Shape[]).map(printExpression).join(', ')})`;
  if ('left' in node) return `${printExpression(node.left as Shape)} ${lexeme(node.operator)} ${printExpression(node.right as Shape)}`;
  if ('operator' in node && 'args' in node) return (node.args as Shape[]).map(printExpression).join(` ${lexeme(node.operator)} `);
  if ('operator' in node && 'expr' in node) return `${lexeme(node.operator)}${printExpression(node.expr as Shape)}`;
  if ('index' in node && 'expr' in node) {
    const target = printExpression(node.expr as Shape);
    const index = node.index as Shape;
    if (Object.keys(index).length === 0) return `${target}.*`; // a Star has no fields
    // Dot access parses as a literal whose token is the bare name; `['a']` and `[0]` keep their quotes or digits.
    const name = 'literal' in index ? lexeme(index.token) : undefined;
    return name !== undefined && /^[A-Za-z_][\w-]*$/.test(name) ? `${target}.${name}` : `${target}[${printExpression(index)}]`;
  }
  if ('name' in node) return lexeme(node.name);
  return 'token' in node ? lexeme(node.token) : '';
}

/**
 * The path of an access chain and its root. A computed index is a `*` segment; `literal` counts
 * the segments before the first one, which is where core's reference (and its key) stops.
 */
function unchain(node: Shape): { root: Shape; segments: string[]; literal: number; computed: boolean } {
  const indexes: Shape[] = [];
  let root: Shape = node;
  while ('index' in root && 'expr' in root) {
    indexes.unshift(root.index as Shape);
    root = root.expr as Shape;
  }
  const segments = indexes.map((index) => ('literal' in index ? (index.literal as { coerceString(): string }).coerceString() : '*'));
  // A Star (`.*`, `[*]`) has no fields; any other index that is not a literal is computed.
  const first = indexes.findIndex((index) => !('literal' in index) && Object.keys(index).length > 0);
  return { root, segments, literal: first === -1 ? segments.length : first, computed: first !== -1 };
}

const BOOLEAN_FUNCTIONS = new Set(['contains', 'startswith', 'endswith', 'success', 'always', 'cancelled', 'failure', 'hashfiles']);

/**
 * Which context references can end up in what an expression renders, as a map from each
 * reference's key (as core's references give it: up to the first computed index) to the values
 * actually rendered: `(a || b).number` renders `a.number` or `b.number`, not `a`. Operands of `!`,
 * comparisons and predicate functions only produce booleans; the left operands of `a && b` render
 * only when falsy, and falsy values render as constants (`''`, `false`, `0`), so only the last
 * operand of `&&` can carry text. Any operand of `||` can. Computed indexes are not rendered (only
 * the value they select is).
 */
export function renderedReferences(ast: Expr): Map<string, RenderedValue[]> {
  const out = new Map<string, RenderedValue[]>();
  const visit = (node: Shape, suffix: readonly string[], computed: string | undefined): void => {
    if ('group' in node) return visit(node.group as Shape, suffix, computed);
    if ('left' in node || ('operator' in node && 'expr' in node)) return; // Binary, Unary
    if ('operator' in node && 'args' in node) {
      const args = node.args as Shape[];
      const or = lexeme(node.operator) === '||';
      for (const arg of or ? args : args.slice(-1)) visit(arg, suffix, computed);
      return;
    }
    if ('functionName' in node) {
      const name = lexeme(node.functionName).toLowerCase();
      if (BOOLEAN_FUNCTIONS.has(name)) return;
      const args = node.args as Shape[];
      // case(pred, value, …, default) renders one of its values, never a predicate.
      const shown = name === 'case' ? args.filter((_, i) => i % 2 === 1 || i === args.length - 1) : args;
      for (const arg of shown) visit(arg, suffix, computed);
      return;
    }
    if ('index' in node || 'name' in node) {
      const chain = unchain(node);
      const via = computed ?? (chain.computed ? printExpression(node) : undefined);
      if (!('name' in chain.root)) return visit(chain.root, [...chain.segments, ...suffix], via);
      const context = lexeme(chain.root.name).toLowerCase();
      const key = referenceKey(context, chain.segments.slice(0, chain.literal));
      const value: RenderedValue = { path: [...chain.segments, ...suffix].map((s) => s.toLowerCase()), ...(via !== undefined ? { computed: via } : {}) };
      out.set(key, [...(out.get(key) ?? []), value]);
    }
  };
  visit(ast as unknown as Shape, [], undefined);
  return out;
}
