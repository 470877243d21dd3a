import { describe, expect, it } from 'vitest';
import { parseExpression } from '@slsa-kit/core';
import { renderedReferences, taintOf, type InputDeclarations } from './attacker-controlled.js';

const NONE: InputDeclarations = { inputs: new Map(), callable: false };
const rendered = (source: string) => Object.fromEntries([...renderedReferences(parseExpression(source).ast!)].map(([k, v]) => [k, [...v]]));
const taint = (ref: string, declared = NONE) => {
  const [context, ...path] = ref.toLowerCase().split('.');
  return taintOf(context!, path, declared);
};

describe('taintOf', () => {
  it.each([
    ['github.event.issue.title', 'attacker'],
    ['github.event.pull_request.head.ref', 'attacker'],
    ['github.event.commits.0.message', 'attacker'],
    ['github.event.commits.*.author.email', 'attacker'],
    ['github.event.pull_request', 'attacker'],
    ['github.event', 'attacker'],
    ['github.head_ref', 'attacker'],
    ['github.event.pull_request.head.sha', undefined],
    ['github.event.pull_request.number', undefined],
    ['github.event.pull_request.user.login', undefined],
    ['github.actor', undefined],
    ['github.ref_name', undefined],
    ['github.event.client_payload.x', 'dispatcher'],
    ['github.event.inputs.tag', 'dispatcher'],
    ['inputs.tag', 'dispatcher'],
    ['steps.x.outputs.y', undefined],
  ] as const)('%s → %s', (ref, want) => expect(taint(ref)).toBe(want));

  it('uses declared input types and whether the workflow can be called', () => {
    const declared: InputDeclarations = { inputs: new Map([['flag', { type: 'boolean', callable: true }], ['name', { type: 'string', callable: true }]]), callable: true };
    expect(taint('inputs.flag', declared)).toBeUndefined();
    expect(taint('inputs.name', declared)).toBe('caller');
    expect(taint('inputs.undeclared', declared)).toBe('caller');
  });
});

describe('renderedReferences', () => {
  it('follows values, not predicates', () => {
    expect(rendered("github.event_name == 'x' && github.head_ref || github.sha")).toEqual({ 'github.head_ref': ['github.head_ref'], 'github.sha': ['github.sha'] });
    expect(rendered("contains(github.event.issue.title, 'x')")).toEqual({});
    expect(rendered("format('{0}', github.event.issue.title)")).toEqual({ 'github.event.issue.title': ['github.event.issue.title'] });
  });

  it('appends the path read from a grouped or computed object', () => {
    expect(rendered('(github.event.pull_request || github.event.issue).number')).toEqual({
      'github.event.pull_request': ['github.event.pull_request.number'],
      'github.event.issue': ['github.event.issue.number'],
    });
    expect(rendered('fromJSON(steps.a.outputs.b).title')).toEqual({ 'steps.a.outputs.b': ['steps.a.outputs.b.title'] });
  });

  it('keeps index and filter segments', () => {
    expect(rendered("github.event.commits[0].message")).toEqual({ 'github.event.commits.0.message': ['github.event.commits.0.message'] });
    expect(rendered('join(github.event.commits.*.message)')).toEqual({ 'github.event.commits.*.message': ['github.event.commits.*.message'] });
  });
});
