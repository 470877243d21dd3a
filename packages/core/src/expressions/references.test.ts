import { describe, expect, it } from 'vitest';
import { parseExpression } from './parse-expression.js';
import { collectUses, type ReferenceSegment } from './references.js';

/** References and calls of an expression, with spans as offsets into the expression text. */
function uses(source: string) {
  const parsed = parseExpression(source);
  expect(parsed.problem).toBeUndefined();
  return collectUses(parsed, (start, end) => ({ start, end }));
}

type Row = readonly [context: string, path: readonly ReferenceSegment[], text: string, dynamic?: boolean];

describe('collectUses', () => {
  it.each<readonly [string, readonly Row[]]>([
    ['needs.build.outputs.hashes', [['needs', ['build', 'outputs', 'hashes'], 'needs.build.outputs.hashes']]],
    ['steps.hash.outputs.hashes', [['steps', ['hash', 'outputs', 'hashes'], 'steps.hash.outputs.hashes']]],
    ['github.event.issue.title', [['github', ['event', 'issue', 'title'], 'github.event.issue.title']]],
    ['matrix.os', [['matrix', ['os'], 'matrix.os']]],
    ['secrets.PYPI_TOKEN', [['secrets', ['PYPI_TOKEN'], 'secrets.PYPI_TOKEN']]],
    ['github', [['github', [], 'github']]],
    ['GitHub.Event', [['github', ['Event'], 'GitHub.Event']]],
    ["github.event['issue'].title", [['github', ['event', 'issue', 'title'], "github.event['issue'].title"]]],
    ["github.event['it''s']", [['github', ['event', "it's"], "github.event['it''s']"]]],
    ['github.event.commits[0].message', [['github', ['event', 'commits', 0, 'message'], 'github.event.commits[0].message']]],
    ['github.event.commits.*.author', [['github', ['event', 'commits', '*', 'author'], 'github.event.commits.*.author']]],
    ['github.event.pages[*].page_name', [['github', ['event', 'pages', '*', 'page_name'], 'github.event.pages[*].page_name']]],
    [
      'matrix[inputs.key].name',
      [
        ['matrix', [], 'matrix', true],
        ['inputs', ['key'], 'inputs.key'],
      ],
    ],
    [
      "needs[format('{0}', matrix.x)].outputs",
      [
        ['needs', [], 'needs', true],
        ['matrix', ['x'], 'matrix.x'],
      ],
    ],
    ['fromJSON(needs.x.outputs.y).z', [['needs', ['x', 'outputs', 'y'], 'needs.x.outputs.y']]],
    [
      "github.event_name == 'push' && (env.A || vars.B)",
      [
        ['github', ['event_name'], 'github.event_name'],
        ['env', ['A'], 'env.A'],
        ['vars', ['B'], 'vars.B'],
      ],
    ],
    ['!steps.x.outcome', [['steps', ['x', 'outcome'], 'steps.x.outcome']]],
    ["'literal'", []],
  ])('%s', (source, rows) => {
    const { references } = uses(source);
    expect(references.map((r) => [r.context, r.path, r.text, ...(r.dynamic ? [true] : [])])).toEqual(rows);
    for (const r of references) expect(source.slice(r.span.start, r.span.end)).toBe(r.text);
  });

  it.each([
    ['fromJSON(needs.x.outputs.y).z', [['fromJSON', 'fromJSON(needs.x.outputs.y)']]],
    ['fromJson(toJSON(github))', [['fromJSON', 'fromJson(toJSON(github))'], ['toJSON', 'toJSON(github)']]],
    ["contains(github.ref, 'x',)", [['contains', "contains(github.ref, 'x',)"]]],
    ['success() || always()', [['success', 'success()'], ['always', 'always()']]],
    ["hashFiles('a', 'b')", [['hashFiles', "hashFiles('a', 'b')"]]],
    ["format('{0}', (github.ref))", [['format', "format('{0}', (github.ref))"]]],
  ])('calls in %s', (source, expected) => {
    const { calls } = uses(source);
    expect(calls.map((c) => [c.name, source.slice(c.span.start, c.span.end)])).toEqual(expected);
    for (const c of calls) expect(source.slice(c.nameSpan.start, c.nameSpan.end).toLowerCase()).toBe(c.name.toLowerCase());
  });

  it('keeps call arguments for later rules', () => {
    const [call] = uses("contains(github.event.pull_request.labels.*.name, 'safe')").calls;
    expect(call?.args).toHaveLength(2);
  });
});
