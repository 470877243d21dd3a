import { describe, expect, it } from 'vitest';
import { parseExpression } from '@slsa-kit/core';
import { printExpression, renderedReferences } from './rendered-values.js';

/** `key: path[, computed]` per rendered value, so a table reads like the expressions. */
const rendered = (source: string) =>
  Object.fromEntries([...renderedReferences(parseExpression(source).ast!)].map(([k, vs]) => [k, vs.map((v) => [v.path.join('.'), ...(v.computed ? [v.computed] : [])].join(' via '))]));

describe('renderedReferences', () => {
  it('follows values, not predicates', () => {
    expect(rendered("github.event_name == 'x' && github.head_ref || github.sha")).toEqual({ 'github.head_ref': ['head_ref'], 'github.sha': ['sha'] });
    expect(rendered("contains(github.event.issue.title, 'x')")).toEqual({});
    expect(rendered("format('{0}', github.event.issue.title)")).toEqual({ 'github.event.issue.title': ['event.issue.title'] });
  });

  it('appends the path read from a grouped or computed object', () => {
    expect(rendered('(github.event.pull_request || github.event.issue).number')).toEqual({
      'github.event.pull_request': ['event.pull_request.number'],
      'github.event.issue': ['event.issue.number'],
    });
    expect(rendered('fromJSON(steps.a.outputs.b).title')).toEqual({ 'steps.a.outputs.b': ['a.outputs.b.title'] });
  });

  it('keeps index and filter segments', () => {
    expect(rendered('github.event.commits[0].message')).toEqual({ 'github.event.commits.0.message': ['event.commits.0.message'] });
    expect(rendered('join(github.event.commits.*.message)')).toEqual({ 'github.event.commits.*.message': ['event.commits.*.message'] });
  });

  it('keys a computed index where core ends the reference, and keeps the rest of the path', () => {
    expect(rendered('github[inputs.field]')).toEqual({ github: ['* via github[inputs.field]'] });
    expect(rendered("github.event[matrix.key].title || 'none'")).toEqual({ 'github.event': ['event.*.title via github.event[matrix.key].title'] });
    expect(rendered('github.event.*[inputs.choice]')).toEqual({ 'github.event.*': ['event.*.* via github.event.*[inputs.choice]'] });
    expect(rendered("(github.event.pull_request || github.event.issue)[format('{0}', matrix.f)]")).toEqual({
      'github.event.pull_request': ["event.pull_request.* via (github.event.pull_request || github.event.issue)[format('{0}', matrix.f)]"],
      'github.event.issue': ["event.issue.* via (github.event.pull_request || github.event.issue)[format('{0}', matrix.f)]"],
    });
  });
});

describe('printExpression', () => {
  it.each([
    ["github.event['pull_request'].title", "github.event['pull_request'].title"],
    ['github.event.commits[0].message', 'github.event.commits[0].message'],
    ['github.event.commits[*].message', 'github.event.commits.*.message'],
    ["steps[ inputs.step ].outputs[matrix.key]", 'steps[inputs.step].outputs[matrix.key]'],
    ["!(github.ref == 'x' && env.d || fromJSON(steps.e.outputs.f)[0])", "!(github.ref == 'x' && env.d || fromJSON(steps.e.outputs.f)[0])"],
  ])('%s → %s', (source, want) => expect(printExpression(parseExpression(source).ast! as never)).toBe(want));
});
