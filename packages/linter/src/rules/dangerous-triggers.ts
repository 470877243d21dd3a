import { repositorySlug, type LocatedExpression, type Step, type Trigger } from '@slsa-kit/core';
import { cachedActionRef } from '../action-ref-cache.js';
import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

const ID = 'dangerous-triggers';

/** Triggers that run in the base repository with its secrets and a write token, whoever caused them. */
const DANGEROUS = new Set(['pull_request_target', 'workflow_run']);

/**
 * Context paths that name the code of the pull request or of the run that triggered the workflow:
 * checking them out runs a stranger's code with the base repository's privileges. The value is
 * the trigger whose event carries them.
 */
const HEAD_REFERENCES: ReadonlyMap<string, string> = new Map([
  ['github.head_ref', 'pull_request_target'],
  ['github.event.pull_request.head.sha', 'pull_request_target'],
  ['github.event.pull_request.head.ref', 'pull_request_target'],
  ['github.event.pull_request.head.label', 'pull_request_target'],
  ['github.event.pull_request.merge_commit_sha', 'pull_request_target'],
  ['github.event.workflow_run.head_sha', 'workflow_run'],
  ['github.event.workflow_run.head_branch', 'workflow_run'],
  ['github.event.workflow_run.head_commit.id', 'workflow_run'],
]);

/**
 * Actions that only read the event and never run repository code, so a workflow made of them
 * alone is the intended use of these triggers (zizmor makes the same exception for the labeler).
 */
const SAFE_ACTIONS = new Set(['actions/labeler', 'actions/first-interaction', 'actions/add-to-project']);

const slugOf = (uses: string): string | undefined => {
  const ref = cachedActionRef(uses);
  return ref.kind === 'repository' ? repositorySlug(ref).toLowerCase() : undefined;
};

const routeKey = (route: readonly (string | number)[]): string => JSON.stringify(route);

/**
 * `dangerous-triggers`: `pull_request_target` and `workflow_run` give the workflow the base
 * repository's secrets and a write token even when a fork caused the run; checking out the fork's
 * code there hands both to it ("pwn request").
 */
export const dangerousTriggers = defineRule({
  meta: {
    id: ID,
    description: '`pull_request_target` and `workflow_run` run with secrets and a write token; never check out the pull request head there.',
    defaultSeverity: 'warning',
    fixable: false,
    requiresNetwork: false,
    docsUrl: docsUrl(ID),
    messages: {
      headCheckout:
        'this checks out the code of {{what}} in a `{{trigger}}` workflow, which runs with the base repository\'s secrets and a write token: any build, install or test step then runs that code with them. Use `on: pull_request` for work on the untrusted code, and pass results to a privileged workflow as artifacts',
      trigger:
        '`{{trigger}}` runs with the base repository\'s secrets and a write token even when a fork triggered it; it is almost always used insecurely. Prefer `pull_request` (or `push`) unless the workflow only labels or comments, and never check out or run the triggering code in it',
    },
  },
  create(ctx) {
    const refsByRoute = new Map<string, LocatedExpression[]>();
    return {
      expression(e) {
        const key = routeKey(e.route);
        refsByRoute.set(key, [...(refsByRoute.get(key) ?? []), e]);
      },
      workflowExit(workflow) {
        const triggers = new Map<string, Trigger>();
        for (const t of workflow.triggers) if (DANGEROUS.has(t.event) && !triggers.has(t.event)) triggers.set(t.event, t);
        if (triggers.size === 0 || workflow.jobs.length === 0) return;
        const reported = new Set<string>();
        for (const job of workflow.jobs) {
          if (job.kind !== 'normal') continue;
          for (const step of job.steps) {
            for (const hit of headCheckouts(step, refsByRoute)) {
              const trigger = triggers.get(hit.trigger) ?? [...triggers.values()][0]!;
              reported.add(trigger.event);
              ctx.report({
                messageId: 'headCheckout',
                data: { what: hit.what, trigger: trigger.event },
                at: hit.at,
                severity: 'error',
                related: [{ at: trigger.span, message: 'the trigger that grants secrets and a write token' }],
              });
            }
          }
        }
        const harmless = workflow.jobs.every(
          (j) => j.kind === 'normal' && j.steps.every((s) => !s.run && s.uses !== undefined && SAFE_ACTIONS.has(slugOf(s.uses.value) ?? '')),
        );
        if (harmless) return;
        for (const t of triggers.values()) if (!reported.has(t.event)) ctx.report({ messageId: 'trigger', data: { trigger: t.event }, at: t.span });
      },
    };
  },
});

interface HeadCheckout {
  readonly at: { readonly span: { readonly start: number; readonly end: number } };
  readonly what: string;
  readonly trigger: string;
}

/** The places where a step checks out the triggering code: `actions/checkout` with a head ref, or `gh pr checkout`. */
function headCheckouts(step: Step, refsByRoute: ReadonlyMap<string, LocatedExpression[]>): HeadCheckout[] {
  const out: HeadCheckout[] = [];
  if (step.uses && slugOf(step.uses.value) === 'actions/checkout') {
    const ref = step.with.get('ref');
    for (const e of ref ? (refsByRoute.get(routeKey(ref.route)) ?? []) : []) {
      for (const r of e.references) {
        const key = [r.context, ...r.path.map(String)].join('.').toLowerCase();
        const trigger = HEAD_REFERENCES.get(key);
        if (trigger) out.push({ at: r, what: `\`${r.text}\``, trigger });
      }
    }
    // `refs/pull/<number>/head` or `/merge` names the pull request's code by number.
    if (out.length === 0 && ref && typeof ref.value === 'string' && /refs\/pull\//i.test(ref.value)) {
      out.push({ at: ref, what: 'the pull request (`refs/pull/…`)', trigger: 'pull_request_target' });
    }
  }
  if (step.run && /\bgh\s+pr\s+checkout\b/.test(step.run.value)) {
    out.push({ at: step.run, what: 'the pull request (`gh pr checkout`)', trigger: 'pull_request_target' });
  }
  return out;
}
