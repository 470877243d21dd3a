import type { Expr } from '@actions/expressions/ast';
import { Binary, ContextAccess, FunctionCall, Grouping, IndexAccess, Literal, Logical, Star, Unary } from '@actions/expressions/ast';
import { TokenType } from '@actions/expressions/lexer';
import type { Span } from '../diagnostic.js';
import { CANONICAL_FUNCTION_NAMES } from './contexts.js';
import { NodeExtents } from './node-extent.js';
import type { ParsedExpression } from './parse-expression.js';

/** One step of a reference path: a property name, a numeric index, or `'*'` for a filter. */
export type ReferenceSegment = string | number;

/** A read of a context, e.g. `needs.build.outputs.hashes` or `github.event['issue'].title`. */
export interface ExpressionReference {
  /** The context, lower-cased (context names are case-insensitive): `github`, `needs`, … */
  readonly context: string;
  /**
   * The properties after the context, from dot access and literal index access (`['issue']`);
   * `'*'` marks an object filter (`.*` or `[*]`). Names keep their spelling as written.
   */
  readonly path: readonly ReferenceSegment[];
  /** True when a computed index (`matrix[inputs.key]`) ended the path early. */
  readonly dynamic: boolean;
  /** The reference as written, up to the last path segment. */
  readonly text: string;
  readonly span: Span;
}

/** A function call such as `fromJSON(needs.a.outputs.b)` or `success()`. */
export interface ExpressionCall {
  /** The documented spelling (`fromJSON`, `hashFiles`) whatever case was written. */
  readonly name: string;
  readonly args: readonly Expr[];
  /** The whole call, name to closing parenthesis. */
  readonly span: Span;
  readonly nameSpan: Span;
}

/** Maps `[start, end)` offsets in the expression text to a span in the file. */
export type Locate = (start: number, end: number) => Span;

/** Strips the quotes of a string-literal token and undoes `''` (the library undoes only the first). */
export function unquote(lexeme: string): string {
  return lexeme.slice(1, -1).replaceAll("''", "'");
}

/** The path segment a literal index stands for, or undefined when the index is computed. */
function segmentOf(index: Expr): ReferenceSegment | undefined {
  if (index instanceof Star) return '*';
  if (!(index instanceof Literal)) return undefined;
  const { type, lexeme, value } = index.token;
  if (type === TokenType.IDENTIFIER) return lexeme; // dot access
  if (type === TokenType.STRING) return unquote(lexeme);
  if (type === TokenType.NUMBER && typeof value === 'number') return value;
  return undefined;
}

/**
 * Lists every context reference and function call of a parsed expression, in source order of
 * their first token. A reference is the longest access chain rooted at a context; chains rooted at
 * a call or a parenthesis (`fromJSON(x).y`) are not references, but what they contain is.
 */
export function collectUses(parsed: ParsedExpression, locate: Locate): { references: ExpressionReference[]; calls: ExpressionCall[] } {
  const references: ExpressionReference[] = [];
  const calls: ExpressionCall[] = [];
  if (!parsed.ast) return { references, calls };
  const extents = new NodeExtents(parsed.tokens);
  const spanOf = (node: Expr): Span => {
    const { start, end } = extents.offsets(node);
    return locate(start, end);
  };

  const chain = (node: IndexAccess | ContextAccess): void => {
    const steps: IndexAccess[] = [];
    let root: Expr = node;
    while (root instanceof IndexAccess) {
      steps.unshift(root);
      root = root.expr;
    }
    if (!(root instanceof ContextAccess)) {
      visit(root);
      for (const step of steps) visit(step.index);
      return;
    }
    const path: ReferenceSegment[] = [];
    let end: Expr = root;
    let dynamic = false;
    for (const step of steps) {
      const segment = dynamic ? undefined : segmentOf(step.index);
      if (segment === undefined) {
        dynamic = true;
        visit(step.index);
        continue;
      }
      path.push(segment);
      end = step;
    }
    const from = extents.offsets(root).start;
    const to = extents.offsets(end).end;
    const context = root.name.lexeme.toLowerCase();
    references.push({ context, path, dynamic, text: parsed.source.slice(from, to), span: locate(from, to) });
  };

  const visit = (node: Expr): void => {
    if (node instanceof IndexAccess || node instanceof ContextAccess) chain(node);
    else if (node instanceof FunctionCall) {
      const lexeme = node.functionName.lexeme;
      const name = CANONICAL_FUNCTION_NAMES.get(lexeme.toLowerCase()) ?? lexeme;
      const { start, end } = extents.tokenOffsets(node.functionName);
      const nameSpan = locate(start, end);
      calls.push({ name, args: node.args, span: spanOf(node), nameSpan });
      node.args.forEach(visit);
    } else if (node instanceof Logical) node.args.forEach(visit);
    else if (node instanceof Binary) {
      visit(node.left);
      visit(node.right);
    } else if (node instanceof Unary) visit(node.expr);
    else if (node instanceof Grouping) visit(node.group);
  };

  visit(parsed.ast);
  // A chain is recorded after the computed indexes inside it; restore source order.
  references.sort((a, b) => a.span.start - b.span.start);
  return { references, calls };
}
