import { SlsaKitError } from '../../errors.js';

/**
 * Codes of the Rekor lookup of a legacy envelope. `REKOR_UNAVAILABLE` is operational (network,
 * timeout, a server error, an unreadable response: exit 4); the others are verdicts about the
 * provenance — the log does not vouch for this envelope — and must fail verification.
 */
export type RekorErrorCode =
  /** Rekor could not be reached, timed out, answered with an error status or with unreadable data. */
  | 'REKOR_UNAVAILABLE'
  /** The log has no entry for this envelope's payload. */
  | 'REKOR_ENTRY_NOT_FOUND'
  /** The log has entries for the payload, but none records this signature and certificate. */
  | 'REKOR_ENTRY_MISMATCH'
  /** Several distinct entries record this envelope; the verifier refuses to choose. */
  | 'REKOR_ENTRY_AMBIGUOUS'
  /** The matching entry cannot be turned into a bundle (no signed entry timestamp, bad fields). */
  | 'REKOR_ENTRY_INVALID';

/** A failure of the Rekor lookup for a legacy envelope. */
export class RekorError extends SlsaKitError<RekorErrorCode> {
  override readonly name: string = 'RekorError';
}

/** True for a Rekor error that is a verdict (exit 1), false for an operational one (exit 4). */
export function isRekorVerdict(error: unknown): error is RekorError {
  return error instanceof RekorError && error.code !== 'REKOR_UNAVAILABLE';
}
