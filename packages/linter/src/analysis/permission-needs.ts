import { repositorySlug, type Job, type Step } from '@slsa-kit/core';
import { cachedActionRef } from '../action-ref-cache.js';

/**
 * Whether a job may need a permission scope, judged from what it visibly does. The answer leans
 * to "may need": `excessive-permissions` only reports what it can show is unused, so anything
 * opaque (a local or container action, an unknown action with a suggestive name, a task runner,
 * a script named like a release) counts as a possible user.
 */

/** Actions (by `owner/repo`, or `owner/*`) that request an OIDC token from GitHub. */
const OIDC_ACTIONS = [
  'pypa/gh-action-pypi-publish',
  'actions/attest',
  'actions/attest-build-provenance',
  'actions/attest-sbom',
  'actions/deploy-pages',
  'codecov/codecov-action',
  'pyo3/maturin-action',
  'rust-lang/crates-io-auth-action',
  'js-devtools/npm-publish',
  'changesets/action',
  'goreleaser/goreleaser-action',
  'jfrog/setup-jfrog-cli',
  'tailscale/github-action',
  'sigstore/*',
  'slsa-framework/*',
  'aws-actions/*',
  'google-github-actions/*',
  'azure/*',
  'hashicorp/*',
  'octo-sts/*',
  'depot/*',
  'pulumi/*',
];

/** Actions known not to use an OIDC token nor any write scope (setup, cache, artifacts). */
const INERT_ACTIONS = [
  'actions/checkout',
  'actions/cache',
  'actions/upload-artifact',
  'actions/download-artifact',
  'actions/setup-python',
  'actions/setup-node',
  'actions/setup-go',
  'actions/setup-java',
  'actions/setup-dotnet',
  'astral-sh/setup-uv',
  'pnpm/action-setup',
  'oven-sh/setup-bun',
  'dtolnay/rust-toolchain',
  'swatinem/rust-cache',
  'docker/setup-buildx-action',
  'docker/setup-qemu-action',
];

// Words in an unknown action's name or a script that suggest it authenticates or publishes.
const SUGGESTIVE =
  /publish|release|deploy|upload|attest|sign|provenance|sbom|oidc|id-token|ACTIONS_ID_TOKEN|login|auth|credential|token|pages|registry|push/i;
// Inputs that turn on signing, attesting or publishing in actions that otherwise do not.
const OIDC_INPUT = /attest|provenance|sign|publish|oidc|id-token|audience/i;
// Commands whose work is defined elsewhere (a task runner, a package script, a release tool).
const OPAQUE_RUN =
  /\b(?:make|just|nox|tox|task|rake|invoke|goreleaser|semantic-release|changeset|lerna|nx|turbo|cosign|sigstore|gcloud|aws|az|vault|terraform|curl|wget|twine|flit|hatch|pdm|poetry|maturin|cargo|ko)\b|\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?(?!ci\b|install\b|i\b|test\b|pack\b|build\b|audit\b|ls\b)[\w:-]+/i;

function matches(list: readonly string[], slug: string): boolean {
  const owner = slug.split('/')[0]!;
  return list.some((entry) => entry === slug || entry === `${owner}/*`);
}

/** Whether a step may request an OIDC token: `none` only when it visibly does not. */
function stepUse(step: Step): 'none' | 'may' {
  if (step.uses) {
    const ref = cachedActionRef(step.uses.value);
    if (ref.kind !== 'repository') return 'may';
    const slug = repositorySlug(ref);
    if (matches(OIDC_ACTIONS, slug)) return 'may';
    // An input can switch OIDC on (hynek/build-and-inspect-python-package's `attest-build-provenance-github`).
    if ([...step.with].some(([k, v]) => OIDC_INPUT.test(k) || OIDC_INPUT.test(String(v.value)))) return 'may';
    if (matches(INERT_ACTIONS, slug)) return 'none';
    return SUGGESTIVE.test(ref.name) ? 'may' : 'none';
  }
  const script = step.run?.value ?? '';
  return SUGGESTIVE.test(script) || OPAQUE_RUN.test(script) ? 'may' : 'none';
}

/**
 * Whether a job may request an OIDC token (`id-token: write`): it calls a reusable workflow, or a
 * step uses an OIDC-consuming action, an opaque action, or a command that may publish or sign.
 */
export function mayUseIdToken(job: Job): boolean {
  if (job.kind === 'reusable') return true;
  return job.steps.some((s) => stepUse(s) === 'may' || mentionsToken(s));
}

/**
 * Whether a job may need a write scope other than `id-token`. Any action that is not known to be
 * inert may use the job's token (most default their `token` input to it), and so may any script
 * that talks to git, `gh` or the API.
 */
export function mayUseWriteScope(job: Job): boolean {
  if (job.kind === 'reusable') return true;
  return job.steps.some((s) => {
    if (mentionsToken(s)) return true;
    if (s.uses) {
      const ref = cachedActionRef(s.uses.value);
      return ref.kind !== 'repository' || !matches(INERT_ACTIONS, repositorySlug(ref));
    }
    const script = s.run?.value ?? '';
    return /\b(?:git|gh)\s/.test(script) || SUGGESTIVE.test(script) || OPAQUE_RUN.test(script);
  });
}

// A step that hands the token to a program (env, with) may use any scope it grants.
function mentionsToken(step: Step): boolean {
  const values = [...step.env.values(), ...step.with.values()].map((v) => String(v.value));
  return values.some((v) => /GITHUB_TOKEN|github\.token|ACTIONS_ID_TOKEN/.test(v));
}

/** The jobs that take the workflow-level `permissions:` (they set none of their own). */
export function inheritingJobs(jobs: readonly Job[]): Job[] {
  return jobs.filter((j) => j.permissions === undefined);
}
