import type { Fix, Span, Step } from '@slsa-kit/core';
import { booleanInput, stepActionVersion } from '../analysis/step-action-version.js';
import { defineRule } from '../rule.js';
import type { LintServices } from '../services.js';
import { docsUrl } from './docs-url.js';

const ID = 'artipacked';

/**
 * `artipacked`: actions/checkout writes the job's GITHUB_TOKEN into `.git/config` unless told
 * `persist-credentials: false`; an artifact uploaded from the workspace root then carries `.git`,
 * token included, to everyone who can download it. Reported only when the same job uploads such a
 * path with an upload-artifact that includes hidden files — a checkout alone is no leak.
 */
export const artipacked = defineRule({
  meta: {
    id: ID,
    description: 'A checkout that persists its token must not be followed by an artifact upload that includes `.git`.',
    defaultSeverity: 'error',
    fixable: true,
    requiresNetwork: false,
    docsUrl: docsUrl(ID),
    messages: {
      leak: 'actions/checkout stores the job\'s GITHUB_TOKEN in .git/config, and the artifact uploaded from {{path}} at line {{line}} includes .git{{why}}, so anyone who can download the artifact gets a token for this repository; set `persist-credentials: false` on this checkout',
    },
  },
  create(ctx) {
    return {
      job(job) {
        if (job.kind !== 'normal') return;
        const text = ctx.source.text;
        job.steps.forEach((checkout, i) => {
          if (!persistsIntoGit(checkout, text, ctx.services)) return;
          const later = job.steps.slice(i + 1);
          const upload = later.map((s) => leakingUpload(s, checkout, text, ctx.services)).find((u) => u !== undefined);
          if (!upload) return;
          const line = text.slice(0, upload.span.start).split('\n').length;
          const fix = canDropCredentials(checkout, later) ? addPersistFalse(checkout, text) : undefined;
          ctx.report({
            messageId: 'leak',
            data: { path: upload.path, line: String(line), why: upload.why },
            at: checkout.uses!.span,
            related: [{ at: upload.span, message: 'uploads a path that includes .git' }],
            ...(fix ? { fix } : {}),
          });
        });
      },
    };
  },
});

/** A checkout that leaves the token in `.git/config`: not `persist-credentials: false`, and before v6. */
function persistsIntoGit(step: Step, text: string, services: LintServices): boolean {
  const action = stepActionVersion(step, text, services);
  if (action?.name !== 'actions/checkout') return false;
  if (booleanInput(step.with.get('persist-credentials')?.value) === false) return false;
  // v6 keeps persisted credentials in a file under $RUNNER_TEMP, outside the workspace.
  return action.version === undefined || action.version.major < 6;
}

interface LeakingUpload {
  readonly path: string;
  readonly span: Span;
  readonly why: string;
}

/** An upload-artifact step whose paths include the checkout's `.git` and that keeps hidden files. */
function leakingUpload(step: Step, checkout: Step, text: string, services: LintServices): LeakingUpload | undefined {
  const action = stepActionVersion(step, text, services);
  if (action?.name !== 'actions/upload-artifact') return undefined;
  const path = step.with.get('path');
  if (!path || typeof path.value !== 'string') return undefined;
  const hidden = booleanInput(step.with.get('include-hidden-files')?.value);
  // Since v4.4.0 hidden files (and so .git) are left out unless `include-hidden-files: true`;
  // a floating `@v4` already runs a newer release.
  const v = action.version;
  const oldRelease = v !== undefined && !action.floating && (v.major < 4 || (v.major === 4 && v.minor < 4));
  if (hidden !== true && !oldRelease) return undefined;
  const lines = path.value.split('\n').map((l) => l.trim().replace(/^['"]|['"]$/g, '')).filter(Boolean);
  if (lines.some((l) => /^!(?:\.\/|\*\*\/)?\.git(?:\/.*)?$/.test(l))) return undefined;
  const dir = checkoutDir(checkout);
  const hit = lines.find((l) => !l.startsWith('!') && includesGit(l, dir));
  if (hit === undefined) return undefined;
  const shown = normalise(hit).replace(/(?:\/?\*\*?)+$/, '');
  return { path: shown === '' ? 'the workspace root' : `\`${shown}\``, span: path.span, why: hidden === true ? ' (`include-hidden-files: true`)' : ` (upload-artifact ${v!.major}.${v!.minor} uploads hidden files)` };
}

/** The checkout's directory relative to the workspace, without `./` or a trailing slash ('' = the root). */
function checkoutDir(checkout: Step): string {
  const p = checkout.with.get('path')?.value;
  return typeof p === 'string' ? normalise(p) : '';
}

function normalise(p: string): string {
  return p.replace(/\$\{\{\s*github\.workspace\s*\}\}\/?/g, '').replace(/^\.\/?/, '').replace(/\/+$/, '');
}

/** Whether an upload path (directory or glob) covers `<dir>/.git`. */
function includesGit(raw: string, dir: string): boolean {
  const p = normalise(raw).replace(/(?:\/?\*\*?)+$/, '');
  if (p.includes('${{') || p.includes('*')) return false;
  if (p === '.git' || p.startsWith('.git/')) return dir === '';
  return p === '' || p === dir || (dir !== '' && `${dir}/.git`.startsWith(`${p}/`)) || p === `${dir}/.git`;
}

// Later steps that may need the persisted token: any git command, or an action outside `actions/`.
const GIT = /(?:^|[\s;&|(`])git\s/m;

/** Whether no later step of the job can rely on the persisted token, so dropping it is safe. */
function canDropCredentials(checkout: Step, later: readonly Step[]): boolean {
  if (checkout.with.get('persist-credentials') !== undefined) return false;
  return later.every((s) => (!s.run || !GIT.test(s.run.value)) && (!s.uses || /^actions\//i.test(s.uses.value)));
}

/** Adds `persist-credentials: false` to the checkout's block `with:`, or adds the block. */
function addPersistFalse(step: Step, text: string): Fix | undefined {
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const first = [...step.with.values()][0];
  if (first?.keySpan) {
    const start = lineStart(first.keySpan.start);
    const indent = text.slice(start, first.keySpan.start);
    if (!/^ *$/.test(indent)) return undefined;
    return { description: 'set persist-credentials: false', edits: [{ span: { start, end: start }, text: `${indent}persist-credentials: false\n` }] };
  }
  if (step.with.size > 0 || !step.uses?.keySpan || /^\s*with\s*:/m.test(text.slice(step.span.start, step.span.end))) return undefined;
  const key = step.uses.keySpan;
  const column = key.start - lineStart(key.start);
  const eol = text.indexOf('\n', step.uses.span.end);
  const at = eol < 0 ? text.length : eol;
  const pad = ' '.repeat(column);
  return { description: 'set persist-credentials: false', edits: [{ span: { start: at, end: at }, text: `\n${pad}with:\n${pad}  persist-credentials: false` }] };
}
