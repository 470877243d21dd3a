import { ProvenanceError } from './errors.js';
import type { ProvenanceDocument } from './formats/detect.js';

/**
 * Online access for legacy `.intoto.jsonl` files (a bare DSSE envelope with a PEM certificate,
 * slsa-github-generator ≤ v2.0.0): the Rekor entry that proves when it was signed must be fetched
 * and turned into a Sigstore bundle. The implementation is `createRekorLegacyPort` (`rekor/port.ts`), used with `--online` (`--rekor-url`).
 */
export interface LegacyEnvelopePort {
  /** Returns one serialized Sigstore bundle per envelope, or throws a coded error. */
  toBundles(doc: Extract<ProvenanceDocument, { kind: 'legacy-dsse' }>): Promise<unknown[]>;
}

/**
 * Resolves legacy envelopes through the port, or throws `ONLINE_REQUIRED`: without the log entry
 * there is no trusted time for the short-lived certificate, so the envelope cannot be verified.
 */
export async function requireOnline(doc: Extract<ProvenanceDocument, { kind: 'legacy-dsse' }>, port: LegacyEnvelopePort | undefined): Promise<unknown[]> {
  if (!port) {
    throw new ProvenanceError(
      'ONLINE_REQUIRED',
      'this provenance is a legacy DSSE envelope (slsa-github-generator v2.0.0 or older): its certificate is short-lived and only its ' +
        'Rekor transparency-log entry proves the envelope was signed while the certificate was valid, and that entry is not in the file. ' +
        'Re-run with --online (needs network access to Rekor, https://rekor.sigstore.dev or --rekor-url URL), ' +
        'or use provenance from generator v2.1.0+ (a Sigstore bundle), which verifies offline.',
    );
  }
  return port.toBundles(doc);
}
