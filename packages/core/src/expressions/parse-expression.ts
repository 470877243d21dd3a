// Deep imports: the package index also loads completion data this code never uses.
import type { Expr } from '@actions/expressions/ast';
import { ExpressionError } from '@actions/expressions/errors';
import { Lexer } from '@actions/expressions/lexer';
import { Parser } from '@actions/expressions/parser';
import { MAX_EXPRESSION_LENGTH } from '@actions/expressions/errors';
import { TokenType, type Token } from '@actions/expressions/lexer';
import { CANONICAL_FUNCTION_NAMES, WORKFLOW_CONTEXTS, WORKFLOW_FUNCTIONS } from './contexts.js';

/**
 * A token with its offsets in the expression text. The library's own line/column positions
 * cannot be used for this: a string literal spanning lines bumps the line without resetting the
 * column base, and the EOF token repeats the previous token's position.
 */
export interface LocatedToken {
  readonly token: Token;
  readonly start: number;
  readonly end: number;
}

/** Why an expression cannot be parsed, at offsets `[start, end)` into the expression text. */
export interface ExpressionProblem {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** The result of parsing one expression: an AST, or the problem that prevented one. */
export interface ParsedExpression {
  readonly source: string;
  readonly ast: Expr | undefined;
  readonly tokens: readonly LocatedToken[];
  readonly problem: ExpressionProblem | undefined;
}

/**
 * Parses the text between `${{` and `}}` (or a bare `if:` condition) with GitHub's parser,
 * accepting the workflow contexts and functions. Never throws: lexer and parser failures come
 * back as a {@link ExpressionProblem}.
 */
export function parseExpression(source: string): ParsedExpression {
  let tokens: Token[];
  try {
    tokens = new Lexer(source).lex().tokens;
  } catch (error) {
    return { source, ast: undefined, tokens: [], problem: lexerProblem(error, source) };
  }
  const located = locateTokens(source, tokens);
  try {
    // `parse()` is typed as returning Expr, but returns undefined when there are no tokens.
    const ast = new Parser(tokens, [...WORKFLOW_CONTEXTS], [...WORKFLOW_FUNCTIONS]).parse() as Expr | undefined;
    const problem = ast ? undefined : { message: 'the expression is empty; write a value between `${{` and `}}`', start: 0, end: source.length };
    return { source, ast, tokens: located, problem };
  } catch (error) {
    return { source, ast: undefined, tokens: located, problem: parserProblem(error, located, source) };
  }
}

/** Re-finds each token in the text; only whitespace separates tokens, so a forward scan suffices. */
function locateTokens(source: string, tokens: readonly Token[]): LocatedToken[] {
  let cursor = 0;
  return tokens.map((token) => {
    if (token.type === TokenType.EOF) return { token, start: cursor, end: cursor };
    const at = source.indexOf(token.lexeme, cursor);
    const start = at < 0 ? cursor : at;
    cursor = start + token.lexeme.length;
    return { token, start, end: cursor };
  });
}

const LEXER_MESSAGE = /^Unexpected symbol: '([\s\S]*?)'\. Located at position (\d+) within expression: /;

/** Hints for the mistakes people make most, keyed by how the bad symbol starts. */
function symbolHint(symbol: string): string {
  if (symbol.startsWith("'")) return "; the string literal is never closed (write a quote inside a string as '')";
  if (symbol.startsWith('"')) return "; string literals use single quotes: 'text'";
  if (symbol.startsWith('==') || symbol === '=') return '; compare with ==';
  if (symbol === '&') return '; "and" is written &&';
  if (symbol === '|') return '; "or" is written ||';
  return '';
}

/** The lexer throws plain `Error`s whose message carries a 1-based position; recover the span. */
function lexerProblem(error: unknown, source: string): ExpressionProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (message === 'ErrorExceededMaxLength') {
    return { message: `the expression is longer than ${MAX_EXPRESSION_LENGTH} characters, the most GitHub accepts`, start: 0, end: source.length };
  }
  const m = LEXER_MESSAGE.exec(message);
  if (!m) return { message: `invalid expression: ${message}`, start: 0, end: source.length };
  const symbol = m[1]!;
  const at = Number(m[2]) - 1;
  const start = source.startsWith(symbol, at) ? at : Math.max(0, source.indexOf(symbol));
  return { message: `invalid expression: Unexpected symbol: '${symbol}'${symbolHint(symbol)}`, start, end: start + symbol.length };
}

/**
 * Parser errors are `ExpressionError`s whose `pos` is the very `range.start` object of the
 * offending token, so the token is found by identity rather than by its unreliable position.
 */
function parserProblem(error: unknown, tokens: readonly LocatedToken[], source: string): ExpressionProblem {
  if (!(error instanceof ExpressionError)) {
    return { message: `invalid expression: ${error instanceof Error ? error.message : String(error)}`, start: 0, end: source.length };
  }
  const index = tokens.findIndex((t) => t.token.range.start === error.pos);
  const at = tokens[index];
  if (!at) return { message: `invalid expression: ${error.message}`, start: 0, end: source.length };
  if (at.token.type === TokenType.EOF) {
    const last = tokens[index - 1];
    const after = last ? ` after '${last.token.lexeme}'` : '';
    return { message: `invalid expression: Unexpected end of expression${after}`, start: last?.start ?? 0, end: last?.end ?? source.length };
  }
  let hint = '';
  if (error.message.startsWith('Unrecognized named-value')) hint = `; the contexts are ${WORKFLOW_CONTEXTS.join(', ')}`;
  if (error.message.startsWith('Unrecognized function')) hint = `; the functions are ${[...CANONICAL_FUNCTION_NAMES.values()].join(', ')}`;
  return { message: `invalid expression: ${error.message}${hint}`, start: at.start, end: at.end };
}
