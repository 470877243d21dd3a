import { findTrailingComment, repositorySlug, type Fix, type RepositoryActionRef, type TextEdit } from '@slsa-kit/core';
import { recordedReleases, shaForTag, type TagPin } from '../analysis/pins.js';
import { SLSA_GENERATOR_REPO } from '../knowledge/slsa-generator.js';
import { defineRule } from '../rule.js';
import type { UsesSite } from '../uses-site.js';
import { docsUrl } from './docs-url.js';

const ID = 'unpinned-uses';
const WHY = 'whoever controls the repository (or steals its credentials) can move it to other code, which then runs with this job\'s token and secrets';

/**
 * `unpinned-uses`: actions and reusable workflows must be pinned to a full commit SHA, and container
 * images to a digest. The slsa-github-generator's reusable workflows are the exception (they must be
 * referenced by a release tag; `slsa-generator-ref` owns them).
 */
export const unpinnedUses = defineRule({
  meta: {
    id: ID,
    description: 'Actions and reusable workflows must be pinned to a full commit SHA, container images to a digest.',
    defaultSeverity: 'warning',
    fixable: true,
    requiresNetwork: false,
    docsUrl: docsUrl(ID),
    messages: {
      tag: `\`{{name}}@{{ref}}\` is pinned to a tag, not a commit SHA: ${WHY}; {{remedy}}`,
      branch: `\`{{name}}@{{ref}}\` follows a branch, not a commit SHA: every push to it changes the code this job runs; {{remedy}}`,
      shortSha: `\`{{name}}@{{ref}}\` is an abbreviated SHA: GitHub does not resolve it for actions and it may become ambiguous; pin the full 40-character commit SHA with a \`# vX.Y.Z\` comment`,
      docker:
        '`{{image}}` is not pinned to a digest: whoever can push to the image\'s registry can replace it, and the step runs it with this job\'s token and secrets; pin it as `docker://{{image}}@sha256:…`',
    },
  },
  create(ctx) {
    return {
      uses(site) {
        const ref = site.ref;
        if (ref.kind === 'docker') {
          if (ref.digest === undefined) ctx.report({ messageId: 'docker', data: { image: ref.raw.slice('docker://'.length) }, at: site.value.span });
          return;
        }
        if (ref.kind !== 'repository' || ref.refKind === 'full-sha') return;
        if (isGeneratorWorkflow(ref)) return;
        const at = site.exact ? ref.spans.ref : site.value.span;
        const data = { name: ref.name, ref: ref.ref };
        if (ref.refKind === 'short-sha') {
          ctx.report({ messageId: 'shortSha', data, at });
          return;
        }
        const pin = shaForTag(repositorySlug(ref), ref.ref);
        const fix = pin && site.exact ? pinFix(ctx.source.text, site, ref, pin) : undefined;
        const remedy = pin
          ? `pin it to \`${pin.sha}\` (${pin.comment}) with a \`# ${pin.comment}\` comment${fix ? ' — `slsa-lint --fix` does this' : ''}`
          : unknownRemedy(repositorySlug(ref), ref.ref);
        const messageId = ref.refKind === 'branch-like' ? 'branch' : 'tag';
        ctx.report({ messageId, data: { ...data, remedy }, at, ...(fix ? { fix } : {}) });
      },
    };
  },
});

/**
 * What to do when the embedded database cannot pin the ref: it records only recent releases, so
 * say which ones it has (a newer release is usually the right move) or that it lacks the action.
 */
function unknownRemedy(repo: string, tag: string): string {
  const recorded = recordedReleases(repo).slice(0, 3);
  const byHand = `pin the commit of \`${tag}\` by hand with a \`# vX.Y.Z\` comment (\`git ls-remote https://github.com/${repo} ${tag}\` shows it)`;
  return recorded.length > 0
    ? `the embedded pin database records \`${repo}\` only at ${recorded.join(', ')}: move to one of those (then \`slsa-lint --fix\` pins it), or ${byHand}`
    : `\`${repo}\` is not in the embedded pin database: ${byHand}`;
}

function isGeneratorWorkflow(ref: RepositoryActionRef): boolean {
  return repositorySlug(ref) === SLSA_GENERATOR_REPO && ref.path?.startsWith('.github/workflows/') === true;
}

/**
 * Replaces the ref with the SHA and records the version in a comment: an existing version comment
 * gets the new version, another comment is kept after the new one. No fix when something other
 * than a comment follows the value on its line (a flow mapping), where a `#` would swallow it.
 */
function pinFix(text: string, site: UsesSite, ref: RepositoryActionRef, pin: TagPin): Fix | undefined {
  const end = site.value.span.end;
  const comment = findTrailingComment(text, end);
  const restEnd = comment ? comment.span.start : lineEnd(text, end);
  if (text.slice(end, restEnd).trim() !== '') return undefined;
  const edits: TextEdit[] = [{ span: ref.spans.ref, text: pin.sha }];
  if (site.versionComment && !site.versionComment.ratchetTarget) edits.push({ span: site.versionComment.span, text: pin.comment });
  else edits.push({ span: { start: end, end }, text: ` # ${pin.comment}` });
  return { description: `pin ${ref.name} to ${pin.sha} (${pin.comment})`, edits };
}

function lineEnd(text: string, from: number): number {
  const m = /[\r\n]/.exec(text.slice(from));
  return m ? from + m.index : text.length;
}
