import type { Fix, Job, Step, Workflow } from '@slsa-kit/core';
import { cacheUse, type CacheUse } from '../analysis/cache-aware-actions.js';
import { jobGraph } from '../analysis/job-graph.js';
import { actionName, provenanceSource, publishSites } from '../analysis/release-jobs.js';
import { stepActionVersion } from '../analysis/step-action-version.js';
import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

const ID = 'cache-poisoning';

/**
 * `cache-poisoning`: a job that builds or publishes a release must not restore a GitHub Actions
 * cache. Tag and release runs restore caches saved by default-branch runs, so whatever can write
 * such a cache (a compromised test dependency, a `pull_request_target` job) can plant code in the
 * release build.
 */
export const cachePoisoning = defineRule({
  meta: {
    id: ID,
    description: 'Jobs that build or publish a release must not restore GitHub Actions caches.',
    defaultSeverity: 'warning',
    fixable: true,
    requiresNetwork: false,
    docsUrl: docsUrl(ID),
    messages: {
      cached:
        '{{action}} restores a GitHub Actions cache in job `{{job}}`, which {{role}}; a release build restores caches that default-branch runs saved, so anything able to write one can plant code in the release; {{advice}} in release jobs',
    },
  },
  create(ctx) {
    return {
      workflow(workflow) {
        const text = ctx.source.text;
        for (const [job, role] of releaseJobs(workflow, text)) {
          if (job.kind !== 'normal') continue;
          for (const step of job.steps) {
            const use = cacheUse(step, stepActionVersion(step, text, ctx.services));
            if (!use || (use.input && offForTags(use.input.value.value) && role.fromTrigger)) continue;
            const fix = use.removable && use.input ? removeInput(step, use, text) : undefined;
            ctx.report({
              messageId: 'cached',
              data: { action: use.action, job: job.id, role: role.text, advice: use.advice },
              at: use.input?.value.span ?? step.uses!.span,
              ...(fix ? { fix } : {}),
            });
          }
        }
      },
    };
  },
});

// `${{ !startsWith(github.ref, 'refs/tags/') }}` and the like: caching only where the ref is not a tag.
const NOT_TAG = [
  /!\s*startsWith\(\s*github\.ref\s*,\s*'refs\/tags\/?'\s*\)/,
  /github\.ref_type\s*!=\s*'tag'/,
  /!\s*\([^)]*github\.ref_type\s*==\s*'tag'\s*\)/,
];

/**
 * Whether a run-time value turns caching off on tag refs. Release and tag-push runs have a tag
 * ref, so in a job that is a release job because of those triggers it restores no cache.
 */
function offForTags(value: unknown): boolean {
  return typeof value === 'string' && /^\s*\$\{\{[^]*\}\}\s*$/.test(value) && NOT_TAG.some((re) => re.test(value));
}

/** Why a job counts as a release job, and whether only the release triggers make it one. */
interface Role {
  readonly text: string;
  readonly fromTrigger: boolean;
}

/** Whether the workflow runs for releases: a `release` event or a push of tags. */
function releaseTriggered(workflow: Workflow): boolean {
  return workflow.triggers.some((t) => {
    if (t.event === 'release') return true;
    if (t.event !== 'push' || !t.config || !('get' in t.config)) return false;
    const map = t.config as unknown as { get(key: string): unknown };
    return map.get('tags') !== undefined || map.get('tags-ignore') !== undefined;
  });
}

const OTHER_PUBLISH = /(?:^|[\s;&|(])(?:cargo(?:\s+\+\S+)?\s+publish|gem\s+push|(?:dotnet\s+)?nuget\s+push|docker\s+push|goreleaser\s+release)\b/m;

/** What a job does for a release, if it publishes or provenance-signs something. */
function publishes(job: Job, text: string): boolean {
  if (provenanceSource(job) !== undefined) return true;
  if (job.kind !== 'normal') return false;
  if (publishSites(job, text).length > 0) return true;
  return job.steps.some((s) => (s.run && OTHER_PUBLISH.test(s.run.value)) || actionName(s) === 'goreleaser/goreleaser-action');
}

const uploads = (job: Job): boolean => job.kind === 'normal' && job.steps.some((s) => actionName(s) === 'actions/upload-artifact');

/**
 * The jobs whose output reaches a release, each with why: jobs that publish, the jobs they need
 * that hand them artifacts or outputs, and in a release-triggered workflow every job that uploads
 * artifacts — or every job, when nothing in it shows where the release is made.
 */
export function releaseJobs(workflow: Workflow, text: string): Map<Job, Role> {
  const roles = new Map<Job, Role>();
  const graph = jobGraph(workflow);
  const feeds = (j: Job) => uploads(j) || j.outputs.size > 0;
  for (const job of workflow.jobs) {
    if (!publishes(job, text)) continue;
    roles.set(job, { text: 'publishes a release', fromTrigger: false });
    for (const id of graph.ancestors(job.id)) {
      const up = graph.job(id);
      if (up && feeds(up) && !roles.has(up)) roles.set(up, { text: `builds what job \`${job.id}\` publishes`, fromTrigger: false });
    }
  }
  if (!releaseTriggered(workflow)) return roles;
  const uploaders = workflow.jobs.filter(uploads);
  if (roles.size === 0 && uploaders.length === 0) {
    for (const job of workflow.jobs) roles.set(job, { text: 'runs for a release', fromTrigger: true });
  }
  for (const job of uploaders) if (!roles.has(job)) roles.set(job, { text: 'uploads artifacts in a release run', fromTrigger: true });
  return roles;
}

/** Deletes the opt-in input's line; only for a block `with:` that keeps other inputs. */
function removeInput(step: Step, use: CacheUse, text: string): Fix | undefined {
  const key = use.input!.value.keySpan;
  if (!key || step.with.size < 2) return undefined;
  const start = text.lastIndexOf('\n', key.start - 1) + 1;
  if (!/^ *$/.test(text.slice(start, key.start))) return undefined;
  const eol = text.indexOf('\n', use.input!.value.span.end);
  const end = eol < 0 ? text.length : eol + 1;
  // Only the key, its value and an optional comment may be on the line.
  if (text.slice(use.input!.value.span.end, end).replace(/\s*(#.*)?\n?$/, '') !== '') return undefined;
  return { description: `remove \`${use.input!.name}:\` to stop caching`, edits: [{ span: { start, end }, text: '' }] };
}
