import type { TrustMaterial } from '@sigstore/verify';
import { checkBuilderIdentity, checkBuilderRef, checkIssuer, checkStatementBuilder, type CertificateBuilder } from './builder-policy.js';
import { readCertificateIdentity, type CertificateIdentity } from './certificate-identity.js';
import type { CheckList } from './check-list.js';
import { subjectMatches, type ArtifactInput } from './digest.js';
import { readProvenance } from './provenance-view.js';
import { fail, pass, skip } from './result.js';
import { verifySignature } from './signature.js';
import {
  checkBranch,
  checkCertificateConsistency,
  checkCertificateSource,
  checkStatementSource,
  checkTag,
  checkVersionedTag,
  checkWorkflowInputs,
} from './source-policy.js';
import { checkSlsaPredicate, parseStatement, type InTotoStatement } from './statement.js';

/** The policy one provenance bundle is verified against. */
export interface BundlePolicy {
  readonly sourceUri: string;
  readonly builderId?: string;
  /** Builder workflows trusted by default (without ref). */
  readonly trustedBuilders: readonly string[];
  readonly sourceBranch?: string;
  readonly sourceTag?: string;
  readonly sourceVersionedTag?: string;
  readonly workflowInputs?: Readonly<Record<string, string>>;
  /** slsa-verifier's SLSA_VERIFIER_TESTING: insecure, tests only. */
  readonly testing: boolean;
  /** `github-attestation`: the builder is the workflow the user names; its ref is not constrained. */
  readonly mode: 'artifact' | 'github-attestation';
}

/** Check ids of one bundle, in slsa-verifier's order (the first failure is the reported reason). */
export const BUNDLE_CHECKS = [
  'signature',
  'certificate',
  'issuer',
  'builder-identity',
  'builder-ref',
  'source-certificate',
  'statement',
  'builder-id',
  'source',
  'subjects',
  'branch',
  'tag',
  'versioned-tag',
  'workflow-inputs',
  'certificate-consistency',
] as const;

/** What a verified bundle contributes to the result. */
export interface BundleVerdict {
  readonly statement?: InTotoStatement;
  /** For each artifact, whether this bundle's subjects name it. */
  readonly matched: readonly boolean[];
  readonly builderId?: string;
}

/**
 * Runs every check of one Sigstore bundle and records them in `list`. Checks whose input is
 * missing because an earlier one failed are recorded as skipped (the failure is already there).
 */
export function verifyProvenanceBundle(
  list: CheckList,
  json: unknown,
  index: number | undefined,
  artifacts: readonly ArtifactInput[],
  policy: BundlePolicy,
  trust: TrustMaterial,
  singleBundle: boolean,
): BundleVerdict {
  const none: BundleVerdict = { matched: artifacts.map(() => false) };
  const rest = (from: string) => BUNDLE_CHECKS.slice(BUNDLE_CHECKS.indexOf(from as (typeof BUNDLE_CHECKS)[number]));
  const sig = verifySignature(json, trust);
  list.add('signature', sig.ok ? pass('Sigstore signature, certificate chain and transparency log entry verified') : fail(sig.code, sig.message), index);
  if (!sig.ok) {
    list.skipAll(rest('certificate'), 'signature did not verify', index);
    return none;
  }
  let identity: CertificateIdentity | undefined;
  list.run('certificate', () => {
    if (!sig.value.certificate) return fail('INVALID_CERTIFICATE', 'bundle is signed by a key, not a Fulcio certificate');
    identity = readCertificateIdentity(sig.value.certificate);
    if (identity.conflicts.length > 0) return fail('INVALID_CERTIFICATE', `certificate claims disagree: ${identity.conflicts.join('; ')}`);
    return pass(`certificate for ${identity.subjectAlternativeName ?? '(no SAN)'}`);
  }, index);
  if (!identity || list.checks.at(-1)?.status === 'failed') {
    list.skipAll(rest('issuer'), 'no usable certificate identity', index);
    return none;
  }
  const id = identity;
  list.run('issuer', () => checkIssuer(id), index);
  const trusted = policy.mode === 'github-attestation' ? (policy.builderId ? [policy.builderId.split('@')[0]!] : []) : policy.trustedBuilders;
  let builder: CertificateBuilder | undefined;
  list.run('builder-identity', () => {
    if (policy.mode === 'github-attestation' && !policy.builderId) {
      return fail('UNTRUSTED_REUSABLE_WORKFLOW', 'a GitHub attestation names no trusted builder by itself: pass --builder-id (the signing workflow)');
    }
    const r = checkBuilderIdentity(id, policy.builderId, trusted);
    builder = r.builder;
    return r.outcome;
  }, index);
  if (policy.mode === 'github-attestation') list.add('builder-ref', skip('the builder is the workflow named by --builder-id; its ref is not constrained'), index);
  else if (builder) list.run('builder-ref', () => checkBuilderRef(id, builder!, policy.testing), index);
  else list.add('builder-ref', skip('builder not trusted'), index);
  list.run('source-certificate', () => checkCertificateSource(id, policy.sourceUri), index);
  const parsed = parseStatement(sig.value.payloadType, sig.value.payload);
  const header = parsed.ok ? checkSlsaPredicate(parsed.statement) : parsed.outcome;
  list.add('statement', header, index);
  if (!parsed.ok || header.status === 'failed') {
    list.skipAll(rest('builder-id'), 'statement is not SLSA provenance', index);
    return none;
  }
  const statement = parsed.statement;
  const facts = readProvenance(statement);
  if (builder) list.run('builder-id', () => checkStatementBuilder(facts, builder!, policy.builderId), index);
  else list.add('builder-id', skip('builder not trusted'), index);
  list.run('source', () => checkStatementSource(facts, policy.sourceUri, builder?.delegator === true), index);
  const matched = artifacts.map((a) => subjectMatches(statement.subject, a));
  list.run('subjects', () => {
    const missing = artifacts.filter((_, i) => !matched[i]);
    const names = artifacts.filter((_, i) => matched[i]).map((a) => a.name);
    // With several bundles, each artifact needs one bundle (checked once, as `artifacts`).
    if (!singleBundle) return names.length > 0 ? pass(`subjects name ${names.join(', ')}`) : skip('this bundle names none of the artifacts');
    if (artifacts.length === 0) return fail('MISMATCH_HASH', 'no artifact to match');
    if (missing.length > 0) return fail('MISMATCH_HASH', `no subject has the digest of ${missing.map((a) => a.name).join(', ')}`);
    return pass(`subjects name ${names.join(', ')}`);
  }, index);
  list.run('branch', () => checkBranch(facts, policy.sourceBranch), index);
  list.run('tag', () => checkTag(facts, policy.sourceTag), index);
  list.run('versioned-tag', () => checkVersionedTag(facts, policy.sourceVersionedTag), index);
  list.run('workflow-inputs', () => checkWorkflowInputs(facts, policy.workflowInputs), index);
  list.run('certificate-consistency', () => checkCertificateConsistency(facts, id), index);
  return { statement, matched, ...(facts.builderId ? { builderId: facts.builderId } : {}) };
}
