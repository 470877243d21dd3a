import { repositorySlug } from '@slsa-kit/core';
import { recordedRelease, releaseForSha } from '../analysis/pins.js';
import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

const ID = 'ref-version-mismatch';

/**
 * `ref-version-mismatch`: a SHA pin's `# vX.Y.Z` comment must name the release that commit is.
 * Reviewers and update bots read the comment, not the SHA, so a wrong comment hides what really runs.
 */
export const refVersionMismatch = defineRule({
  meta: {
    id: ID,
    description: 'The version comment of a SHA-pinned action must name the release that commit is.',
    defaultSeverity: 'error',
    fixable: true,
    requiresNetwork: false,
    docsUrl: docsUrl(ID),
    messages: {
      mismatch:
        '`# {{version}}` does not match the pin: {{name}} {{tag}} is commit {{expected}}, but this pins {{actual}}{{actually}}. Reviewers and update bots trust the comment; pin the commit of {{tag}} or correct the comment',
    },
  },
  create(ctx) {
    return {
      uses(site) {
        const ref = site.ref;
        const comment = site.versionComment;
        if (ref.kind !== 'repository' || ref.refKind !== 'full-sha' || !comment || comment.ratchetTarget) return;
        // Only a full version names one commit; `# v4` is a moving tag that any v4.x commit satisfies.
        if (comment.tag?.precision !== 3) return;
        const repo = repositorySlug(ref);
        const release = recordedRelease(repo, comment.version);
        const actual = ref.ref.toLowerCase();
        if (!release || release.sha === actual) return;
        const truth = releaseForSha(repo, actual);
        const actually = truth ? `, which is ${truth}` : ', a commit the pin database does not know as a release';
        const fix = truth
          ? { description: `name the release this commit is (${truth}) in the comment`, edits: [{ span: comment.span, text: truth }] }
          : undefined;
        ctx.report({
          messageId: 'mismatch',
          data: { version: comment.version, name: ref.name, tag: release.tag, expected: release.sha, actual, actually },
          at: comment.span,
          related: [{ at: site.exact ? ref.spans.ref : site.value.span, message: 'the pinned commit' }],
          // A record from a secondary source could itself be wrong; do not fail a build on it alone.
          ...(release.verified ? {} : { severity: 'warning' as const }),
          ...(fix ? { fix } : {}),
        });
      },
    };
  },
});
