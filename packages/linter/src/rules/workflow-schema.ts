import { hint } from '../analysis/expression-links.js';
import { needsProblems, type NeedsEdge } from '../analysis/needs-problems.js';
import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

const ID = 'workflow-schema';

const code = (s: string): string => `\`${s}\``;

/** Past this many jobs, the hint for an unknown need stops listing them. */
const LISTED_JOBS = 6;

/** `; did you mean …?`, else the jobs to choose from when they are few. */
function unknownNeedHint(need: string, others: readonly string[]): string {
  const close = hint(need, others);
  if (close) return close;
  if (others.length === 0) return '; remove the entry (no other job exists)';
  if (others.length > LISTED_JOBS) return '; name a job of this workflow or remove the entry';
  return `; name one of its jobs (${others.map(code).join(', ')}) or remove the entry`;
}

/**
 * `workflow-schema`: keys and values GitHub's workflow syntax does not allow, and `needs:` entries
 * GitHub rejects when it parses the workflow (unknown jobs, cycles), which no JSON schema can
 * express. The schema validator lives in `@slsa-kit/core` (SchemaStore's schema, precompiled) and
 * is reached through the services, so this rule only relays its diagnostics; without a validator
 * it reports only the `needs:` problems.
 */
export const workflowSchema = defineRule({
  meta: {
    id: ID,
    description: 'The workflow must follow GitHub Actions workflow syntax (keys, types and allowed values).',
    defaultSeverity: 'error',
    fixable: false,
    requiresNetwork: false,
    docsUrl: docsUrl(ID),
    messages: {
      schema: '{{message}}',
      needsUnknown: 'job `{{job}}` needs `{{need}}`, which is not a job of this workflow, so GitHub rejects the workflow{{hint}}',
      needsCycle:
        'job `{{job}}` needs `{{need}}`, and the needs lead back to `{{job}}`: the cycle {{cycle}} (each job needs the next) means none of them can start, so GitHub rejects the workflow; remove one of these needs',
      needsSelf: 'job `{{job}}` needs itself ({{cycle}}), so it can never start and GitHub rejects the workflow; remove `{{need}}` from its `needs:`',
    },
  },
  create(ctx) {
    return {
      workflow(workflow) {
        const validate = ctx.services.validateWorkflowSchema;
        for (const d of validate?.(workflow.document, workflow.source) ?? []) {
          ctx.report({ messageId: 'schema', data: { message: d.message }, at: d.span, severity: d.severity });
        }
        for (const p of needsProblems(workflow)) {
          if (p.kind === 'unknown') {
            const others = workflow.jobs.map((j) => j.id).filter((id) => id !== p.job.id);
            const data = { job: p.job.id, need: p.entry.value, hint: unknownNeedHint(p.entry.value, others) };
            ctx.report({ messageId: 'needsUnknown', data, at: p.entry });
            continue;
          }
          // Reported at the first need of the cycle in document order, where a reader meets it first
          // (and where actionlint, which points at that job's key, looks); the others are related.
          const [first, ...rest] = p.edges as [NeedsEdge, ...NeedsEdge[]];
          const cycle = code([...p.edges.map((e) => e.job.id), first.job.id].join(' → '));
          ctx.report({
            messageId: p.edges.length === 1 ? 'needsSelf' : 'needsCycle',
            data: { job: first.job.id, need: first.entry.value, cycle },
            at: first.entry,
            related: rest.map((e) => ({ at: e.entry, message: `\`${e.job.id}\` needs \`${e.entry.value}\` here` })),
          });
        }
      },
    };
  },
});
