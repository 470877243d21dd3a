import { loadWorkflow, type Route } from '@slsa-kit/core';
import { yaml } from '@slsa-kit/core/testing';
import { describe, expect, it } from 'vitest';
import { expressionScope } from './expression-scope.js';

const workflow = loadWorkflow(
  yaml`
    on: { workflow_call: { outputs: { o: { value: x } } } }
    jobs:
      build:
        runs-on: ubuntu-latest
        steps:
          - id: a
            run: "true"
          - id: b
            run: "true"
      call:
        uses: o/r/.github/workflows/w.yml@v1
  `,
  'w.yml',
).workflow!;

const scope = (route: Route) => expressionScope(workflow, route);
const sorted = (s: ReadonlySet<string> | undefined) => [...(s ?? [])].sort();

describe('expressionScope', () => {
  it('a job if: sees github, needs, vars and inputs, and the status functions', () => {
    expect(sorted(scope(['jobs', 'build', 'if'])?.allowed)).toEqual(['github', 'inputs', 'needs', 'vars']);
    expect(sorted(scope(['jobs', 'build', 'if'])?.functions)).toEqual(['always', 'cancelled', 'failure', 'success']);
  });

  it('a step sees the steps before it; its if: has no secrets', () => {
    const s = scope(['jobs', 'build', 'steps', 1, 'run']);
    expect(s?.steps?.map((x) => x.id?.value)).toEqual(['a']);
    expect(s?.allowed.has('secrets')).toBe(true);
    expect(scope(['jobs', 'build', 'steps', 1, 'if'])?.allowed.has('secrets')).toBe(false);
  });

  it('job outputs see every step; a reusable job has no steps', () => {
    expect(scope(['jobs', 'build', 'outputs', 'x'])?.steps?.length).toBe(2);
    expect(scope(['jobs', 'call', 'outputs', 'x'])?.steps).toBeUndefined();
  });

  it('jobs is available only in workflow_call outputs', () => {
    expect(scope(['on', 'workflow_call', 'outputs', 'o', 'value'])?.allowed.has('jobs')).toBe(true);
    expect(scope(['jobs', 'build', 'steps', 0, 'run'])?.allowed.has('jobs')).toBe(false);
  });

  it('keys outside the table, and unknown jobs, have no scope', () => {
    expect(scope(['jobs', 'build', 'snapshot', 'if'])).toBeUndefined();
    expect(scope(['jobs', 'nope', 'if'])).toBeUndefined();
    expect(scope(['name'])).toBeUndefined();
  });
});
