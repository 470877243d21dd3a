import { describe, expect, it } from 'vitest';
import { loadWorkflow, type NormalJob } from '@slsa-kit/core';
import { yaml } from '@slsa-kit/core/testing';
import { resolveEnv, scopeOfDefinition, stepEnvScope, visibleEnv, type EnvDefinition } from './env-definitions.js';

const { workflow } = loadWorkflow(
  yaml`
    on: push
    env:
      A: workflow
      B: workflow
      Mixed: workflow
    jobs:
      build:
        runs-on: x
        env:
          B: job
          C: job
        steps:
          - run: one
            env:
              C: step
          - run: two
      call:
        uses: o/r/.github/workflows/w.yml@v1
  `,
  'w.yml',
);
const job = workflow!.jobs[0] as NormalJob;
const show = (d: EnvDefinition | undefined) => d && `${d.name}=${String(d.value.value)} (${d.level})`;

describe('env scopes', () => {
  const first = stepEnvScope(workflow!, job, job.steps[0]!);
  const second = stepEnvScope(workflow!, job, job.steps[1]!);

  it('resolves a name at the nearest level: step over job over workflow', () => {
    expect(['A', 'B', 'C'].map((n) => show(resolveEnv(first, n)))).toEqual(['A=workflow (workflow)', 'B=job (job)', 'C=step (step)']);
    expect(show(resolveEnv(second, 'C'))).toBe('C=job (job)');
    expect(resolveEnv(second, 'D')).toBeUndefined();
  });

  it('falls back to a name in another case only when no exact one exists', () => {
    expect(show(resolveEnv(first, 'MIXED'))).toBe('Mixed=workflow (workflow)');
    expect(show(resolveEnv(first, 'b'))).toBe('B=job (job)');
  });

  it('lists every visible variable once, as its nearest definition', () => {
    expect(visibleEnv(first).map(show)).toEqual(['C=step (step)', 'B=job (job)', 'A=workflow (workflow)', 'Mixed=workflow (workflow)']);
  });

  it('gives a step’s definitions the job’s and workflow’s env, and the others none', () => {
    const [step, jobLevel] = first;
    expect(scopeOfDefinition(first, step![0]!).flat().map(show)).toEqual(['B=job (job)', 'C=job (job)', 'A=workflow (workflow)', 'B=workflow (workflow)', 'Mixed=workflow (workflow)']);
    expect(scopeOfDefinition(first, jobLevel![0]!)).toEqual([]);
  });

  it('a reusable job has no env of its own', () => {
    const call = workflow!.jobs[1]!;
    expect(stepEnvScope(workflow!, call, job.steps[1]!)[1]).toEqual([]);
  });
});
