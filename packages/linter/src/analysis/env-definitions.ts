import type { Job, Located, ScalarValue, Step, Workflow } from '@slsa-kit/core';

/** Where an `env:` entry is written. */
export type EnvLevel = 'step' | 'job' | 'workflow';

/** One `env:` entry: the variable's name as written and its value. */
export interface EnvDefinition {
  readonly name: string;
  readonly value: Located<ScalarValue>;
  readonly level: EnvLevel;
}

/** The `env:` entries in scope at one place, nearest level first. */
export type EnvScope = readonly (readonly EnvDefinition[])[];

const entries = (env: ReadonlyMap<string, Located<ScalarValue>>, level: EnvLevel): EnvDefinition[] =>
  [...env].map(([name, value]) => ({ name, value, level }));

/**
 * The `env` context of a step's `run:` and `with:`: the step's `env:` over its job's over the
 * workflow's. A reusable job has no `env:` of its own.
 */
export function stepEnvScope(workflow: Workflow, job: Job, step: Step): EnvScope {
  return [entries(step.env, 'step'), job.kind === 'normal' ? entries(job.env, 'job') : [], entries(workflow.env, 'workflow')];
}

/**
 * The `env` context while a definition of `scope` is itself evaluated: a step's `env:` sees its
 * job's and the workflow's (not its own); `env` is not available in a job's or the workflow's `env:`.
 */
export function scopeOfDefinition(scope: EnvScope, definition: EnvDefinition): EnvScope {
  return definition.level === 'step' ? scope.slice(1) : [];
}

/**
 * What `env.<name>` reads: the nearest definition of exactly that name (Linux and macOS runners
 * compare names case-sensitively), else the nearest of the name in another case (Windows runners
 * do not, so the author meant it there).
 */
export function resolveEnv(scope: EnvScope, name: string): EnvDefinition | undefined {
  for (const level of scope) {
    const found = level.find((d) => d.name === name);
    if (found) return found;
  }
  const lower = name.toLowerCase();
  for (const level of scope) {
    const found = level.find((d) => d.name.toLowerCase() === lower);
    if (found) return found;
  }
  return undefined;
}

/** Every variable in scope once, as its nearest definition: what `toJSON(env)` or `env[x]` can read. */
export function visibleEnv(scope: EnvScope): EnvDefinition[] {
  const seen = new Set<string>();
  const out: EnvDefinition[] = [];
  for (const level of scope) {
    for (const d of level) {
      if (seen.has(d.name)) continue;
      seen.add(d.name);
      out.push(d);
    }
  }
  return out;
}
