import { findConditionExpressions, nodeAt, type LocatedExpression, type Workflow } from '@slsa-kit/core';
import type { RuleVisitors } from './rule.js';
import { usesSiteOf, type UsesSite } from './uses-site.js';

type Scalar = Parameters<typeof findConditionExpressions>[0];

type UsesValue = Parameters<typeof usesSiteOf>[1];
type UsesOwner = Parameters<typeof usesSiteOf>[2];

/**
 * Parses each `uses:` of a file once for all rules, keyed by where it is: a value reached again
 * through a YAML alias is the same place. Every rule visits in the same order, so the first owner
 * seen is the one each rule would have seen.
 */
export function usesSiteMemo(text: string): (value: UsesValue, owner: UsesOwner) => UsesSite {
  const memo = new Map<number, UsesSite>();
  return (value, owner) => {
    let site = memo.get(value.span.start);
    if (!site) memo.set(value.span.start, (site = usesSiteOf(text, value, owner)));
    return site;
  };
}

/**
 * Calls one rule's visitors over a workflow in document order: `workflow`, then per job `job`,
 * `reusableJob` and its `uses`, or each step's `step` and `uses`; then every expression; then
 * `workflowExit`. `expressions` and the parsed `uses:` sites are computed once per file by the
 * engine and shared by all rules.
 */
export function visitWorkflow(
  workflow: Workflow,
  v: RuleVisitors,
  expressions: readonly LocatedExpression[],
  usesSite: (value: UsesValue, owner: UsesOwner) => UsesSite,
): void {
  // A `uses:` reached twice through a YAML alias is one place in the file: visit it once, so a
  // rule reports it once. Rules that need every job it appears in use `step` / `reusableJob`.
  const usesSeen = new Set<number>();
  const visitUses = (value: { span: { start: number } }, make: () => Parameters<NonNullable<RuleVisitors['uses']>>[0]): void => {
    if (!v.uses || usesSeen.has(value.span.start)) return;
    usesSeen.add(value.span.start);
    v.uses(make());
  };
  v.workflow?.(workflow);
  for (const job of workflow.jobs) {
    v.job?.(job);
    if (job.kind === 'reusable') {
      v.reusableJob?.(job);
      visitUses(job.uses, () => usesSite(job.uses, { kind: 'job', job }));
      continue;
    }
    for (const step of job.steps) {
      v.step?.(step, job);
      const uses = step.uses;
      if (uses) visitUses(uses, () => usesSite(uses, { kind: 'step', job, step }));
    }
  }
  if (v.expression) for (const e of expressions) v.expression(e);
  v.workflowExit?.(workflow);
}

/**
 * Every `${{ … }}` of a document plus the bare conditions of job and step `if:` values, which
 * GitHub evaluates as expressions without `${{ }}`, in document order.
 */
export function workflowExpressions(workflow: Workflow, templated: readonly LocatedExpression[]): LocatedExpression[] {
  const bare: LocatedExpression[] = [];
  const ifs = workflow.jobs.flatMap((j) => [j.if, ...(j.kind === 'normal' ? j.steps.map((s) => s.if) : [])]);
  for (const cond of ifs) {
    if (!cond || typeof cond.value !== 'string' || cond.value.includes('${{')) continue;
    const node = nodeAt(workflow.document, cond.route);
    // A scalar is the one node kind with a `value` and no `items`; `yaml` is core's dependency, not ours.
    if (!node || !('value' in node) || 'items' in node) continue;
    const scalar = node as Scalar;
    for (const e of findConditionExpressions(scalar, workflow.source.text).expressions) bare.push({ ...e, scalar, route: cond.route, isKey: false });
  }
  return [...templated, ...bare].sort((a, b) => a.span.start - b.span.start);
}
