import { permissionLevel, type Fix, type Located, type PermissionLevel, type Permissions, type ReusableJob, type SourceFile } from '@slsa-kit/core';
import { generatorCall, satisfies, type GeneratorCall, type RequiredPermission } from '../analysis/slsa-generator-call.js';
import { literalBoolean, withInput } from '../analysis/slsa-generator-with.js';
import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

const ID = 'provenance-permissions';
const REFUSED = 'GitHub refuses to start the run ("The nested job … is requesting …, but is only allowed …")';

/**
 * `provenance-permissions`: the job calling slsa-github-generator must grant what the generator's
 * nested jobs request. GitHub checks this when the call starts, so a shortfall fails the whole run.
 */
export const provenancePermissions = defineRule({
  meta: {
    id: ID,
    description: 'The job calling slsa-github-generator must grant `actions: read`, `id-token: write` and, for builders that upload, `contents: write`.',
    defaultSeverity: 'error',
    fixable: true,
    requiresNetwork: false,
    docsUrl: docsUrl(ID),
    messages: {
      missing: `job \`{{job}}\` calls {{workflow}} but its \`permissions:\` do not grant \`{{scope}}: {{level}}\`, which the generator needs {{why}}; ${REFUSED}. Add \`{{scope}}: {{level}}\` to this job's \`permissions:\``,
      tooLow: `\`{{scope}}: {{granted}}\` is not enough for {{workflow}}: it needs \`{{scope}}: {{level}}\` {{why}}; ${REFUSED}. Grant \`{{scope}}: {{level}}\``,
      capped: `job \`{{job}}\` calls {{workflow}} without \`permissions:\` of its own, so the workflow-level \`permissions:\` cap what the generator may get, and they do not grant {{scopes}}; ${REFUSED}. Give this job its own \`permissions:\` with {{wanted}}`,
    },
  },
  create(ctx) {
    const source = ctx.source;
    return {
      reusableJob(job) {
        const call = generatorCall(job);
        if (!call) return;
        const wanted = call.permissions.map((p) => withReason(p, job));
        // Job-level permissions replace the workflow-level ones; with neither, the repository default applies, which we cannot see.
        if (job.permissions) {
          checkJob(job.permissions, call, wanted);
          return;
        }
        const top = ctx.workflow.permissions;
        if (!top || top.kind === 'invalid') return;
        const short = wanted.filter((p) => lacks(top, p));
        if (short.length === 0) return;
        ctx.report({
          messageId: 'capped',
          data: { job: job.id, workflow: call.file, scopes: list(short), wanted: list(wanted) },
          at: job.keySpan,
          related: [{ at: top.span, message: 'the workflow-level `permissions:` that apply to this job' }],
        });
      },
    };

    function checkJob(perms: Permissions, call: GeneratorCall, wanted: readonly RequiredPermission[]): void {
      if (perms.kind === 'invalid') return;
      for (const p of wanted) {
        const granted = permissionLevel(perms, p.scope);
        if (granted === 'invalid' || granted === 'default' || satisfies(granted, p.level)) continue;
        const data = { job: call.job.id, workflow: call.file, scope: p.scope, level: p.level, why: p.why, granted };
        const entry = perms.kind === 'scopes' ? perms.scopes.get(p.scope) : undefined;
        if (entry) {
          ctx.report({ messageId: 'tooLow', data, at: entry.span, fix: replaceLevel(entry, p) });
        } else if (perms.kind === 'all') {
          ctx.report({ messageId: 'tooLow', data, at: perms.span });
        } else {
          const fix = insertScope(source, perms, p);
          ctx.report({ messageId: 'missing', data, at: { route: perms.route, part: 'key' }, ...(fix ? { fix } : {}) });
        }
      }
    }
  },
});

function withReason(p: RequiredPermission, job: ReusableJob): RequiredPermission {
  if (p.scope !== 'contents' || p.level !== 'write') return p;
  return literalBoolean(withInput(job, 'upload-assets')) === true
    ? { ...p, why: 'to upload the provenance to the release (`upload-assets: true`)' }
    : { ...p, why: `because ${p.why}, and GitHub checks that request when the call starts even if nothing is uploaded` };
}

function lacks(perms: Permissions, p: RequiredPermission): boolean {
  const granted = permissionLevel(perms, p.scope);
  return granted !== 'invalid' && granted !== 'default' && !satisfies(granted, p.level);
}

const list = (ps: readonly RequiredPermission[]): string => ps.map((p) => `\`${p.scope}: ${p.level}\``).join(', ');

function replaceLevel(entry: Located<PermissionLevel | string>, p: RequiredPermission): Fix {
  return { description: `grant \`${p.scope}: ${p.level}\``, edits: [{ span: entry.span, text: p.level }] };
}

/** Adds `scope: level` as a new line after the last entry of a block-style permissions map. */
function insertScope(source: SourceFile, perms: Permissions, p: RequiredPermission): Fix | undefined {
  if (perms.kind !== 'scopes' || perms.scopes.size === 0) return undefined;
  const text = source.text;
  if (text[perms.span.start] === '{') return undefined;
  const entries = [...perms.scopes.values()];
  const first = entries[0]!;
  const last = entries[entries.length - 1]!;
  if (!first.keySpan) return undefined;
  const lineStart = text.lastIndexOf('\n', first.keySpan.start - 1) + 1;
  const indent = text.slice(lineStart, first.keySpan.start);
  if (!/^ *$/.test(indent)) return undefined;
  let end = text.indexOf('\n', last.span.end);
  if (end === -1) end = text.length;
  const crlf = end > 0 && text[end - 1] === '\r';
  const at = crlf ? end - 1 : end;
  const eol = crlf ? '\r\n' : '\n';
  return { description: `grant \`${p.scope}: ${p.level}\``, edits: [{ span: { start: at, end: at }, text: `${eol}${indent}${p.scope}: ${p.level}` }] };
}
