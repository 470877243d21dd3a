import { BUNDLE_CHECKS, type BundlePolicy } from './bundle-pipeline.js';
import { CheckList } from './check-list.js';
import { fail } from './result.js';
import type { VerificationResult } from './result.js';
import { loadTrustMaterial } from './trust-root.js';
import { finishBundles, parseOrFail, TESTING_WARNING, verifyBundles, type VerifyCommonOptions } from './verify-artifact.js';

/** Inputs of {@link verifyGithubAttestation} (slsa-verifier `verify-github-attestation`). */
export interface VerifyGithubAttestationOptions extends VerifyCommonOptions {
  /**
   * A bundle, JSON Lines of bundles, GitHub's attestations API response or a PEP 740 document.
   * The signing workflow goes in `builderId` (`https://github.com/O/R/.github/workflows/W.yml[@ref]`)
   * and is required: any workflow of any repository can produce an attestation, so only the one
   * you name is trusted.
   */
  readonly provenance: string | Uint8Array;
}

/**
 * Verifies GitHub artifact attestations (actions/attest, attest-build-provenance; SLSA v1 with
 * the GitHub workflow build type). The certificate's workflow must match `builderId`, the
 * statement's builder id must equal the certificate's, and source, subjects and refs are checked
 * as for `verifyArtifact`.
 */
export async function verifyGithubAttestation(options: VerifyGithubAttestationOptions): Promise<VerificationResult> {
  const list = new CheckList();
  if (options.testing) list.warnings.push(TESTING_WARNING);
  const doc = parseOrFail(list, options.provenance);
  if (!doc) return list.finish(['format']);
  if (doc.kind !== 'sigstore-bundles' && doc.kind !== 'pep740') {
    list.add('format', fail('NOT_SUPPORTED', `a ${doc.kind} document is not a GitHub attestation`));
    return list.finish(['format']);
  }
  const policy: BundlePolicy = {
    sourceUri: options.sourceUri,
    trustedBuilders: [],
    testing: options.testing === true,
    mode: 'github-attestation',
    ...(options.builderId ? { builderId: options.builderId } : {}),
    ...(options.sourceBranch === undefined ? {} : { sourceBranch: options.sourceBranch }),
    ...(options.sourceTag === undefined ? {} : { sourceTag: options.sourceTag }),
    ...(options.sourceVersionedTag === undefined ? {} : { sourceVersionedTag: options.sourceVersionedTag }),
  };
  const trust = options.trust ?? loadTrustMaterial();
  const verdicts = verifyBundles(list, doc.bundles, options.artifacts, policy, trust);
  const optional = new Set(['branch', 'tag', 'versioned-tag', 'workflow-inputs', 'builder-ref']);
  return finishBundles(list, verdicts, [...BUNDLE_CHECKS.filter((c) => !optional.has(c)), 'artifacts', 'format']);
}
