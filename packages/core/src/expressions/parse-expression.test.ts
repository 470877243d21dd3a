import { describe, expect, it } from 'vitest';
import { parseExpression } from './parse-expression.js';

/** The text a problem points at. */
function problemAt(source: string): { message: string; text: string } | undefined {
  const p = parseExpression(source).problem;
  return p && { message: p.message, text: source.slice(p.start, p.end) };
}

describe('parseExpression', () => {
  it.each([
    'github.event.issue.title',
    "contains(github.event.head_commit.message, '[skip ci]')",
    'success() && !cancelled() || always() && failure()',
    "hashFiles('**/package-lock.json', '**/yarn.lock')",
    'toJson(matrix)',
    "case(inputs.a == 'x', 'one', 'other')",
    'GITHUB.ref',
    "fromJSON('[1,2]')[0]",
    'github.event.commits.*.message',
    "format('{0}', 1.5e3, -2, true, null)",
  ])('accepts %s', (source) => {
    const parsed = parseExpression(source);
    expect(parsed.problem).toBeUndefined();
    expect(parsed.ast).toBeDefined();
  });

  it.each([
    ['github.event.', 'Unexpected end of expression', '.'],
    ['github.event[', 'Unexpected end of expression', '['],
    ['foo.bar', 'Unrecognized named-value', 'foo'],
    ['nope()', 'Unrecognized function', 'nope'],
    ['success(1)', 'Too many parameters', 'success'],
    ['hashFiles()', 'Too few parameters', 'hashFiles'],
    ['github.b )', 'Unexpected symbol', ')'],
    ["github.ref == 'main", 'the string literal is never closed', "'main"],
    ['github.ref == "main"', 'single quotes', '"main"'],
    ['github.ref = 1', 'compare with ==', '='],
    ['github.a & github.b', 'written &&', '&'],
    ['1.2.3', 'Unexpected symbol', '1.2.3'],
    ['   ', 'the expression is empty', '   '],
  ])('reports %j: %s', (source, message, text) => {
    const p = problemAt(source);
    expect(p?.message).toContain(message);
    expect(p?.text).toBe(text);
  });

  it('never throws on an over-long expression', () => {
    const source = 'github.a || '.repeat(2000) + 'github.b';
    expect(problemAt(source)?.message).toContain('longer than 21000');
  });

  it('reports exceeding the nesting limit', () => {
    expect(problemAt('!'.repeat(60) + 'github.a')?.message).toContain('max expression depth');
  });

  it('locates tokens by offset even after a multi-line string literal', () => {
    // The library reports `github` at line 1, column 12 here: the column counts from the start of
    // the input because a newline inside a string does not reset the column base.
    const source = "format('a\nb') == github.ref";
    const tokens = parseExpression(source).tokens;
    const github = tokens.find((t) => t.token.lexeme === 'github')!;
    expect(github.token.range.start).toEqual({ line: 1, column: 17 });
    expect(source.slice(github.start, github.end)).toBe('github');
    expect(github.start).toBe(17);
  });
});
