import { repositorySlug } from '@slsa-kit/core';
import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

const ID = 'impostor-commit';

/**
 * `impostor-commit` (online): a `uses:` pinned to a full commit SHA that no branch or tag of the
 * named repository reaches. GitHub serves every commit of a fork network under every repository's
 * name, so `owner/repo@<sha>` can run code pushed only to a fork — a pin that looks reviewed and
 * immutable but is not the project's code (the idea behind zizmor's audit of the same name).
 *
 * The rule itself never touches the network: the CLI resolves every full-SHA `uses:` through the
 * pin service before linting and hands the answers in as `services.reachability`.
 */
export const impostorCommit = defineRule({
  meta: {
    id: ID,
    description: 'A `uses:` commit SHA must belong to a branch or tag of the repository it names, not only to a fork.',
    defaultSeverity: 'error',
    fixable: false,
    requiresNetwork: true,
    docsUrl: docsUrl(ID),
    messages: {
      impostor:
        'commit {{sha}} is not on any branch or tag of {{repo}}: GitHub serves commits of every fork under the parent repository\'s name, so this pin may run code that {{repo}} never published (an impostor commit); pin a commit from {{repo}}\'s own history, such as the commit of a release tag',
    },
  },
  create(ctx) {
    const lookup = ctx.services.reachability;
    return {
      uses(site) {
        const ref = site.ref;
        if (!lookup || ref.kind !== 'repository' || ref.refKind !== 'full-sha') return;
        const repo = repositorySlug(ref);
        if (lookup(repo, ref.ref) !== 'impostor') return;
        ctx.report({
          messageId: 'impostor',
          data: { sha: ref.ref, repo: `${ref.owner}/${ref.repo}` },
          at: site.exact ? ref.spans.ref : site.value.span,
        });
      },
    };
  },
});
