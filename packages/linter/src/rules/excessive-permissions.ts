import type { Job, Permissions } from '@slsa-kit/core';
import { inheritingJobs, mayUseIdToken, mayUseWriteScope } from '../analysis/permission-needs.js';
import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

const ID = 'excessive-permissions';

/**
 * `excessive-permissions`: the `GITHUB_TOKEN` and the OIDC token get only what the jobs that use
 * them need. It reports only what it can show: `write-all`, a workflow-level write scope that jobs
 * visibly not using it inherit, and `id-token: write` on a job with no OIDC consumer.
 */
export const excessivePermissions = defineRule({
  meta: {
    id: ID,
    description: 'Grant write permissions and `id-token: write` only to the jobs that use them.',
    defaultSeverity: 'warning',
    fixable: false,
    requiresNetwork: false,
    docsUrl: docsUrl(ID),
    messages: {
      writeAll:
        '`write-all` gives {{where}} write access to every scope (contents, packages, id-token, …): any compromised step can push code, publish or mint OIDC tokens; list only the scopes needed',
      moveToJob:
        '`{{scope}}: write` at the workflow level is granted to every job without its own `permissions:`, but only {{users}} can use it; grant it in {{those}} `permissions:` and keep the workflow level read-only',
      unusedIdToken:
        '`id-token: write` lets {{where}} mint OIDC tokens (to publish to PyPI or npm, sign, or reach a cloud), but {{subject}} no step that uses one (a publish, attest, sign or cloud-auth action or command, or a reusable workflow); remove it',
    },
  },
  create(ctx) {
    return {
      workflow(w) {
        // Jobs with their own `permissions:` ignore the workflow level, so only inherited grants count.
        const inheriting = inheritingJobs(w.jobs);
        if (!w.permissions || inheriting.length === 0) return;
        if (w.permissions.kind === 'all' && w.permissions.level === 'write') {
          ctx.report({ messageId: 'writeAll', data: { where: 'every job' }, at: w.permissions.span });
          return;
        }
        if (w.permissions.kind !== 'scopes') return;
        for (const [scope, level] of w.permissions.scopes) {
          if (level.value !== 'write') continue;
          const need = scope === 'id-token' ? mayUseIdToken : mayUseWriteScope;
          const users = inheriting.filter(need);
          if (users.length === 0 && scope === 'id-token') {
            const subject = inheriting.length === 1 ? `job \`${inheriting[0]!.id}\` has` : 'the jobs that inherit it have';
            ctx.report({ messageId: 'unusedIdToken', data: { where: 'every job', subject }, at: level.span });
          } else if (users.length > 0 && users.length < inheriting.length) {
            ctx.report({
              messageId: 'moveToJob',
              data: { scope, users: names(users), those: users.length === 1 ? 'that job\'s' : 'those jobs\'' },
              at: level.span,
              related: inheriting.filter((j) => !users.includes(j)).map((j) => ({ at: j.keySpan, message: `\`${j.id}\` does not use \`${scope}: write\` but gets it` })),
            });
          }
        }
      },
      job(job) {
        const p = job.permissions;
        if (!p) return;
        if (p.kind === 'all' && p.level === 'write') {
          ctx.report({ messageId: 'writeAll', data: { where: `job \`${job.id}\`` }, at: p.span });
          return;
        }
        const idToken = scopeValue(p, 'id-token');
        if (idToken && job.kind === 'normal' && !mayUseIdToken(job)) {
          ctx.report({ messageId: 'unusedIdToken', data: { where: `job \`${job.id}\``, subject: 'it has' }, at: idToken.span });
        }
      },
    };
  },
});

function scopeValue(p: Permissions, scope: string) {
  if (p.kind !== 'scopes') return undefined;
  const v = p.scopes.get(scope);
  return v?.value === 'write' ? v : undefined;
}

function names(jobs: readonly Job[]): string {
  const quoted = jobs.map((j) => `\`${j.id}\``);
  return quoted.length === 1 ? `job ${quoted[0]}` : `jobs ${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
