import { SlsaKitError } from '../errors.js';

/**
 * Codes of the operational failures of provenance verification. These are thrown; everything that
 * is a verdict about the provenance (bad signature, wrong source, …) is a failed check instead.
 */
export type ProvenanceErrorCode =
  /** A legacy bare DSSE envelope needs its Rekor entry, and the verifier runs offline. */
  | 'ONLINE_REQUIRED'
  /** An input file (artifact, provenance, trusted root) does not exist. */
  | 'FILE_NOT_FOUND'
  /** An input file exists but could not be read. */
  | 'IO_ERROR'
  /** The trusted root given with `--trusted-root` is not a usable Sigstore trusted root. */
  | 'TRUSTED_ROOT_INVALID'
  /** The provenance file is not JSON, is truncated, or has no recognisable format. */
  | 'PROVENANCE_MALFORMED'
  /** A caller error: a bad `ALG:HEX` digest, a bad `k=v` workflow input, no artifacts. */
  | 'INVALID_ARGUMENT'
  /** `--online` could not refresh the trusted root over TUF (network, or metadata that fails TUF's checks). */
  | 'TUF_REFRESH_FAILED';

/** An operational failure of provenance verification. */
export class ProvenanceError extends SlsaKitError<ProvenanceErrorCode> {
  override readonly name: string = 'ProvenanceError';
}
