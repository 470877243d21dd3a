import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import type { X509Certificate } from '@sigstore/core';
import { PolicyError, toSignedEntity, VerificationError, Verifier, type TrustMaterial, type VerificationPolicy } from '@sigstore/verify';
import type { FailureCode } from './result.js';

/** What signature verification proved: the signed content and who signed it. */
export interface VerifiedSignature {
  readonly bundle: Bundle;
  /** The verified leaf certificate; absent for key-signed bundles (npm publish attestations). */
  readonly certificate?: X509Certificate;
  /** The key hint of a key-signed bundle. */
  readonly keyHint?: string;
  /** DSSE payload type and payload (authenticated by the signature over their PAE). */
  readonly payloadType?: string;
  readonly payload?: Buffer;
}

/** Result of {@link verifySignature}: findings are data. */
export type SignatureOutcome =
  | { readonly ok: true; readonly value: VerifiedSignature }
  | { readonly ok: false; readonly code: FailureCode; readonly message: string; readonly sigstoreCode?: string };

/** Options for {@link verifySignature}. */
export interface SignatureOptions {
  /** Artifact bytes, needed only for message-signature bundles. */
  readonly artifact?: Buffer;
  /** An identity policy handed to `@sigstore/verify` (SAN, issuer). */
  readonly policy?: VerificationPolicy;
  /** Verifier thresholds; default one tlog entry, one SCT, one timestamp. */
  readonly tlogThreshold?: number;
  readonly ctlogThreshold?: number;
}

const SIGSTORE_CODES: Record<string, FailureCode> = {
  SIGNATURE_ERROR: 'INVALID_SIGNATURE',
  PUBLIC_KEY_ERROR: 'INVALID_SIGNATURE',
  TLOG_BODY_ERROR: 'MISMATCH_SIGNATURE',
  TLOG_INCLUSION_PROOF_ERROR: 'INVALID_REKOR_ENTRY',
  TLOG_INCLUSION_PROMISE_ERROR: 'INVALID_REKOR_ENTRY',
  TLOG_MISSING_INCLUSION_ERROR: 'INVALID_REKOR_ENTRY',
  TLOG_ERROR: 'INVALID_REKOR_ENTRY',
  CERTIFICATE_ERROR: 'INVALID_CERTIFICATE',
  TIMESTAMP_ERROR: 'INVALID_TIMESTAMP',
  UNTRUSTED_SIGNER_ERROR: 'UNTRUSTED_SIGNER',
};

/**
 * Verifies a serialized Sigstore bundle (v0.1–v0.3) with `@sigstore/verify`: certificate chain to
 * a trusted Fulcio CA, SCT, transparency-log entry (inclusion proof or SET, body matching the
 * signature), signature over the DSSE PAE. Never throws: a malformed bundle is `INVALID_FORMAT`.
 */
export function verifySignature(json: unknown, trust: TrustMaterial, options: SignatureOptions = {}): SignatureOutcome {
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(json);
  } catch (e) {
    return { ok: false, code: 'INVALID_FORMAT', message: `not a valid Sigstore bundle: ${(e as Error).message}` };
  }
  const inconsistent = inclusionProofMismatch(bundle);
  if (inconsistent) return { ok: false, code: 'INVALID_REKOR_ENTRY', message: inconsistent };
  try {
    const entity = toSignedEntity(bundle, options.artifact);
    const verifier = new Verifier(trust, {
      tlogThreshold: options.tlogThreshold ?? 1,
      ctlogThreshold: options.ctlogThreshold ?? 1,
      timestampThreshold: 1,
    });
    verifier.verify(entity, options.policy);
    const content = bundle.content;
    const dsse = content.$case === 'dsseEnvelope' ? content.dsseEnvelope : undefined;
    return {
      ok: true,
      value: {
        bundle,
        ...(entity.key.$case === 'certificate' ? { certificate: entity.key.certificate } : { keyHint: entity.key.hint }),
        ...(dsse ? { payloadType: dsse.payloadType, payload: dsse.payload } : {}),
      },
    };
  } catch (e) {
    if (e instanceof VerificationError || e instanceof PolicyError) {
      return { ok: false, code: SIGSTORE_CODES[e.code] ?? 'INVALID_SIGNATURE', message: `${e.code}: ${e.message}`, sigstoreCode: e.code };
    }
    // Anything else (a malformed certificate, a bad key) is still a signature that did not verify.
    return { ok: false, code: 'INVALID_SIGNATURE', message: `signature verification failed: ${(e as Error).message}` };
  }
}

/**
 * `@sigstore/verify` checks an inclusion proof against the root and size inside the signed
 * checkpoint and never reads the bundle's own `rootHash` / `treeSize` copies. Fail closed on
 * anything unverified that disagrees: both copies must equal the checkpoint's.
 */
function inclusionProofMismatch(bundle: Bundle): string | undefined {
  for (const entry of bundle.verificationMaterial.tlogEntries) {
    const proof = entry.inclusionProof;
    if (!proof?.checkpoint) continue;
    const [, size, root] = proof.checkpoint.envelope.split('\n');
    if (size !== String(proof.treeSize)) return `inclusion proof tree size ${proof.treeSize} does not match its signed checkpoint (${size})`;
    if (root !== Buffer.from(proof.rootHash).toString('base64')) return 'inclusion proof root hash does not match its signed checkpoint';
  }
  return undefined;
}
