import { isSlsaKitError } from '@slsa-kit/core';
import { VerifyCliError } from './errors.js';

/** How the CLI reports an exception: a one-line message, an optional hint, and the exit code. */
export interface VerifyFailure {
  readonly exitCode: 1 | 2 | 3 | 4;
  readonly message: string;
  readonly hint?: string;
}

const REPORT = 'please report it at https://github.com/slsa-kit/slsa-kit/issues with the command you ran';

/**
 * Maps any thrown value to what the user sees (DESIGN.md exit codes). Coded errors are expected
 * failures; anything else is a bug in slsa-verify: exit 4, "internal error", never a stack trace
 * and never PASSED.
 */
export function describeVerifyFailure(error: unknown): VerifyFailure {
  if (error instanceof VerifyCliError) {
    const exitCode = error.code === 'usage' ? 2 : 4;
    return { exitCode, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  }
  if (isSlsaKitError(error)) {
    switch (error.code) {
      case 'INVALID_ARGUMENT':
      case 'TRUSTED_ROOT_INVALID':
        return { exitCode: 2, message: error.message, hint: 'run `slsa-verify COMMAND --help` for usage' };
      case 'FILE_NOT_FOUND':
        return { exitCode: 3, message: `no inputs found: ${error.message}`, hint: 'check the path; for an artifact hashed elsewhere use --artifact-digest sha256:HEX' };
      case 'PROVENANCE_MALFORMED':
        // A verdict about the input, not an operational failure: fail like any bad provenance.
        return { exitCode: 1, message: `FAILED: ${error.message}` };
      case 'ONLINE_REQUIRED':
        return {
          exitCode: 4,
          message: error.message,
          hint: 're-run with --online: slsa-verify then fetches the Rekor log entry of the envelope (network access to https://rekor.sigstore.dev, or --rekor-url URL for another instance)',
        };
      case 'REKOR_UNAVAILABLE':
        return { exitCode: 4, message: error.message, hint: 'check the network access to Rekor (or --rekor-url) and retry; legacy envelopes cannot be verified without their log entry' };
      case 'TUF_REFRESH_FAILED':
        return {
          exitCode: 4,
          message: error.message,
          hint: 'check the network access to the TUF repository (or --tuf-url) and retry; offline (without --online) the embedded trusted root is used',
        };
      case 'IO_ERROR':
        return { exitCode: 4, message: error.message };
      default:
        return { exitCode: 4, message: error.message };
    }
  }
  const text = error instanceof Error ? error.message : String(error);
  return { exitCode: 4, message: `internal error: ${text}`, hint: REPORT };
}
