import { SlsaKitError } from '@slsa-kit/core/errors';
import { embeddedPinDatabase } from '@slsa-kit/core/pins/embedded';
import type { PipelinePlan } from './plan/types.js';

/** How one action is referenced: a commit SHA with its tag as a comment, or (the generator) the tag. */
export interface ActionPin {
  readonly sha: string;
  readonly tag: string;
  /** Reference by `@tag` instead of the SHA (the slsa-github-generator). */
  readonly byTag: boolean;
}

/** `owner/repo` → its pin. */
export type PinMap = ReadonlyMap<string, ActionPin>;

/** Every action (and reusable workflow repository) a plan uses, sorted, each once. */
export function requiredActions(plan: PipelinePlan): string[] {
  const names = new Set<string>();
  for (const job of plan.jobs) {
    if (job.uses) names.add(job.uses.action);
    for (const step of job.steps ?? []) if (step.uses) names.add(step.uses.action);
  }
  return [...names].sort();
}

/** Pins from the embedded database: each action's newest recorded release. Throws for an action it lacks. */
export function embeddedPins(actions: readonly string[]): PinMap {
  const pins = new Map<string, ActionPin>();
  for (const action of actions) {
    const entry = embeddedPinDatabase.actions[action.toLowerCase()];
    const newest = entry?.releases[0];
    if (!entry || !newest) throw new SlsaKitError('pin-missing', `the embedded pin database has no release of ${action}; run with --online to resolve it on GitHub`);
    pins.set(action, { sha: newest.sha, tag: newest.tag, byTag: entry.referenceByTag });
  }
  return pins;
}
