import { parseTagVersion, repositorySlug, type Fix, type RepositoryActionRef, type TextEdit } from '@slsa-kit/core';
import { SLSA_GENERATOR_MINIMUM, SLSA_GENERATOR_REPO } from '../knowledge/slsa-generator.js';
import { defineRule } from '../rule.js';
import type { UsesSite } from '../uses-site.js';
import { docsUrl } from './docs-url.js';

const ID = 'slsa-generator-ref';
const WHY_TAG =
  'the generator checks its own ref and the build fails with "Invalid ref: … Expected ref of the form refs/tags/vX.Y.Z", and verifiers reject a builder id that is not a release tag';

/**
 * `slsa-generator-ref`: slsa-github-generator's reusable workflows must be called by a full
 * `@vX.Y.Z` release tag — the one place where a SHA pin is wrong — and by a release that still works.
 */
export const slsaGeneratorRef = defineRule({
  meta: {
    id: ID,
    description: 'slsa-github-generator workflows must be referenced by a full, working `@vX.Y.Z` release tag.',
    defaultSeverity: 'error',
    fixable: true,
    requiresNetwork: false,
    docsUrl: docsUrl(ID),
    messages: {
      sha: `slsa-github-generator must be referenced by a release tag, not a commit SHA: ${WHY_TAG}. Its release tags are immutable, so this is the one workflow not to pin by SHA{{hint}}`,
      partialTag: `\`@{{ref}}\` is not a full release tag: slsa-github-generator must be referenced as \`@vX.Y.Z\` (${WHY_TAG}); use \`@{{suggestion}}\``,
      notATag: `\`@{{ref}}\` is not a release tag: slsa-github-generator must be referenced as \`@vX.Y.Z\` (${WHY_TAG}); use \`@{{suggestion}}\``,
      tooOld:
        'slsa-github-generator {{ref}} no longer works: releases before {{minimum}} upload with actions/upload-artifact@v3, which GitHub turned off on 2025-01-30; upgrade to `@{{latest}}`',
      outdated: 'slsa-github-generator {{ref}} is older than the newest release {{latest}}, which emits Sigstore bundles; consider upgrading',
    },
  },
  create(ctx) {
    return {
      uses(site) {
        const ref = site.ref;
        if (ref.kind !== 'repository' || repositorySlug(ref) !== SLSA_GENERATOR_REPO || !ref.path?.startsWith('.github/workflows/')) return;
        const at = site.exact ? ref.spans.ref : site.value.span;
        const latest = ctx.services.latestRelease(SLSA_GENERATOR_REPO);
        const suggestion = latest ?? 'vX.Y.Z';
        switch (ref.refKind) {
          case 'full-sha': {
            const tag = ctx.services.tagForCommit(SLSA_GENERATOR_REPO, ref.ref);
            const hint = tag ? `; this commit is release ${tag}, use \`@${tag}\`` : '; use the release tag this commit belongs to';
            const fix = tag && site.exact ? shaToTag(site, ref, tag) : undefined;
            ctx.report({ messageId: 'sha', data: { hint }, at, ...(fix ? { fix } : {}) });
            return;
          }
          case 'semver-partial':
            ctx.report({ messageId: 'partialTag', data: { ref: ref.ref, suggestion }, at });
            return;
          case 'semver-full':
            break;
          default:
            ctx.report({ messageId: 'notATag', data: { ref: ref.ref, suggestion }, at });
            return;
        }
        const version = ref.version!.semver;
        const minimum = parseTagVersion(SLSA_GENERATOR_MINIMUM)!.semver;
        if (version.compare(minimum) < 0) {
          ctx.report({ messageId: 'tooOld', data: { ref: ref.ref, minimum: SLSA_GENERATOR_MINIMUM, latest: suggestion }, at });
          return;
        }
        const newest = latest ? parseTagVersion(latest)?.semver : undefined;
        if (newest && version.compare(newest) < 0) {
          ctx.report({ messageId: 'outdated', data: { ref: ref.ref, latest: latest! }, at, severity: 'note' });
        }
      },
    };
  },
});

/**
 * Replaces the SHA with its tag. A `# vX.Y.Z` comment that names the same release is removed with
 * it, because the ref now says the version itself; any other comment is kept.
 */
function shaToTag(site: UsesSite, ref: RepositoryActionRef, tag: string): Fix {
  const edits: TextEdit[] = [{ span: ref.spans.ref, text: tag }];
  const comment = site.versionComment;
  if (comment && !comment.note && comment.version.replace(/^v/, '') === tag.replace(/^v/, '')) {
    edits.push({ span: { start: site.value.span.end, end: comment.comment.span.end }, text: '' });
  }
  return { description: `reference slsa-github-generator by its release tag ${tag}`, edits };
}
