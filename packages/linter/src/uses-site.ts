import {
  readVersionComment,
  valueOffset,
  type ActionRef,
  type Located,
  type NormalJob,
  type ReusableJob,
  type Step,
  type VersionComment,
  type Workflow,
} from '@slsa-kit/core';
import { cachedActionRef } from './action-ref-cache.js';

/** Where a `uses:` value appears: a step of a normal job, or a job calling a reusable workflow. */
export type UsesOwner =
  | { readonly kind: 'step'; readonly job: NormalJob; readonly step: Step }
  | { readonly kind: 'job'; readonly job: ReusableJob };

/** One `uses:` value with everything a rule needs to judge and fix it. */
export interface UsesSite {
  /** The scalar as the model holds it (value, route, span including quotes). */
  readonly value: Located<string>;
  /** The parsed reference. Its sub-spans are exact only when {@link exact} is true. */
  readonly ref: ActionRef;
  /**
   * The value is spelled verbatim in the file (no escapes, no folding), so the ref's sub-spans
   * point at the right characters and a fix may edit them. When false, report at `value.span`.
   */
  readonly exact: boolean;
  /** The `# vX.Y.Z` comment after the value, when there is one. */
  readonly versionComment?: VersionComment;
  readonly owner: UsesOwner;
}

/** Parses one `uses:` value of a file whose text is `text`. */
export function usesSiteOf(text: string, value: Located<string>, owner: UsesOwner): UsesSite {
  // GitHub trims the value (`uses: |` block scalars end in a newline), so rules judge the trimmed
  // reference; its sub-spans are then not exact and findings point at the whole value.
  const trimmed = value.value.trim();
  const offset = trimmed === value.value ? valueOffset(text, value.span, value.value) : undefined;
  const comment = readVersionComment(text, value.span.end);
  return {
    value,
    ref: cachedActionRef(trimmed, offset ?? value.span.start),
    exact: offset !== undefined,
    ...(comment ? { versionComment: comment } : {}),
    owner,
  };
}

/** Every `uses:` of a workflow in document order (the order the engine visits them). */
export function collectUsesSites(workflow: Workflow): UsesSite[] {
  const text = workflow.source.text;
  const sites: UsesSite[] = [];
  for (const job of workflow.jobs) {
    if (job.kind === 'reusable') sites.push(usesSiteOf(text, job.uses, { kind: 'job', job }));
    else for (const step of job.steps) if (step.uses) sites.push(usesSiteOf(text, step.uses, { kind: 'step', job, step }));
  }
  return sites;
}
