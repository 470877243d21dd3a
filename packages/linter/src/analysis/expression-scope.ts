import type { Job, Route, Step, Workflow } from '@slsa-kit/core';

/** Where in a workflow an expression sits, and what it can see there. */
export interface ExpressionScope {
  /** The key, as a person names it: "a job's `if:`", "`run-name`". */
  readonly where: string;
  /** The contexts GitHub makes available at that key. */
  readonly allowed: ReadonlySet<string>;
  /** The job the expression belongs to. */
  readonly job?: Job;
  /** The steps whose `steps.<id>` are set here: the earlier ones in a step, all in `outputs:`. */
  readonly steps?: readonly Step[];
  /**
   * The special functions GitHub allows here: the status functions only in `if:`, `hashFiles`
   * only in steps. Undefined where this table does not say.
   */
  readonly functions?: ReadonlySet<string>;
  /** True in `on.workflow_call.outputs.<name>.value`, the one place `jobs` is available. */
  readonly workflowCallOutput?: boolean;
}

const set = (...names: string[]): ReadonlySet<string> => new Set(names);
const WORKFLOW = ['github', 'inputs', 'vars'];
const JOB = [...WORKFLOW, 'needs', 'strategy', 'matrix'];
const STEP = [...JOB, 'secrets', 'steps', 'job', 'runner', 'env'];
/** Functions that are not available everywhere (the others are). */
export const SPECIAL_FUNCTIONS: ReadonlySet<string> = new Set(['always', 'cancelled', 'success', 'failure', 'hashFiles']);
const STATUS = ['always', 'cancelled', 'success', 'failure'];
const NONE: ReadonlySet<string> = new Set();

/**
 * The contexts available at each key, from GitHub's "Context availability" table. GitHub rejects
 * a workflow that reads any other context there (`Unrecognized named-value: 'env'`). Keys not in
 * this table get no scope, so nothing is reported about them.
 */
const JOB_KEYS: Readonly<Record<string, ReadonlySet<string>>> = {
  if: set('github', 'needs', 'vars', 'inputs'),
  strategy: set('github', 'needs', 'vars', 'inputs'),
  name: set(...JOB),
  'runs-on': set(...JOB),
  concurrency: set(...JOB),
  'timeout-minutes': set(...JOB),
  'continue-on-error': set(...JOB),
  with: set(...JOB),
  env: set(...JOB, 'secrets'),
  secrets: set(...JOB, 'secrets'),
  defaults: set(...JOB, 'env'),
};

/** `container:` and `services.<name>:` differ in their `credentials:` and `env:`. */
function containerScope(key: string | number | undefined): ReadonlySet<string> {
  if (key === 'credentials') return set(...JOB, 'env', 'secrets');
  if (key === 'env') return set(...JOB, 'job', 'runner', 'env', 'secrets');
  return set(...JOB);
}

function jobScope(job: Job, route: Route): ExpressionScope | undefined {
  const key = route[2];
  if (key === 'steps' && typeof route[3] === 'number' && job.kind === 'normal') {
    const index = route[3];
    // GitHub evaluates no expression in a step's `id:`.
    if (route[4] === 'id' && route.length === 5) return { where: "a step's `id:`", allowed: set(), job };
    const steps = job.steps.slice(0, index);
    if (route[4] === 'if') return { where: "a step's `if:`", allowed: set(...STEP.filter((c) => c !== 'secrets')), functions: set(...STATUS, 'hashFiles'), job, steps };
    return { where: 'a step', allowed: set(...STEP), functions: set('hashFiles'), job, steps };
  }
  if (key === 'outputs') return { where: "a job's `outputs:`", allowed: set(...STEP), functions: NONE, job, ...(job.kind === 'normal' ? { steps: job.steps } : {}) };
  if (key === 'environment') {
    if (route[3] !== 'url') return { where: "a job's `environment:`", allowed: set(...JOB), job };
    return { where: '`environment.url`', allowed: set(...STEP.filter((c) => c !== 'secrets')), job, ...(job.kind === 'normal' ? { steps: job.steps } : {}) };
  }
  if (key === 'container') return { where: "a job's `container:`", allowed: containerScope(route[3]), job };
  if (key === 'services') return { where: "a job's `services:`", allowed: containerScope(route[4]), job };
  if (typeof key !== 'string') return undefined;
  const allowed = JOB_KEYS[key];
  if (!allowed) return undefined;
  return { where: `a job's \`${key}:\``, allowed, functions: key === 'if' ? set(...STATUS) : NONE, job };
}

/** The scope of an expression at `route`, or undefined where this table does not say. */
export function expressionScope(workflow: Workflow, route: Route): ExpressionScope | undefined {
  const [top, second] = route;
  if (top === 'jobs') {
    const job = typeof second === 'string' ? workflow.jobsById.get(second) : undefined;
    return job ? jobScope(job, route) : undefined;
  }
  if (top === 'run-name') return { where: '`run-name`', allowed: set(...WORKFLOW) };
  if (top === 'concurrency') return { where: "the workflow's `concurrency:`", allowed: set(...WORKFLOW) };
  if (top === 'env') return { where: "the workflow's `env:`", allowed: set(...WORKFLOW, 'secrets') };
  if (top === 'on' && second === 'workflow_call') {
    if (route[2] === 'outputs' && route[4] === 'value') return { where: 'a `workflow_call` output', allowed: set(...WORKFLOW, 'jobs'), workflowCallOutput: true };
    if (route[2] === 'inputs' && route[4] === 'default') return { where: 'a `workflow_call` input default', allowed: set(...WORKFLOW) };
  }
  return undefined;
}
