import type { Job, Located, NormalJob, ScalarValue, Span, Step } from '@slsa-kit/core';
import { globsIntersect, nameGlob, neededOutputJobs, patternGlobs } from '../analysis/artifact-names.js';
import { jobGraph, type JobGraph } from '../analysis/job-graph.js';
import { actionName, generatorWorkflow } from '../analysis/release-jobs.js';
import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

const ID = 'artifact-flow';

/** An artifact some job may upload. `glob` undefined means "anything" (an action we cannot see into). */
interface Upload {
  readonly job: Job;
  /** Index of the uploading step; jobs that call a reusable workflow upload "after" every step. */
  readonly stepIndex: number;
  readonly glob: string | undefined;
  readonly name: string;
  readonly span: Span;
}

/** What a download selects and where that is written. */
type Selector = { readonly kind: 'name' | 'pattern'; readonly value: string; readonly at: Span } | { readonly kind: 'all'; readonly at: Span };

const text = (v: Located<ScalarValue> | undefined): string | undefined => (v === undefined || v.value === null ? undefined : String(v.value));

/**
 * `artifact-flow`: `actions/download-artifact` only finds artifacts that already exist, i.e. were
 * uploaded by a job it needs (directly or transitively) or earlier in its own job.
 */
export const artifactFlow = defineRule({
  meta: {
    id: ID,
    description: 'Every `actions/download-artifact` must download an artifact uploaded by a job it needs, or earlier in its job.',
    defaultSeverity: 'error',
    fixable: false,
    requiresNetwork: false,
    docsUrl: docsUrl(ID),
    messages: {
      missing:
        'no job that `{{job}}` needs uploads an artifact {{selector}}{{available}}, so this download fails with "Artifact not found"; upload it in a job listed in `needs` or correct the name',
      noneAvailable:
        'this step downloads every artifact of the run, but no job that `{{job}}` needs uploads one (and no earlier step of it does); add the uploading job to `needs`',
      notNeeded:
        'the artifact `{{name}}` is uploaded by job `{{uploader}}`, which job `{{job}}` does not need, so it may not exist yet when this step runs; add `{{uploader}}` to `needs`',
      runsAfter:
        'the artifact `{{name}}` is uploaded by job `{{uploader}}`, which needs job `{{job}}` and so runs after it; download it in a job that needs `{{uploader}}`',
      laterStep: 'the artifact `{{name}}` is uploaded by a later step of job `{{job}}`; move this download after that step',
    },
  },
  create(ctx) {
    return {
      workflow(workflow) {
        const graph = jobGraph(workflow);
        // A called workflow shares its caller's run, so artifacts the caller uploaded are there too.
        const called = workflow.triggers.some((t) => t.event === 'workflow_call');
        const uploads = workflow.jobs.flatMap(uploadsOf);
        for (const job of workflow.jobs) {
          if (job.kind !== 'normal') continue;
          for (const step of job.steps) {
            const selector = actionName(step) === 'actions/download-artifact' ? selectorOf(step) : undefined;
            if (selector) check(job, step, selector, uploads, graph, called);
          }
        }
      },
    };

    function check(job: NormalJob, step: Step, selector: Selector, uploads: readonly Upload[], graph: JobGraph, called: boolean) {
      const before = (u: Upload) => (u.job.id === job.id ? u.stepIndex < step.index : graph.dependsOn(job.id, u.job.id));
      const available = uploads.filter(before);
      if (selector.kind !== 'all' && neededOutputJobs(selector.value).length > 0) return; // the `expression` rule checks those needs
      const globs = selector.kind === 'name' ? [nameGlob(selector.value)] : selector.kind === 'pattern' ? patternGlobs(selector.value) : ['*'];
      const matches = (u: Upload) => u.glob === undefined || globs.some((g) => globsIntersect(g, u.glob!));
      if (available.some(matches)) return;
      const elsewhere = uploads.find((u) => !before(u) && matches(u));
      if (elsewhere) {
        const related = [{ at: { span: elsewhere.span }, message: `uploaded here, in job \`${elsewhere.job.id}\`` }];
        const data = { job: job.id, uploader: elsewhere.job.id, name: elsewhere.name };
        const messageId = elsewhere.job.id === job.id ? 'laterStep' : graph.dependsOn(elsewhere.job.id, job.id) ? 'runsAfter' : 'notNeeded';
        ctx.report({ messageId, data, at: selector.at, related });
        return;
      }
      if (called) return;
      if (selector.kind === 'all') {
        ctx.report({ messageId: 'noneAvailable', data: { job: job.id }, at: selector.at });
        return;
      }
      const names = [...new Set(available.map((u) => `\`${u.name}\``))];
      ctx.report({
        messageId: 'missing',
        data: {
          job: job.id,
          selector: selector.kind === 'name' ? `named \`${selector.value}\`` : `matching \`${selector.value}\``,
          available: names.length > 0 ? ` (it can download ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''})` : '',
        },
        at: selector.at,
      });
    }
  },
});

/**
 * What a download selects, or undefined when the rule cannot judge it: downloads from another run
 * or repository (`run-id`, `github-token`, `repository`), by `artifact-ids`, or `allow-not-found`.
 */
function selectorOf(step: Step): Selector | undefined {
  const w = step.with;
  if (['run-id', 'github-token', 'repository', 'artifact-ids'].some((k) => text(w.get(k)))) return undefined;
  if (text(w.get('allow-not-found')) === 'true') return undefined;
  const name = w.get('name');
  if (name && text(name)) return { kind: 'name', value: text(name)!, at: name.span };
  const pattern = w.get('pattern');
  if (pattern && text(pattern)) return { kind: 'pattern', value: text(pattern)!, at: pattern.span };
  return { kind: 'all', at: step.uses!.span };
}

/** The artifacts a job uploads, as far as they can be known from this file. */
function uploadsOf(job: Job): Upload[] {
  if (job.kind === 'reusable') {
    const file = generatorWorkflow(job);
    const at = job.uses.span;
    if (file === 'generator_generic_slsa3.yml') {
      // Its provenance artifact: `provenance-name` (v1: `attestation-name`), or a default ending in `.intoto.jsonl`.
      const named = text(job.with.get('provenance-name')) ?? text(job.with.get('attestation-name'));
      return [{ job, stepIndex: Infinity, glob: nameGlob(named ?? '*.intoto.jsonl'), name: named ?? '<subject>.intoto.jsonl', span: at }];
    }
    // Other builders and any other reusable workflow upload artifacts this file does not name.
    return [{ job, stepIndex: Infinity, glob: undefined, name: '*', span: at }];
  }
  const out: Upload[] = [];
  for (const step of job.steps) {
    const upload = stepUpload(step);
    if (upload) out.push({ job, stepIndex: step.index, ...upload, span: step.uses!.span });
  }
  return out;
}

function stepUpload(step: Step): { glob: string | undefined; name: string } | undefined {
  if (!step.uses) return undefined;
  // A local or Docker action is opaque: it may upload anything.
  if (/^\.{1,2}\/|^docker:\/\//.test(step.uses.value.trim())) return { glob: undefined, name: '*' };
  const named = (fallback: string, suffix = '') => {
    const name = (text(step.with.get('name')) || fallback) + suffix;
    return { glob: nameGlob(name), name };
  };
  switch (actionName(step)) {
    case 'actions/upload-artifact':
      // Without `name:` (v4+, and before) the artifact is called `artifact`.
      return named('artifact');
    case 'actions/upload-pages-artifact':
      return named('github-pages');
    case 'hynek/build-and-inspect-python-package': {
      // Uploads `Packages` and `Package Metadata`, each followed by `upload-name-suffix`.
      const suffix = text(step.with.get('upload-name-suffix')) ?? '';
      return { glob: nameGlob(`Packag*${suffix}`), name: `Packages${suffix}` };
    }
    default:
      return undefined;
  }
}
