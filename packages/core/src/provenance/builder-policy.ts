import { builderMatchesFull, builderMatchesLoose, formatBuilderId, parseBuilderId, type BuilderId } from './builder-id.js';
import { DELEGATOR_BUILDERS, E2E_TEST_REPOSITORY, GENERATOR_REPOSITORY, GENERATOR_WORKFLOWS_PREFIX, GITHUB_ACTIONS_ISSUER } from './builders.js';
import type { CertificateIdentity } from './certificate-identity.js';
import { builderRefProblem } from './git-ref.js';
import type { ProvenanceFacts } from './provenance-view.js';
import { fail, pass, type CheckOutcome } from './result.js';

/** The builder the certificate names, once it is known to be trusted. */
export interface CertificateBuilder {
  /** `https://github.com/O/R/.github/workflows/W.yml` and its ref. */
  readonly id: BuilderId;
  /** True for a BYOB delegator: the provenance then names the real builder (a TRW). */
  readonly delegator: boolean;
}

/** Checks the OIDC issuer: only GitHub Actions tokens identify a GitHub workflow. */
export function checkIssuer(identity: CertificateIdentity, expected = GITHUB_ACTIONS_ISSUER): CheckOutcome {
  if (identity.issuer !== expected) {
    return fail('INVALID_OIDC_ISSUER', `certificate issuer is ${JSON.stringify(identity.issuer ?? null)}, expected ${expected}`);
  }
  return pass(`issuer ${expected}`);
}

/** Splits the certificate's workflow identity (SAN URI) into workflow and ref. */
export function certificateWorkflow(identity: CertificateIdentity): BuilderId | undefined {
  const san = identity.subjectAlternativeName;
  if (!san?.startsWith('https://github.com/')) return undefined;
  const at = san.indexOf('@');
  if (at <= 0 || at === san.length - 1) return undefined;
  return { name: san.slice(0, at), version: san.slice(at + 1) };
}

/**
 * Checks that the certificate was issued to a trusted builder workflow. Without `--builder-id`
 * the workflow must be in `trusted`; with it, a trusted delegator defers the comparison to the
 * provenance (the delegator signs for the TRW), any other workflow must match it loosely — and
 * still be in `trusted`, so `--builder-id` can narrow the set but never widen it.
 */
export function checkBuilderIdentity(
  identity: CertificateIdentity,
  expectedBuilderId: string | undefined,
  trusted: readonly string[],
): { outcome: CheckOutcome; builder?: CertificateBuilder } {
  const cert = certificateWorkflow(identity);
  if (!cert) {
    return { outcome: fail('MALFORMED_URI', `certificate identity ${JSON.stringify(identity.subjectAlternativeName ?? null)} is not a GitHub workflow ref`) };
  }
  const isTrusted = trusted.includes(cert.name);
  const delegator = isTrusted && DELEGATOR_BUILDERS.includes(cert.name);
  const label = formatBuilderId(cert);
  if (!isTrusted) {
    return { outcome: fail('UNTRUSTED_REUSABLE_WORKFLOW', `certificate workflow ${label} is not a trusted builder`) };
  }
  if (expectedBuilderId && !delegator && !builderMatchesLoose(cert, expectedBuilderId, true)) {
    return { outcome: fail('UNTRUSTED_REUSABLE_WORKFLOW', `certificate workflow ${label} does not match builder id ${expectedBuilderId}`) };
  }
  return { outcome: pass(`trusted builder ${label}${delegator ? ' (BYOB delegator)' : ''}`), builder: { id: cert, delegator } };
}

/**
 * Checks the builder ref is a release tag `refs/tags/vX.Y.Z`. Test mode (SLSA_VERIFIER_TESTING)
 * also accepts `refs/heads/main` and prereleases, for the generator's own repositories only.
 */
export function checkBuilderRef(identity: CertificateIdentity, builder: CertificateBuilder, testing: boolean): CheckOutcome {
  const ref = builder.id.version;
  const e2e = identity.sourceRepository === GENERATOR_REPOSITORY || identity.sourceRepository === E2E_TEST_REPOSITORY;
  if (testing && e2e && ref === 'refs/heads/main') return pass('builder at refs/heads/main accepted in test mode');
  const problem = builderRefProblem(ref, testing && e2e);
  return problem ? fail('INVALID_REF', problem) : pass(`builder ref ${ref}`);
}

/**
 * Checks the provenance's builder id. For a direct builder it must equal the certificate's
 * `name@ref` exactly (the statement cannot claim another builder than the one that signed). For a
 * delegator it must be a TRW at a release tag, matching `--builder-id` or, without it, one of the
 * generator's own workflows.
 */
export function checkStatementBuilder(facts: ProvenanceFacts, builder: CertificateBuilder, expectedBuilderId: string | undefined): CheckOutcome {
  const raw = facts.builderId;
  const prov = raw === undefined ? undefined : parseBuilderId(raw);
  if (!prov) return fail('INVALID_BUILDER_ID', `provenance builder id ${JSON.stringify(raw ?? null)} is missing or malformed`);
  if (!builder.delegator) {
    return builderMatchesFull(prov, formatBuilderId(builder.id), true)
      ? pass(`provenance builder id ${raw} matches the certificate`)
      : fail('MISMATCH_BUILDER_ID', `provenance builder id ${raw} differs from the certificate's ${formatBuilderId(builder.id)}`);
  }
  if (prov.version === '') return fail('INVALID_BUILDER_ID', `delegated builder id ${raw} has no version`);
  const problem = builderRefProblem(prov.version, false);
  if (problem) return fail('INVALID_REF', problem);
  let expected = expectedBuilderId;
  if (!expected) {
    if (!prov.name.startsWith(GENERATOR_WORKFLOWS_PREFIX)) {
      return fail('INVALID_BUILDER_ID', `delegated builder ${prov.name} is not a generator workflow; pass --builder-id to trust it`);
    }
    expected = prov.name;
  }
  return builderMatchesLoose(prov, expected, true)
    ? pass(`delegated builder ${raw} matches ${expected}`)
    : fail('MISMATCH_BUILDER_ID', `delegated builder ${raw} does not match ${expected}`);
}
