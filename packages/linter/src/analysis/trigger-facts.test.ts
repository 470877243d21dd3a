import { describe, expect, it } from 'vitest';
import { loadWorkflow } from '@slsa-kit/core';
import { yaml } from '@slsa-kit/core/testing';
import { triggerFacts } from './trigger-facts.js';

const factsOf = (text: string) => {
  const { workflow } = loadWorkflow(text, 'w.yml');
  if (!workflow) throw new Error('test workflow must load');
  const f = triggerFacts(workflow);
  return { inputs: Object.fromEntries(f.inputs), callable: f.callable, events: f.events && [...f.events].sort() };
};

describe('triggerFacts', () => {
  it('lists the events that start the workflow', () => {
    expect(factsOf('on: [push, pull_request_target]\njobs: {}\n')).toEqual({ inputs: {}, callable: false, events: ['pull_request_target', 'push'] });
  });

  it('leaves the events open when the workflow can be called (it runs with its caller’s event) or has no trigger', () => {
    expect(factsOf('on: [workflow_call, issues]\njobs: {}\n').events).toBeUndefined();
    expect(factsOf('jobs: {}\n').events).toBeUndefined();
  });

  it.each([
    ['on: push\n', ['push']],
    ['on: { push: { branches: [main] }, issues: }\n', ['issues', 'push']],
    // An entry that is not an event name could be any event.
    ['on: [push, { issues: {} }]\n', undefined],
    ['on: [push, []]\n', undefined],
    ['on: {}\n', undefined],
    ['on: []\n', undefined],
  ] as const)('reads the events of %j, or leaves them open when `on:` is not read in full', (on, want) => {
    expect(factsOf(`${on}jobs: {}\n`).events).toEqual(want);
  });

  it('reads declared inputs: the weaker type and the wider audience win when both triggers declare one', () => {
    expect(
      factsOf(yaml`
        on:
          workflow_dispatch:
            inputs:
              Tag: { type: choice, options: [a] }
              dry: { type: boolean }
          workflow_call:
            inputs:
              tag: { type: string }
        jobs: {}
      `).inputs,
    ).toEqual({ tag: { type: 'string', callable: true }, dry: { type: 'boolean', callable: false } });
  });

  it('does not throw on a YAML merge key in the inputs (actionlint err/merge_key_unsupported.yaml)', () => {
    const f = factsOf(yaml`
      on:
        workflow_dispatch:
          inputs: &i
            a: { type: string }
        workflow_call:
          inputs:
            <<: *i
      jobs: {}
    `);
    expect(f.callable).toBe(true);
  });
});
