/**
 * Codes of verification findings (a failed check), modelled on slsa-verifier's sentinel errors
 * (`ErrorMismatchSource` → `MISMATCH_SOURCE`) so that its test tables can be compared code for code.
 */
export type FailureCode =
  | 'INVALID_FORMAT'
  | 'INVALID_SIGNATURE'
  | 'MISMATCH_SIGNATURE'
  | 'INVALID_REKOR_ENTRY'
  | 'INVALID_CERTIFICATE'
  | 'INVALID_TIMESTAMP'
  | 'INVALID_OIDC_ISSUER'
  | 'UNTRUSTED_SIGNER'
  | 'UNTRUSTED_REUSABLE_WORKFLOW'
  | 'INVALID_REF'
  | 'INVALID_BUILDER_ID'
  | 'MISMATCH_BUILDER_ID'
  | 'MISMATCH_SOURCE'
  | 'MISMATCH_BRANCH'
  | 'MISMATCH_TAG'
  | 'MISMATCH_VERSIONED_TAG'
  | 'MISMATCH_WORKFLOW_INPUTS'
  | 'MISMATCH_HASH'
  | 'INVALID_HASH'
  | 'INVALID_DSSE_PAYLOAD'
  | 'INVALID_ATTESTATIONS'
  | 'MISMATCH_PACKAGE_NAME'
  | 'MISMATCH_PACKAGE_VERSION'
  | 'MISMATCH_CERTIFICATE'
  | 'MALFORMED_URI'
  | 'NOT_SUPPORTED'
  | 'INTERNAL_ERROR';

/** Verdict of one check. `skipped` means not requested (no flag) or not reachable. */
export type CheckStatus = 'passed' | 'failed' | 'skipped';

/** One line of the verification report. */
export interface VerificationCheck {
  /** Stable id, e.g. `signature`, `source`, `subjects`. */
  readonly id: string;
  readonly status: CheckStatus;
  readonly message: string;
  /** Set when `status` is `failed`. */
  readonly code?: FailureCode;
  /** Index of the bundle the check ran on, when the provenance holds several. */
  readonly bundle?: number;
}

/** The outcome of a check function: findings are data, never exceptions. */
export type CheckOutcome =
  | { readonly status: 'passed' | 'skipped'; readonly message: string }
  | { readonly status: 'failed'; readonly message: string; readonly code: FailureCode };

/** Shorthand constructors for {@link CheckOutcome}. */
export const pass = (message: string): CheckOutcome => ({ status: 'passed', message });
export const skip = (message: string): CheckOutcome => ({ status: 'skipped', message });
export const fail = (code: FailureCode, message: string): CheckOutcome => ({ status: 'failed', code, message });

/** What `verify*` returns. `passed` is true only if no check failed and every required check passed. */
export interface VerificationResult {
  readonly passed: boolean;
  readonly checks: readonly VerificationCheck[];
  /** The first failure, in slsa-verifier's order of checks. */
  readonly reason?: string;
  readonly code?: FailureCode;
  /** The verified in-toto statement (of the first bundle), when signature verification succeeded. */
  readonly statement?: unknown;
  /** Every verified statement, one per bundle. */
  readonly statements?: readonly unknown[];
  /** The builder id that was verified, `name@ref`. */
  readonly builderId?: string;
  readonly warnings: readonly string[];
}
