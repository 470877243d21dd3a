import { didYouMean, findKnownAction, type ExpressionReference, type Job, type Step, type Workflow } from '@slsa-kit/core';

/** A broken `needs.…`, `jobs.…` or `steps.…` reference: a message id of the `expression` rule and its data. */
export interface LinkProblem {
  readonly messageId:
    | 'needsUnknownJob'
    | 'needsNotDirect'
    | 'jobsUnknownJob'
    | 'jobOutputTypo'
    | 'jobUnknownProperty'
    | 'jobUndefinedOutput'
    | 'stepUnknown'
    | 'stepNotYet'
    | 'stepOutputTypo'
    | 'stepUnknownProperty';
  readonly data: Record<string, string>;
  /** For `output` typos: the offset in `ref.text` just after `.output`, where an `s` belongs. */
  readonly typoEnd?: number;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** `; did you mean `x`?` or nothing; with `orOnly`, a single candidate is suggested however far off. */
export function hint(word: string, candidates: Iterable<string>, orOnly = false): string {
  const list = [...candidates];
  const best = didYouMean(word, list) ?? (orOnly && list.length === 1 ? list[0] : undefined);
  return best === undefined ? '' : `; did you mean \`${best}\`?`;
}

/** A literal name of a path segment; `*` filters and numeric indexes are not names. */
const name = (segment: string | number | undefined): string | undefined => (typeof segment === 'string' && segment !== '*' ? segment : undefined);

function typoEnd(ref: ExpressionReference): number | undefined {
  const at = /\.output(?=[.[]|$)/i.exec(ref.text);
  return at ? at.index + '.output'.length : undefined;
}

/**
 * The outputs a job is known to define: its `outputs:` keys, or for a call of a known reusable
 * workflow (slsa-github-generator's builders) that workflow's outputs; undefined when unknown.
 */
function knownOutputs(job: Job): readonly string[] | undefined {
  if (job.kind === 'normal') return [...job.outputs.keys()];
  const known = findKnownAction(job.uses.value.split('@')[0]!);
  return known?.kind === 'workflow' ? [...known.outputs] : undefined;
}

/** Checks `needs.<job>…` (in a job) or `jobs.<job>…` (in a `workflow_call` output). */
export function checkJobLink(workflow: Workflow, ref: ExpressionReference, caller: Job | undefined): LinkProblem | undefined {
  const id = name(ref.path[0]);
  if (id === undefined) return undefined;
  const target = workflow.jobs.find((j) => same(j.id, id));
  if (caller) {
    const direct = caller.needs.map((n) => n.value);
    if (!direct.some((n) => same(n, id))) {
      if (target) return { messageId: 'needsNotDirect', data: { job: target.id, caller: caller.id } };
      return { messageId: 'needsUnknownJob', data: { job: id, caller: caller.id, hint: hint(id, direct.length > 0 ? direct : workflow.jobs.map((j) => j.id)) } };
    }
  } else if (!target) {
    return { messageId: 'jobsUnknownJob', data: { job: id, hint: hint(id, workflow.jobs.map((j) => j.id)) } };
  }
  const property = name(ref.path[1]);
  if (!target || property === undefined) return undefined;
  const text = ref.text;
  if (same(property, 'output')) {
    const end = typoEnd(ref);
    return { messageId: 'jobOutputTypo', data: { text }, ...(end !== undefined ? { typoEnd: end } : {}) };
  }
  if (!same(property, 'outputs') && !same(property, 'result')) return { messageId: 'jobUnknownProperty', data: { text, property, hint: hint(property, ['outputs', 'result']) } };
  const output = name(ref.path[2]);
  const outputs = knownOutputs(target);
  if (!same(property, 'outputs') || output === undefined || !outputs || outputs.some((o) => same(o, output))) return undefined;
  const defined = outputs.length === 0 ? 'defines no outputs' : `defines ${outputs.map((o) => `\`${o}\``).join(', ')}`;
  return { messageId: 'jobUndefinedOutput', data: { job: target.id, output, defined, hint: hint(output, outputs, true) } };
}

/** Checks `steps.<id>…` against the steps whose results are set where the expression is evaluated. */
export function checkStepLink(ref: ExpressionReference, job: Job, visible: readonly Step[]): LinkProblem | undefined {
  const id = name(ref.path[0]);
  if (id === undefined || job.kind !== 'normal') return undefined;
  // An id written as an expression could be anything; then no id is known to be missing.
  if (job.steps.some((s) => s.id && s.id.value.includes('${{'))) return undefined;
  const step = visible.find((s) => s.id && same(s.id.value, id));
  if (!step) {
    const later = job.steps.find((s) => s.id && same(s.id.value, id));
    if (later) return { messageId: 'stepNotYet', data: { step: later.id!.value, job: job.id } };
    const ids = visible.flatMap((s) => (s.id ? [s.id.value] : []));
    return { messageId: 'stepUnknown', data: { step: id, job: job.id, hint: hint(id, ids) } };
  }
  const property = name(ref.path[1]);
  if (property === undefined) return undefined;
  const text = ref.text;
  if (same(property, 'output')) {
    const end = typoEnd(ref);
    return { messageId: 'stepOutputTypo', data: { text }, ...(end !== undefined ? { typoEnd: end } : {}) };
  }
  if (['outputs', 'outcome', 'conclusion'].some((p) => same(p, property))) return undefined;
  return { messageId: 'stepUnknownProperty', data: { text, property, hint: hint(property, ['outputs', 'outcome', 'conclusion']) } };
}
