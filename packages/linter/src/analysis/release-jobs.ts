import { repositorySlug, type Job, type NormalJob, type Span, type Step, type Workflow } from '@slsa-kit/core';
import { cachedActionRef } from '../action-ref-cache.js';
import { generatorCall } from './slsa-generator-call.js';

/**
 * What `publish-order` and `artifact-flow` need to know about a release workflow's jobs: which
 * generate provenance and which publish. Recognition is by action and by command, never by job
 * name, so a renamed job is judged the same.
 */

/** `owner/repo[/path]` of a step's action, lower case, or undefined for `run:` and local/docker steps. */
export function actionName(step: Step): string | undefined {
  if (!step.uses) return undefined;
  const ref = cachedActionRef(step.uses.value, step.uses.span.start);
  if (ref.kind !== 'repository') return undefined;
  return ref.path ? `${repositorySlug(ref)}/${ref.path.toLowerCase()}` : repositorySlug(ref);
}

/** The slsa-github-generator workflow file a job calls (`generator_generic_slsa3.yml`), if it calls one. */
export function generatorWorkflow(job: Job): string | undefined {
  return job.kind === 'reusable' ? generatorCall(job)?.file.toLowerCase() : undefined;
}

const ATTEST_ACTIONS = new Set(['actions/attest', 'actions/attest-build-provenance']);

/** Whether a step writes a GitHub artifact attestation. */
export function isAttestStep(step: Step): boolean {
  const name = actionName(step);
  return name !== undefined && ATTEST_ACTIONS.has(name);
}

/** How a job generates provenance: by calling the generator, or at a step index (the first attest step). */
export type ProvenanceSource = { readonly kind: 'generator'; readonly file: string } | { readonly kind: 'attest'; readonly stepIndex: number };

/** How `job` generates provenance, if it does. */
export function provenanceSource(job: Job): ProvenanceSource | undefined {
  const file = generatorWorkflow(job);
  if (file !== undefined) return { kind: 'generator', file };
  if (job.kind !== 'normal') return undefined;
  const step = job.steps.find(isAttestStep);
  return step ? { kind: 'attest', stepIndex: step.index } : undefined;
}

/** The jobs of `workflow` that generate provenance, in document order. */
export function provenanceJobs(workflow: Workflow): Job[] {
  return workflow.jobs.filter((j) => provenanceSource(j) !== undefined);
}

/** A step that publishes, with what it publishes through and where that is written. */
export interface PublishSite {
  readonly step: Step;
  /** The action (`pypa/gh-action-pypi-publish`) or the command (`twine upload`). */
  readonly what: string;
  readonly span: Span;
}

const PUBLISH_ACTIONS = new Set(['pypa/gh-action-pypi-publish', 'softprops/action-gh-release']);

// A command starts a line or follows a shell separator; `python -m twine` and `npx`-less forms only.
const START = String.raw`(?:^|[;&|({\`]|\$\(|\bthen\b|\bdo\b|\belse\b)\s*(?:sudo\s+)?`;
const COMMANDS: readonly { readonly what: string; readonly re: RegExp }[] = [
  { what: 'twine upload', re: new RegExp(String.raw`${START}((?:python3?\s+-m\s+|uvx\s+|pipx\s+run\s+)?twine\s+upload)\b`, 'gm') },
  { what: 'uv publish', re: new RegExp(String.raw`${START}(uv\s+publish)\b`, 'gm') },
  { what: 'npm publish', re: new RegExp(String.raw`${START}(npm\s+publish)\b`, 'gm') },
  { what: 'pnpm publish', re: new RegExp(String.raw`${START}(pnpm\s+(?:(?:-r|--recursive|--filter[= ]\S+)\s+)*publish)\b`, 'gm') },
  { what: 'yarn npm publish', re: new RegExp(String.raw`${START}(yarn\s+(?:workspaces\s+foreach\s+(?:-\S+\s+)*)?npm\s+publish)\b`, 'gm') },
  { what: 'gh release upload', re: new RegExp(String.raw`${START}(gh\s+release\s+upload)\b`, 'gm') },
  { what: 'gh release create', re: new RegExp(String.raw`${START}(gh\s+release\s+create)\b`, 'gm') },
];

/** Shell comments would otherwise hide commands behind `#`; blank them, keeping offsets. */
function blankComments(script: string): string {
  return script.replace(/(^|\s)#[^\n]*/g, (m, lead: string) => lead + ' '.repeat(m.length - lead.length));
}

// `gh release create TAG` without files publishes notes, not artifacts. These flags take no value;
// every other flag takes one (`--notes x`, `-t x`) unless written `--flag=x`.
const GH_CREATE_BOOLEAN = new Set(['--draft', '-d', '--prerelease', '-p', '--generate-notes', '--latest', '--verify-tag', '--fail-on-no-commits', '--notes-from-tag']);

/** Whether `gh release create …` (the text after `create`) names files to upload besides the tag. */
export function ghCreateUploadsFiles(rest: string): boolean {
  const line = rest.replace(/\\\n/g, ' ').split(/\n|&&|\|\||;|\|/)[0] ?? '';
  const words = line.trim().split(/\s+/).filter(Boolean);
  let positional = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      positional += words.length - i - 1;
      break;
    }
    if (w.startsWith('-')) {
      if (!w.includes('=') && !GH_CREATE_BOOLEAN.has(w)) i++;
      continue;
    }
    // `"${flags[@]}"` expands to flags that were built up earlier in the script.
    if (!/\[[@*]\]/.test(w)) positional++;
  }
  return positional > 1;
}

/** The publishing commands of a `run:` script, as offsets into the script. */
export function publishCommands(script: string): { what: string; start: number; end: number }[] {
  const text = blankComments(script);
  const found: { what: string; start: number; end: number }[] = [];
  for (const { what, re } of COMMANDS) {
    for (const m of text.matchAll(re)) {
      const cmd = m[1]!;
      const start = m.index + m[0].length - cmd.length;
      if (what === 'gh release create' && !ghCreateUploadsFiles(text.slice(start + cmd.length))) continue;
      if (/^\s+(?:[^\n;&|]*\s)?--dry-run\b/.test(text.slice(start + cmd.length).split('\n')[0] ?? '')) continue;
      found.push({ what, start, end: start + cmd.length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The steps of `job` that publish, in order, each pointing at the action or the command. */
export function publishSites(job: NormalJob, text: string): PublishSite[] {
  const sites: PublishSite[] = [];
  for (const step of job.steps) {
    const name = actionName(step);
    if (name && PUBLISH_ACTIONS.has(name) && step.uses) {
      sites.push({ step, what: name, span: step.uses.span });
      continue;
    }
    if (!step.run) continue;
    const cmd = publishCommands(step.run.value)[0];
    if (cmd) sites.push({ step, what: cmd.what, span: locateIn(text, step.run.span, step.run.value.slice(cmd.start, cmd.end)) });
  }
  return sites;
}

/** The span of `needle` inside `within` when the file spells it verbatim there, else `within`. */
function locateIn(text: string, within: Span, needle: string): Span {
  const at = text.slice(within.start, within.end).indexOf(needle);
  return at < 0 ? within : { start: within.start + at, end: within.start + at + needle.length };
}
