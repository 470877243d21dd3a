import path from 'node:path';
import type { TrustMaterial } from '@sigstore/verify';
import { builderMatchesLoose } from './builder-id.js';
import { certificateWorkflow, checkIssuer } from './builder-policy.js';
import { readCertificateIdentity, type CertificateIdentity } from './certificate-identity.js';
import { CheckList } from './check-list.js';
import type { ArtifactInput } from './digest.js';
import type { Pep740Publisher } from './formats/pep740.js';
import { branchFromRef, tagFromRef, versionedTagProblem } from './git-ref.js';
import { fail, pass, skip, type CheckOutcome, type VerificationResult } from './result.js';
import { verifySignature } from './signature.js';
import { checkCertificateSource } from './source-policy.js';
import { parseStatement, type InTotoStatement } from './statement.js';
import { loadTrustMaterial } from './trust-root.js';
import { parseOrFail, TESTING_WARNING, type VerifyCommonOptions } from './verify-artifact.js';
import { verifyGithubAttestation } from './verify-github-attestation.js';

/** PyPI's publish attestation predicate (PEP 740, https://docs.pypi.org/attestations/publish/v1). */
export const PYPI_PUBLISH_V1 = 'https://docs.pypi.org/attestations/publish/v1';

/** Inputs of {@link verifyPypiAttestation} (`verify-pypi-attestation`). */
export interface VerifyPypiAttestationOptions extends VerifyCommonOptions {
  /**
   * A PEP 740 attestation or provenance object (as PyPI serves it), or the same signature as a
   * Sigstore bundle. `builderId` is the Trusted Publisher workflow that signed
   * (`https://github.com/O/R/.github/workflows/release.yml[@ref]`) and is required.
   */
  readonly provenance: string | Uint8Array;
}

/** Check ids of one publish attestation, in order (the first failure is the reported reason). */
export const PYPI_PUBLISH_CHECKS = ['signature', 'certificate', 'issuer', 'source-certificate', 'signer-workflow', 'statement', 'subjects', 'publisher', 'branch', 'tag', 'versioned-tag'] as const;
const OPTIONAL = new Set(['branch', 'tag', 'versioned-tag', 'publisher']);

/**
 * Verifies a Python distribution against PEP 740 attestations. Attestations holding SLSA
 * provenance (actions/attest-build-provenance inside PEP 740) are verified as GitHub attestations;
 * publish attestations (`https://docs.pypi.org/attestations/publish/v1`, signed by the Trusted
 * Publisher workflow when it uploaded) by this policy, for every attestation:
 * - Sigstore signature, Fulcio chain, Rekor entry (`@sigstore/verify`, offline trust root);
 * - issuer `https://token.actions.githubusercontent.com` (GitHub Trusted Publishers only);
 * - the certificate's source repository (OID 1.3.6.1.4.1.57264.1.12) equals `--source-uri`;
 * - the signing workflow (certificate SAN) equals `--signer-workflow`/`--builder-id` (name, and
 *   ref when given);
 * - the statement's predicate is publish/v1 with exactly one subject whose name is the
 *   distribution's file name and whose sha256 is the file's;
 * - the publisher a provenance object names (GitHub kind) agrees with the certificate;
 * - `--source-tag`/`--source-versioned-tag`/`--source-branch` against the certificate's ref (1.14).
 */
export async function verifyPypiAttestation(options: VerifyPypiAttestationOptions): Promise<VerificationResult> {
  const list = new CheckList();
  if (options.testing) list.warnings.push(TESTING_WARNING);
  const doc = parseOrFail(list, options.provenance);
  if (!doc) return list.finish(['format']);
  if (doc.kind !== 'sigstore-bundles' && doc.kind !== 'pep740') {
    list.add('format', fail('NOT_SUPPORTED', `a ${doc.kind} document is not a PyPI attestation`));
    return list.finish(['format']);
  }
  // Routing only (unverified): SLSA provenance goes through the GitHub attestation policy. Either
  // way every signature is verified; a document mixing both kinds is refused.
  const kinds = doc.bundles.map(peekPredicateType);
  const publish = kinds.map((k) => k === PYPI_PUBLISH_V1);
  if (publish.every((p) => !p)) return verifyGithubAttestation(options);
  if (!publish.every(Boolean)) {
    list.add('format', fail('NOT_SUPPORTED', 'the document mixes publish attestations and other attestations; verify them separately'));
    return list.finish(['format']);
  }
  if (!options.builderId) {
    list.add('signer-workflow', fail('UNTRUSTED_REUSABLE_WORKFLOW', 'a PyPI publish attestation names no trusted signer by itself: pass --signer-workflow (the Trusted Publisher workflow)'));
    return list.finish(['format', 'signer-workflow']);
  }
  if (options.artifacts.length !== 1) {
    list.add('subjects', fail('MISMATCH_HASH', `expected exactly one distribution file, got ${options.artifacts.length}`));
    return list.finish(['format', 'subjects']);
  }
  const trust = options.trust ?? loadTrustMaterial();
  const publishers = doc.kind === 'pep740' ? doc.publishers : doc.bundles.map(() => undefined);
  const single = doc.bundles.length === 1;
  doc.bundles.forEach((b, i) => verifyPublishBundle(list, b, single ? undefined : i, options, publishers[i], trust));
  return list.finish([...PYPI_PUBLISH_CHECKS.filter((c) => !OPTIONAL.has(c)), 'format']);
}

function peekPredicateType(bundle: unknown): string | undefined {
  try {
    const env = (bundle as { dsseEnvelope?: { payload?: unknown } }).dsseEnvelope;
    if (typeof env?.payload !== 'string') return undefined;
    const st = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as { predicateType?: unknown };
    return typeof st.predicateType === 'string' ? st.predicateType : undefined;
  } catch {
    return undefined;
  }
}

function verifyPublishBundle(list: CheckList, json: unknown, index: number | undefined, options: VerifyPypiAttestationOptions, publisher: Pep740Publisher | undefined, trust: TrustMaterial): void {
  const rest = (from: (typeof PYPI_PUBLISH_CHECKS)[number]) => PYPI_PUBLISH_CHECKS.slice(PYPI_PUBLISH_CHECKS.indexOf(from));
  const sig = verifySignature(json, trust);
  list.add('signature', sig.ok ? pass('Sigstore signature, certificate chain and transparency log entry verified') : fail(sig.code, sig.message), index);
  if (!sig.ok) return list.skipAll(rest('certificate'), 'signature did not verify', index);
  let identity: CertificateIdentity | undefined;
  list.run('certificate', () => {
    if (!sig.value.certificate) return fail('INVALID_CERTIFICATE', 'attestation is signed by a key, not a Fulcio certificate');
    identity = readCertificateIdentity(sig.value.certificate);
    if (identity.conflicts.length > 0) return fail('INVALID_CERTIFICATE', `certificate claims disagree: ${identity.conflicts.join('; ')}`);
    return pass(`certificate for ${identity.subjectAlternativeName ?? '(no SAN)'}`);
  }, index);
  if (!identity || identity.conflicts.length > 0) return list.skipAll(rest('issuer'), 'no usable certificate identity', index);
  const id = identity;
  list.run('issuer', () => checkIssuer(id), index);
  list.run('source-certificate', () => checkCertificateSource(id, options.sourceUri), index);
  list.run('signer-workflow', () => checkSigner(id, options.builderId!), index);
  const parsed = parseStatement(sig.value.payloadType, sig.value.payload);
  const statement = parsed.ok ? parsed.statement : undefined;
  list.add('statement', !parsed.ok ? parsed.outcome
    : parsed.statement.predicateType !== PYPI_PUBLISH_V1 ? fail('INVALID_DSSE_PAYLOAD', `predicate type ${parsed.statement.predicateType} is not ${PYPI_PUBLISH_V1}`)
    : pass('in-toto statement with a PyPI publish predicate'), index);
  if (!statement || statement.predicateType !== PYPI_PUBLISH_V1) return list.skipAll(rest('subjects'), 'statement is unusable', index);
  list.run('subjects', () => checkDistribution(statement, options.artifacts[0]!), index);
  list.run('publisher', () => checkPublisher(publisher, id), index);
  const ref = id.sourceRepositoryRef;
  list.run('branch', () => (options.sourceBranch === undefined ? skip('no --source-branch given')
    : ref !== undefined && branchFromRef(ref) === options.sourceBranch ? pass(`branch ${options.sourceBranch}`)
    : fail('MISMATCH_BRANCH', `certificate ref is ${JSON.stringify(ref ?? null)}, expected branch ${options.sourceBranch}`)), index);
  list.run('tag', () => (options.sourceTag === undefined ? skip('no --source-tag given')
    : ref !== undefined && tagFromRef(ref) === options.sourceTag ? pass(`tag ${options.sourceTag}`)
    : fail('MISMATCH_TAG', `certificate ref is ${JSON.stringify(ref ?? null)}, expected tag ${options.sourceTag}`)), index);
  list.run('versioned-tag', () => {
    if (options.sourceVersionedTag === undefined) return skip('no --source-versioned-tag given');
    const tag = ref === undefined ? undefined : tagFromRef(ref);
    if (tag === undefined) return fail('MISMATCH_VERSIONED_TAG', `certificate ref ${JSON.stringify(ref ?? null)} is not a tag`);
    const problem = versionedTagProblem(tag, options.sourceVersionedTag);
    return problem ? fail('MISMATCH_VERSIONED_TAG', problem) : pass(`tag ${tag} matches ${options.sourceVersionedTag}`);
  }, index);
}

/** The signing workflow (SAN) must be the one named; `@ref` in the expectation pins the ref too. */
function checkSigner(identity: CertificateIdentity, expected: string): CheckOutcome {
  const wf = certificateWorkflow(identity);
  if (!wf) return fail('MALFORMED_URI', `certificate identity ${JSON.stringify(identity.subjectAlternativeName ?? null)} is not a GitHub workflow ref`);
  return builderMatchesLoose(wf, expected, true)
    ? pass(`signed by ${identity.subjectAlternativeName}`)
    : fail('UNTRUSTED_REUSABLE_WORKFLOW', `attestation signed by ${identity.subjectAlternativeName}, expected ${expected}`);
}

/** Exactly one subject: the distribution's file name and sha256. */
function checkDistribution(statement: InTotoStatement, artifact: ArtifactInput): CheckOutcome {
  if (statement.subject.length !== 1) return fail('INVALID_DSSE_PAYLOAD', `a publish attestation has one subject, found ${statement.subject.length}`);
  const subject = statement.subject[0]!;
  const want = artifact.digests.sha256;
  if (!want) return fail('INVALID_HASH', `no sha256 of ${artifact.name} (a PyPI attestation names the sha256)`);
  const fileName = path.basename(artifact.name);
  if (subject.name !== fileName) {
    return fail('MISMATCH_HASH', `subject is ${JSON.stringify(subject.name)}, not the distribution file ${JSON.stringify(fileName)} (pass the file itself, not --artifact-digest)`);
  }
  const have = subject.digest['sha256'];
  if (typeof have !== 'string' || have.toLowerCase() !== want) return fail('MISMATCH_HASH', `subject ${subject.name} does not have the sha256 of ${artifact.name}`);
  return pass(`subject ${subject.name} sha256 ${want}`);
}

/** A provenance object's publisher (when present) must agree with the certificate. */
function checkPublisher(publisher: Pep740Publisher | undefined, identity: CertificateIdentity): CheckOutcome {
  if (!publisher) return skip('no publisher listed (bare attestation)');
  if (publisher.kind !== 'GitHub') return fail('NOT_SUPPORTED', `publisher kind ${JSON.stringify(publisher.kind ?? null)} is not GitHub`);
  if (publisher.repository !== identity.sourceRepository) {
    return fail('MISMATCH_SOURCE', `publisher repository ${JSON.stringify(publisher.repository ?? null)} differs from the certificate's ${identity.sourceRepository}`);
  }
  const wf = certificateWorkflow(identity);
  if (!wf || publisher.workflow === undefined || !wf.name.endsWith(`/.github/workflows/${publisher.workflow}`)) {
    return fail('MISMATCH_CERTIFICATE', `publisher workflow ${JSON.stringify(publisher.workflow ?? null)} is not the certificate's ${identity.subjectAlternativeName}`);
  }
  return pass(`publisher ${publisher.repository} ${publisher.workflow}`);
}
