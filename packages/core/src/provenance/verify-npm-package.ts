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
}

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
  const pair = selectNpmAttestations(doc.attestations);
  if (!('provenance' in pair)) {
    list.add('attestations', pair);
    list.skipAll(NPM_CHECKS.slice(1), 'attestations are unusable');
    return list.finish(REQUIRED);
  }
  list.add('attestations', pass('one provenance and one publish attestation'));
  return verifyPair(list, pair, options, options.trust ?? loadTrustMaterial());
}

function verifyPair(list: CheckList, pair: NpmAttestationPair, options: VerifyNpmPackageOptions, trust: TrustMaterial): VerificationResult {
  const prov = verifySignature(pair.provenance.bundle, trust);
  const pub = verifySignature(pair.publish.bundle, trust);
  list.add('signature', prov.ok ? pass('provenance signature verified') : fail('INVALID_SIGNATURE', `provenance: ${prov.message}`));
  list.add('publish-signature', pub.ok ? pass('publish attestation signed by the npm registry') : fail('INVALID_SIGNATURE', `publish attestation: ${pub.message}`));
  if (!prov.ok || !pub.ok) {
    list.skipAll(NPM_CHECKS.slice(3), 'a signature did not verify');
    return list.finish(REQUIRED);
  }
  const ps = parseStatement(prov.value.payloadType, prov.value.payload);
  const us = parseStatement(pub.value.payloadType, pub.value.payload);
  let statements: [InTotoStatement, InTotoStatement] | undefined;
  list.run('statement', () => {
    if (!ps.ok) return ps.outcome;
    if (!us.ok) return us.outcome;
    if (ps.statement.predicateType !== pair.provenance.predicateType || us.statement.predicateType !== pair.publish.predicateType) {
      return fail('INVALID_DSSE_PAYLOAD', 'a statement predicate type differs from the attestation list');
    }
    statements = [ps.statement, us.statement];
    return pass('in-toto provenance and publish statements');
  });
  if (!statements) {
    list.skipAll(NPM_CHECKS.slice(4), 'statements are unusable');
    return list.finish(REQUIRED);
  }
  const [provenance, publish] = statements;
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
    return list.finish(REQUIRED, { statement: provenance, statements });
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
  const cliV1 = facts.buildType === 'https://github.com/npm/cli/gha@v1';
  list.run('source', () => checkStatementSource(facts, options.sourceUri, delegator !== undefined || cliV1));
  list.run('subjects', () => {
    const tarball = options.artifacts;
    if (tarball.length !== 1) return fail('MISMATCH_HASH', `expected exactly one tarball, got ${tarball.length}`);
    const t = tarball[0]!;
    if (!t.digests.sha512 && !t.digests.sha256) return fail('INVALID_HASH', 'no tarball digest');
    if (!subjectMatches(provenance.subject, t)) return fail('MISMATCH_HASH', `provenance subject does not have the digest of ${t.name}`);
    if (!subjectMatches(publish.subject, t)) return fail('MISMATCH_HASH', `publish attestation subject does not have the digest of ${t.name}`);
    return pass(`subjects name ${t.name}`);
  });
  list.run('certificate-consistency', () => checkCertificateConsistency(facts, identity));
  return list.finish(REQUIRED, { statement: provenance, statements, ...(facts.builderId ? { builderId: facts.builderId } : {}) });
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
  return fail('INVALID_BUILDER_ID', `provenance builder ${facts.builderId} does not match ${expected}`);
}
