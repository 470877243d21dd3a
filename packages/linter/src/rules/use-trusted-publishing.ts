import { secretPublishes, type Registry, type SecretPublish } from '../analysis/trusted-publishing.js';
import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

const ID = 'use-trusted-publishing';

/** How to switch each registry to trusted publishing, after "register the trusted publisher". */
const HOW: Readonly<Record<Registry, string>> = {
  PyPI:
    'add this repository and workflow as a trusted publisher in the project\'s PyPI settings (Publishing), give the publishing job `permissions: id-token: write`, and remove the secret — pypa/gh-action-pypi-publish, twine ≥ 6.1 and `uv publish` then authenticate with a short-lived OIDC token',
  TestPyPI:
    'add this repository and workflow as a trusted publisher in the project\'s TestPyPI settings (Publishing), give the publishing job `permissions: id-token: write`, and remove the secret',
  npm: 'add this repository and workflow as a trusted publisher in the package\'s npmjs.com settings, give the publishing job `permissions: id-token: write`, publish with npm CLI ≥ 11.5.1, and remove the token',
  'crates.io':
    'add this repository and workflow as a trusted publisher in the crate\'s crates.io settings, give the publishing job `permissions: id-token: write`, and set CARGO_REGISTRY_TOKEN from the output of rust-lang/crates-io-auth-action instead of the secret',
  RubyGems:
    'add this repository and workflow as a trusted publisher on rubygems.org, give the publishing job `permissions: id-token: write`, and use rubygems/release-gem (or configure-rubygems-credentials without `api-token`), which exchanges an OIDC token instead of the secret',
  NuGet:
    'add a trusted publishing policy for this repository and workflow on nuget.org, give the publishing job `permissions: id-token: write`, and pass the short-lived key from NuGet/login\'s output instead of the secret',
};

/**
 * `use-trusted-publishing`: publishing to a registry that supports OIDC trusted publishing with a
 * long-lived secret. Reported only where the workflow visibly passes a `secrets.*` value to the
 * publisher, at that value: it is the thing to delete.
 */
export const useTrustedPublishing = defineRule({
  meta: {
    id: ID,
    description: 'Publish to PyPI, npm, crates.io, RubyGems and NuGet with trusted publishing (OIDC) instead of a long-lived secret.',
    defaultSeverity: 'warning',
    fixable: false,
    requiresNetwork: false,
    docsUrl: docsUrl(ID),
    messages: {
      secret:
        '{{tool}} publishes to {{registry}} with the long-lived secret `{{credential}}`, which works for anyone who obtains it until someone revokes it; {{registry}} supports trusted publishing: {{how}}',
    },
  },
  create(ctx) {
    return {
      workflow(workflow) {
        // A workflow- or job-level variable is one secret however many steps publish with it.
        const byCredential = new Map<number, SecretPublish[]>();
        for (const job of workflow.jobs) {
          for (const p of secretPublishes(workflow, job, ctx.source.text)) {
            byCredential.set(p.credentialSpan.start, [...(byCredential.get(p.credentialSpan.start) ?? []), p]);
          }
        }
        for (const group of byCredential.values()) {
          const first = group[0]!;
          ctx.report({
            messageId: 'secret',
            data: { tool: first.tool, registry: first.registry, credential: first.credential, how: HOW[first.registry] },
            at: first.credentialSpan,
            related: group.map((p) => ({ at: p.publishSpan, message: `publishes to ${p.registry} with this secret` })),
            // A TestPyPI token cannot touch the real package; still worth switching, not worth a warning.
            ...(first.registry === 'TestPyPI' ? { severity: 'note' as const } : {}),
          });
        }
      },
    };
  },
});
