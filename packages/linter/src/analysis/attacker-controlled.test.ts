import { describe, expect, it } from 'vitest';
import { possibleSource, strongestSource, type TriggerFacts } from './attacker-controlled.js';

const NONE: TriggerFacts = { inputs: new Map(), callable: false };
const split = (ref: string) => {
  const [context, ...path] = ref.toLowerCase().split('.');
  return [context!, path] as const;
};
const taint = (ref: string, facts = NONE) => possibleSource(...split(ref), facts)?.taint;
const possible = (ref: string, facts: TriggerFacts) => possibleSource(...split(ref), facts, true);
const on = (events: string, facts: Partial<TriggerFacts> = {}): TriggerFacts => ({ ...NONE, ...facts, events: new Set(events.split(' ')) });

describe('possibleSource of a written-out path', () => {
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
    const declared: TriggerFacts = { inputs: new Map([['flag', { type: 'boolean', callable: true }], ['name', { type: 'string', callable: true }]]), callable: true };
    expect(taint('inputs.flag', declared)).toBeUndefined();
    expect(taint('inputs.name', declared)).toBe('caller');
    expect(taint('inputs.undeclared', declared)).toBe('caller');
  });

  it.each([
    // [reference, events, taint]: a field named in full counts when one of the events can carry it.
    ['github.event.issue.title', 'push', undefined],
    ['github.event.issue.title', 'push workflow_dispatch', undefined],
    ['github.event.issue.title', 'issues', 'attacker'],
    ['github.event.issue.title', 'push issue_comment', 'attacker'],
    ['github.head_ref', 'schedule', undefined],
    ['github.head_ref', 'push pull_request_target', 'attacker'],
    ['github.head_ref', 'pull_request', 'attacker'],
    ['github.head_ref', 'issue_comment', undefined],
    ['github.event.head_commit.message', 'push', 'attacker'],
    ['github.event.commits.0.author.name', 'pull_request', undefined],
    ['github.event.workflow_run.head_branch', 'push', undefined],
    ['github.event.client_payload.x', 'push', undefined],
    ['github.event.client_payload.x', 'push repository_dispatch', 'dispatcher'],
    ['github.event.inputs.tag', 'push', undefined],
    ['github.event.inputs.tag', 'push workflow_dispatch', 'dispatcher'],
    // An event whose payload is not known here may carry anything.
    ['github.event.issue.title', 'push status', 'attacker'],
    ['github.event.issue.title', 'push pull_requests', 'attacker'],
  ] as const)('%s on %s → %s', (ref, events, want) => expect(taint(ref, on(events))).toBe(want));

  it('counts every field named in full when the events are not known (a called workflow, an unreadable `on:`)', () => {
    expect(taint('github.event.issue.title', NONE)).toBe('attacker');
    expect(taint('github.event.issue.title', { ...NONE, callable: true })).toBe('attacker');
  });
});

describe('possibleSource through a computed index (a `*` in the path)', () => {
  const chosen = (taint: string, field: string) => ({ taint, field, chosen: true });
  it('names the first attacker field the index can choose, among those the events carry', () => {
    expect(possible('github.*', on('pull_request_target'))).toEqual(chosen('attacker', 'github.head_ref'));
    expect(possible('github.event.*', on('issues'))).toEqual(chosen('attacker', 'github.event.issue.title'));
    expect(possible('github.event.*', on('push'))).toEqual(chosen('attacker', 'github.event.commits.*.message'));
    expect(possible('github.event.pull_request.*', on('pull_request'))).toEqual(chosen('attacker', 'github.event.pull_request.title'));
    // Any event when the triggers are not known (a called workflow runs with its caller's event).
    expect(possible('github.event.*', NONE)).toEqual(chosen('attacker', 'github.event.issue.title'));
  });

  it('finds nothing where no field the events carry is attacker text', () => {
    expect(possible('github.*', on('schedule'))).toBeUndefined();
    expect(possible('github.event.*', on('release workflow_dispatch'))).toBeUndefined();
    expect(possible('github.event.pull_request.user.*', on('pull_request_target'))).toBeUndefined();
    expect(possible('github.event.pull_request.head.repo.*', on('pull_request'))).toEqual(chosen('attacker', 'github.event.pull_request.head.repo.default_branch'));
    expect(possible('steps.*', NONE)).toBeUndefined();
    expect(possible('needs.*.outputs.x', NONE)).toBeUndefined();
  });

  it('counts a field the read names, an index picking only an element of it, when the events can carry it', () => {
    // actionlint's err/nested_untrusted_input.yaml: `github.event.pages[…].page_name` on pull_request, which has no pages.
    expect(possible('github.event.pages.*.page_name', on('pull_request'))).toBeUndefined();
    expect(possible('github.event.pages.*.page_name', on('gollum'))).toEqual({ taint: 'attacker', field: 'github.event.pages.*.page_name', chosen: false });
    // An element of an object: counted unless the events carry no text at all.
    expect(possible('github.event.commits.*', on('pull_request'))).toEqual({ taint: 'attacker', field: 'github.event.commits.*.message', chosen: false });
    expect(possible('github.event.commits.*', on('schedule'))).toBeUndefined();
    // A named field wins over one the index would have to choose.
    expect(possible('github.event.*.title', on('issues'))?.chosen).toBe(true);
  });

  it('does not read below a string field the index would have to pick', () => {
    // `github.event.pull_request[x].login` reads `user.login` (safe) or a property of a string (null).
    expect(possible('github.event.pull_request.*.login', on('pull_request_target'))).toBeUndefined();
  });

  it('counts dispatch inputs and payloads only when those events start the workflow', () => {
    const facts = on('workflow_dispatch', { inputs: new Map([['tag', { type: 'string', callable: false }], ['dry', { type: 'boolean', callable: false }]]) });
    expect(possible('github.*', facts)).toEqual(chosen('dispatcher', 'github.event.inputs.tag'));
    expect(possible('github.event.*.*', facts)).toEqual(chosen('dispatcher', 'github.event.inputs.tag'));
    expect(possible('github.event.inputs.*', facts)).toEqual(chosen('dispatcher', 'github.event.inputs.tag'));
    expect(possible('github.event.inputs.*', on('workflow_dispatch', { inputs: new Map([['dry', { type: 'boolean', callable: false }]]) }))).toBeUndefined();
    expect(possible('github.event.*', on('repository_dispatch'))).toEqual(chosen('dispatcher', 'github.event.client_payload'));
    expect(possible('github.event.client_payload.*', on('repository_dispatch'))).toEqual({ taint: 'dispatcher', field: 'github.event.client_payload', chosen: false });
    expect(possible('github.event.client_payload.*', on('push'))).toBeUndefined();
  });

  it('judges every input for `inputs[x]`: the strongest declared one, and undeclared ones of a called workflow', () => {
    const dispatch = on('workflow_dispatch', { inputs: new Map([['dry', { type: 'boolean', callable: false }], ['tag', { type: 'string', callable: false }]]) });
    expect(possible('inputs.*', dispatch)).toEqual(chosen('dispatcher', 'inputs.tag'));
    expect(possible('inputs.*', on('workflow_dispatch', { inputs: new Map([['dry', { type: 'boolean', callable: false }]]) }))).toBeUndefined();
    expect(possible('inputs.*', { inputs: new Map([['dry', { type: 'boolean', callable: true }]]), callable: true })).toEqual(chosen('caller', 'inputs.*'));
    expect(possible('inputs.*', on('push'))).toBeUndefined();
    // `inputs.title[x]` indexes a string: nothing.
    expect(possible('inputs.title.*', dispatch)).toBeUndefined();
  });
});

describe('possibleSource without a computed index', () => {
  it('counts filters and whole objects unless the events carry no text someone else chose, and is never chosen', () => {
    expect(possibleSource('github', ['event', '*'], on('workflow_dispatch'))).toEqual({ taint: 'attacker', field: 'github.event.issue.title', chosen: false });
    expect(possibleSource('github', ['event', 'pull_request'], on('push'))?.taint).toBe('attacker');
    expect(possibleSource('github', ['event'], on('status'))?.taint).toBe('attacker');
    expect(possibleSource('github', ['event'], NONE)?.taint).toBe('attacker');
    expect(possibleSource('github', ['event'], on('schedule'))).toBeUndefined();
    expect(possibleSource('github', ['event', 'commits', '*'], on('schedule release'))).toBeUndefined();
  });
});

describe('strongestSource', () => {
  it('prefers attacker over caller over dispatcher, then the first', () => {
    const d = { taint: 'dispatcher', field: 'd', chosen: false } as const;
    const c = { taint: 'caller', field: 'c', chosen: false } as const;
    expect(strongestSource([d, undefined, c, { taint: 'caller', field: 'c2', chosen: false }])).toBe(c);
    expect(strongestSource([undefined])).toBeUndefined();
  });
});
