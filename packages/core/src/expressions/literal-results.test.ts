import { describe, expect, it } from 'vitest';
import { literalResults } from './literal-results.js';
import { parseExpression } from './parse-expression.js';

function results(source: string): string[] | undefined {
  const { ast } = parseExpression(source);
  if (!ast) throw new Error(`does not parse: ${source}`);
  const set = literalResults(ast);
  return set && [...set].sort();
}

describe('literalResults', () => {
  it.each<readonly [string, string[] | undefined]>([
    ["'a'", ['a']],
    ["'it''s'", ["it's"]],
    ['1.50', ['1.5']],
    ['true', ['true']],
    ['null', ['']],
    ["github.event_name == 'push' && 'a' || 'b'", ['a', 'b']],
    ["matrix.x && 'yes' || 'no'", ['no', 'yes']],
    ["(inputs.debug && '--verbose') || ''", ['', '--verbose']],
    ["github.event.issue.title && 'x'", ['', '0', 'NaN', 'false', 'x']],
    ['!github.event.issue.title', ['false', 'true']],
    ["contains(github.event.issue.title, 'x')", ['false', 'true']],
    ['success()', ['false', 'true']],
    ["case(matrix.os == 'linux', 'ubuntu', 'windows')", ['ubuntu', 'windows']],
    ["case(matrix.os == 'linux', github.head_ref, 'windows')", undefined],
    ['github.event.issue.title', undefined],
    ["github.event.issue.title || 'default'", undefined],
    ["matrix.x && github.head_ref || 'b'", undefined],
    ["format('{0}', 'a')", undefined],
    ['fromJSON(inputs.x)', undefined],
    ["'' || github.head_ref", undefined],
    ["'a' || github.head_ref", ['a']],
    ["'' && github.head_ref", ['']],
    ["github.head_ref && '' && github.ref", ['', '0', 'NaN', 'false']],
  ])('%s', (source, expected) => {
    expect(results(source)).toEqual(expected);
  });
});
