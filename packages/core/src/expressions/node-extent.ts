import type { Expr } from '@actions/expressions/ast';
import { Binary, ContextAccess, FunctionCall, Grouping, IndexAccess, Literal, Logical, Star, Unary } from '@actions/expressions/ast';
import { TokenType, type Token } from '@actions/expressions/lexer';
import type { LocatedToken } from './parse-expression.js';

/** First and last token index of a node, inclusive. */
interface TokenRange {
  readonly first: number;
  readonly last: number;
}

/**
 * Text extents of AST nodes. The AST keeps only some tokens (no parentheses, brackets or `*`), so
 * the missing ones are recovered from the token stream: the token after an index expression is
 * its `]`, the one after the last argument (or an allowed trailing comma) is the call's `)`.
 */
export class NodeExtents {
  private readonly indexOf = new Map<Token, number>();
  private readonly memo = new WeakMap<Expr, TokenRange>();

  constructor(private readonly tokens: readonly LocatedToken[]) {
    tokens.forEach((t, i) => this.indexOf.set(t.token, i));
  }

  /** `[start, end)` offsets of the node in the expression text. */
  offsets(node: Expr): { start: number; end: number } {
    const { first, last } = this.range(node);
    return { start: this.tokens[first]?.start ?? 0, end: this.tokens[last]?.end ?? 0 };
  }

  /** `[start, end)` offsets of one token in the expression text. */
  tokenOffsets(token: Token): { start: number; end: number } {
    const t = this.tokens[this.at(token)];
    return { start: t?.start ?? 0, end: t?.end ?? 0 };
  }

  private at(token: Token): number {
    return this.indexOf.get(token) ?? 0;
  }

  private range(node: Expr): TokenRange {
    const known = this.memo.get(node);
    if (known) return known;
    const range = this.compute(node);
    this.memo.set(node, range);
    return range;
  }

  private compute(node: Expr): TokenRange {
    if (node instanceof Literal) return { first: this.at(node.token), last: this.at(node.token) };
    if (node instanceof ContextAccess) return { first: this.at(node.name), last: this.at(node.name) };
    if (node instanceof Unary) return { first: this.at(node.operator), last: this.range(node.expr).last };
    if (node instanceof Binary) return { first: this.range(node.left).first, last: this.range(node.right).last };
    if (node instanceof Logical) {
      return { first: this.range(node.args[0]!).first, last: this.range(node.args[node.args.length - 1]!).last };
    }
    if (node instanceof Grouping) {
      const inner = this.range(node.group);
      return { first: inner.first - 1, last: inner.last + 1 };
    }
    if (node instanceof IndexAccess) {
      const { first, last } = this.range(node.expr);
      const opener = last + 1; // `.` or `[`
      if (this.tokens[opener]?.token.type === TokenType.DOT) return { first, last: opener + 1 };
      return { first, last: node.index instanceof Star ? opener + 2 : this.range(node.index).last + 1 };
    }
    if (node instanceof FunctionCall) {
      const name = this.at(node.functionName);
      const lastArg = node.args[node.args.length - 1];
      let close = lastArg ? this.range(lastArg).last + 1 : name + 2;
      if (this.tokens[close]?.token.type === TokenType.COMMA) close++;
      return { first: name, last: close };
    }
    return { first: 0, last: 0 };
  }
}
