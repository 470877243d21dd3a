/**
 * The trusted builders, by workflow URI without ref. A certificate whose Build Signer / SAN names
 * a workflow outside these sets is not trusted to have produced the provenance it signed.
 */

/** The only OIDC issuer GitHub Actions builders are accepted from. */
export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

const GENERATOR = 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/';

/** Repository of the SLSA GitHub generator. */
export const GENERATOR_REPOSITORY = 'slsa-framework/slsa-github-generator';
/** The generator's end-to-end test repository (accepted at `refs/heads/main` in test mode only). */
export const E2E_TEST_REPOSITORY = 'slsa-framework/example-package';

/** Prefix of the builder ids the BYOB delegators may name when `--builder-id` is not given. */
export const GENERATOR_WORKFLOWS_PREFIX = GENERATOR;

/** Builders whose provenance `verify-artifact` accepts by default. */
export const ARTIFACT_BUILDERS: readonly string[] = [
  `${GENERATOR}generator_generic_slsa3.yml`,
  `${GENERATOR}builder_go_slsa3.yml`,
  `${GENERATOR}builder_container-based_slsa3.yml`,
];

/**
 * BYOB delegators: they sign on behalf of a tool reusable workflow (TRW) that the provenance names
 * as its builder id; the TRW is checked against `--builder-id` (Maven, Gradle, Node.js, …).
 */
export const DELEGATOR_BUILDERS: readonly string[] = [
  `${GENERATOR}delegator_generic_slsa3.yml`,
  `${GENERATOR}delegator_lowperms-generic_slsa3.yml`,
];

/** Container image provenance generator (images are verified elsewhere; listed for completeness). */
export const CONTAINER_BUILDERS: readonly string[] = [`${GENERATOR}generator_container_slsa3.yml`];

/** The builder id npm's CLI writes for packages built on GitHub-hosted runners. */
export const NPM_GITHUB_RUNNER = 'https://github.com/actions/runner/github-hosted';
/** The shorter id older npm provenance used. */
export const NPM_GITHUB_RUNNER_SHORT = 'https://github.com/actions/runner';
