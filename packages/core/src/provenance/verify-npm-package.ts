import type { TrustMaterial } from '@sigstore/verify';
import { parseBuilderId, builderMatchesLoose } from './builder-id.js';
import { checkBuilderRef, checkIssuer, checkStatementBuilder, certificateWorkflow, type CertificateBuilder } from './builder-policy.js';
import { DELEGATOR_BUILDERS, NPM_GITHUB_RUNNER, NPM_GITHUB_RUNNER_SHORT } from './builders.js';
import { readCertificateIdentity, type CertificateIdentity } from './certificate-identity.js';
import { CheckList } from './check-list.js';
import { subjectMatches, type ArtifactInput } from './digest.js';
import { checkNpmClaim, npmClaims, selectNpmAttestations, type NpmAttestationPair } from './npm-attestations.js';
import { readProvenance, type ProvenanceFacts } from './provenance-view.js';
import { fail, pass, skip, type CheckOutcome, type VerificationResult } from './result.js';
import { verifySignature } from './signature.js';
import { checkCertificateConsistency, checkCertificateSource, checkStatementSource } from './source-policy.js';
import { parseStatement, SLSA_PROVENANCE_V02, type InTotoStatement } from './statement.js';
import { loadTrustMaterial } from './trust-root.js';
import { parseOrFail, TESTING_WARNING } from './verify-artifact.js';

/** Inputs of {@link verifyNpmPackage} (slsa-verifier `verify-npm-package`). */
export interface VerifyNpmPackageOptions {
  /** The registry's attestations response `{"attestations":[{predicateType,bundle}]}`. */
  readonly provenance: string | Uint8Array;
  /** The tarball (its sha512 is the subject). */
  readonly artifacts: readonly ArtifactInput[];
  readonly sourceUri: string;
  /** Required: `https://github.com/actions/runner/github-hosted` for npm CLI builds, or a BYOB builder. */
  readonly builderId?: string;
  readonly packageName?: string;
  readonly packageVersion?: string;
  readonly trust?: TrustMaterial;
  readonly testing?: boolean;
  /**
   * Refuse a response without the registry's publish attestation (slsa-verifier's behaviour).
   * Default `false`: a provenance-only response can pass, with a warning, when `packageName` and
   * `packageVersion` are given — see {@link PROVENANCE_ONLY_WARNING}.
   */
  readonly requirePublishAttestation?: boolean;
}

/**
 * Warning of a provenance-only pass. The registry has signed a publish attestation for every
 * package published with provenance (the 2023-01 pre-GA sigstore@0.4.0 already has one), so its
 * absence means the response was captured or mirrored without it, or stripped. The publish
 * attestation adds the registry's own claim "this tarball was published as name@version"; without
 * it the verdict rests on the provenance alone, which is still fully verified (Fulcio certificate,
 * Rekor entry, DSSE signature), bound to the tarball by its sha512 subject and to the package by
 * the subject purl `pkg:npm/<name>@<version>`, which must then equal `packageName` and
 * `packageVersion` (both required). Stripping the publish attestation therefore cannot make a
 * tarball, name, version or repository pass that the provenance does not vouch for.
 */
export const PROVENANCE_ONLY_WARNING =
  'no npm publish attestation: the registry signature was not checked; the verdict rests on the provenance alone (signature, tarball sha512, package name and version from its purl, source and builder)';

/** Pre-GA npm CLI provenance (SLSA v0.2, npm 9.x, 2022-12 to 2023-03): the builder id is the CLI's own version. */
const NPM_CLI_PREGA_BUILD_TYPE = 'https://github.com/npm/cli/gha@v0';
const NPM_CLI_PREGA_BUILDER = /^https:\/\/github\.com\/npm\/cli@\d+\.\d+\.\d+$/;

const NPM_CHECKS = ['attestations', 'signature', 'publish-signature', 'statement', 'package-name', 'package-version', 'certificate', 'issuer', 'builder-ref', 'source-certificate', 'builder-id', 'source', 'subjects', 'certificate-consistency'];
const REQUIRED = ['format', 'builder-given', ...NPM_CHECKS.filter((c) => !['package-name', 'package-version', 'builder-ref'].includes(c))];

/**
 * Verifies an npm tarball against its provenance and publish attestations: both signatures (the
 * provenance by Fulcio + Rekor, the publish attestation by the registry key), the statements'
 * package name, version and sha512 subject, and the builder and source policy.
 */
export async function verifyNpmPackage(options: VerifyNpmPackageOptions): Promise<VerificationResult> {
  const list = new CheckList();
  if (options.testing) list.warnings.push(TESTING_WARNING);
  const doc = parseOrFail(list, options.provenance);
  if (!doc) return list.finish(['format']);
  if (doc.kind !== 'npm-attestations') {
    list.add('format', fail('INVALID_ATTESTATIONS', `a ${doc.kind} document is not an npm attestations response`));
    return list.finish(REQUIRED);
  }
  // slsa-verifier requires --builder-id for npm before looking at the package; report it first.
  list.add('builder-given', options.builderId
    ? pass(`builder id ${options.builderId}`)
    : fail('INVALID_BUILDER_ID', 'an npm package needs --builder-id (https://github.com/actions/runner/github-hosted for npm CLI builds)'));
  const pair = selectNpmAttestations(doc.attestations, options.requirePublishAttestation !== true);
  if (!('provenance' in pair)) {
    list.add('attestations', pair);
    list.skipAll(NPM_CHECKS.slice(1), 'attestations are unusable');
    return list.finish(REQUIRED);
  }
  if (pair.publish) list.add('attestations', pass('one provenance and one publish attestation'));
  else if (options.packageName === undefined || options.packageVersion === undefined) {
    list.add('attestations', fail('INVALID_ATTESTATIONS', 'no npm publish attestation: --package-name and --package-version are required to bind the provenance to the package'));
    list.skipAll(NPM_CHECKS.slice(1), 'attestations are unusable');
    return list.finish(REQUIRED);
  } else {
    list.add('attestations', pass('one provenance; no publish attestation (package bound through the provenance purl)'));
    list.warnings.push(PROVENANCE_ONLY_WARNING);
  }
  return verifyPair(list, pair, options, options.trust ?? loadTrustMaterial());
}

function verifyPair(list: CheckList, pair: NpmAttestationPair, options: VerifyNpmPackageOptions, trust: TrustMaterial): VerificationResult {
  // Without a publish attestation, name and version (from the purl) become required checks.
  const required = pair.publish ? REQUIRED : [...REQUIRED.filter((c) => c !== 'publish-signature'), 'package-name', 'package-version'];
  const prov = verifySignature(pair.provenance.bundle, trust);
  const pub = pair.publish ? verifySignature(pair.publish.bundle, trust) : undefined;
  list.add('signature', prov.ok ? pass('provenance signature verified') : fail('INVALID_SIGNATURE', `provenance: ${prov.message}`));
  if (!pub) list.add('publish-signature', skip('no publish attestation in the response'));
  else list.add('publish-signature', pub.ok ? pass('publish attestation signed by the npm registry') : fail('INVALID_SIGNATURE', `publish attestation: ${pub.message}`));
  if (!prov.ok || (pub && !pub.ok)) {
    list.skipAll(NPM_CHECKS.slice(3), 'a signature did not verify');
    return list.finish(required);
  }
  const ps = parseStatement(prov.value.payloadType, prov.value.payload);
  const us = pub?.ok ? parseStatement(pub.value.payloadType, pub.value.payload) : undefined;
  let statements: [InTotoStatement, InTotoStatement | undefined] | undefined;
  list.run('statement', () => {
    if (!ps.ok) return ps.outcome;
    if (us && !us.ok) return us.outcome;
    if (ps.statement.predicateType !== pair.provenance.predicateType || (us?.ok && us.statement.predicateType !== pair.publish?.predicateType)) {
      return fail('INVALID_DSSE_PAYLOAD', 'a statement predicate type differs from the attestation list');
    }
    statements = [ps.statement, us?.ok ? us.statement : undefined];
    return pass(us ? 'in-toto provenance and publish statements' : 'in-toto provenance statement');
  });
  if (!statements) {
    list.skipAll(NPM_CHECKS.slice(4), 'statements are unusable');
    return list.finish(required);
  }
  const [provenance, publish] = statements;
  const verified = publish ? [provenance, publish] : [provenance];
  const claims = npmClaims(provenance, publish);
  list.run('package-name', () => checkNpmClaim('name', claims.names, options.packageName));
  list.run('package-version', () => checkNpmClaim('version', claims.versions, options.packageVersion));
  const cert = prov.value.certificate;
  const identity: CertificateIdentity | undefined = cert ? readCertificateIdentity(cert) : undefined;
  list.add('certificate', !identity ? fail('INVALID_CERTIFICATE', 'provenance is not signed by a Fulcio certificate')
    : identity.conflicts.length > 0 ? fail('INVALID_CERTIFICATE', `certificate claims disagree: ${identity.conflicts.join('; ')}`)
    : pass(`certificate for ${identity.subjectAlternativeName ?? '(no SAN)'}`));
  if (!identity || identity.conflicts.length > 0) {
    list.skipAll(NPM_CHECKS.slice(7), 'no usable certificate identity');
    return list.finish(required, { statement: provenance, statements: verified });
  }
  const facts = readProvenance(provenance);
  list.run('issuer', () => checkIssuer(identity));
  const workflow = certificateWorkflow(identity);
  // Signed by the low-perms BYOB delegator: the provenance names the Node.js builder. Signed by any
  // other workflow: the npm CLI built it on a GitHub runner and the builder id is the runner's.
  const delegator: CertificateBuilder | undefined = workflow && DELEGATOR_BUILDERS.includes(workflow.name) ? { id: workflow, delegator: true } : undefined;
  list.run('builder-ref', () => (delegator ? checkBuilderRef(identity, delegator, options.testing === true) : skip('npm CLI build: no builder workflow ref')));
  list.run('source-certificate', () => checkCertificateSource(identity, options.sourceUri));
  list.run('builder-id', () => checkNpmBuilder(facts, provenance, delegator, options.builderId));
  // npm CLI v0.2 provenance (gha@v0 pre-GA, gha@v1) lists the repository material without a ref.
  const cliV02 = facts.buildType === 'https://github.com/npm/cli/gha@v1' || facts.buildType === NPM_CLI_PREGA_BUILD_TYPE;
  list.run('source', () => checkStatementSource(facts, options.sourceUri, delegator !== undefined || cliV02));
  list.run('subjects', () => {
    const tarball = options.artifacts;
    if (tarball.length !== 1) return fail('MISMATCH_HASH', `expected exactly one tarball, got ${tarball.length}`);
    const t = tarball[0]!;
    if (!t.digests.sha512 && !t.digests.sha256) return fail('INVALID_HASH', 'no tarball digest');
    if (!subjectMatches(provenance.subject, t)) return fail('MISMATCH_HASH', `provenance subject does not have the digest of ${t.name}`);
    if (publish && !subjectMatches(publish.subject, t)) return fail('MISMATCH_HASH', `publish attestation subject does not have the digest of ${t.name}`);
    return pass(`subjects name ${t.name}`);
  });
  list.run('certificate-consistency', () => checkCertificateConsistency(facts, identity));
  return list.finish(required, { statement: provenance, statements: verified, ...(facts.builderId ? { builderId: facts.builderId } : {}) });
}

/** The builder rule of npm packages (see slsa-verifier's npm tables). */
function checkNpmBuilder(facts: ProvenanceFacts, statement: InTotoStatement, delegator: CertificateBuilder | undefined, expected: string | undefined): CheckOutcome {
  if (!expected) return fail('INVALID_BUILDER_ID', 'an npm package needs --builder-id (https://github.com/actions/runner/github-hosted for npm CLI builds)');
  if (delegator) return checkStatementBuilder(facts, delegator, expected);
  const want = parseBuilderId(expected);
  if (!want || (want.name !== NPM_GITHUB_RUNNER && want.name !== NPM_GITHUB_RUNNER_SHORT)) {
    return fail('NOT_SUPPORTED', `builder ${expected} is not supported for npm CLI provenance`);
  }
  const got = facts.builderId === undefined ? undefined : parseBuilderId(facts.builderId);
  if (!got) return fail('INVALID_BUILDER_ID', 'provenance has no builder id');
  if (builderMatchesLoose(got, expected, false)) return pass(`builder ${facts.builderId}`);
  // SLSA v0.2 npm provenance wrote the short runner id for GitHub-hosted runners.
  const runnerIds = [NPM_GITHUB_RUNNER, NPM_GITHUB_RUNNER_SHORT];
  if (statement.predicateType === SLSA_PROVENANCE_V02 && runnerIds.includes(got.name) && runnerIds.includes(want.name)) {
    return pass(`builder ${facts.builderId} (GitHub-hosted runner)`);
  }
  // Pre-GA npm CLI provenance named the CLI (`https://github.com/npm/cli@9.2.0`) as its builder.
  // slsa-verifier rejects it; npm itself (pacote, `npm audit signatures`) never checks the builder
  // id. For npm CLI builds the id is written by the CLI inside the user's workflow and proves
  // nothing beyond the certificate, which is what binds the build to its repository and workflow
  // (checked as issuer, source-certificate and certificate-consistency). Accepted only for that
  // exact build type and form, in SLSA v0.2, when the runner id was asked for.
  if (
    statement.predicateType === SLSA_PROVENANCE_V02 &&
    facts.buildType === NPM_CLI_PREGA_BUILD_TYPE &&
    NPM_CLI_PREGA_BUILDER.test(facts.builderId ?? '') &&
    runnerIds.includes(want.name)
  ) {
    return pass(`builder ${facts.builderId} (pre-GA npm CLI provenance, build type ${NPM_CLI_PREGA_BUILD_TYPE})`);
  }
  return fail('INVALID_BUILDER_ID', `provenance builder ${facts.builderId} does not match ${expected}`);
}
