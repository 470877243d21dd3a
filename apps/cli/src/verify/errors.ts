import { SlsaKitError } from '@slsa-kit/core';

/** Codes the verify command itself throws with; see `failure.ts` for their exit codes. */
export type VerifyCliErrorCode = 'usage' | 'online-unavailable';

/** An operational or usage failure of the `slsa-verify` command, with an optional hint for the user. */
export class VerifyCliError extends SlsaKitError<VerifyCliErrorCode> {
  override readonly name: string = 'VerifyCliError';
  readonly hint: string | undefined;

  constructor(code: VerifyCliErrorCode, message: string, hint?: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.hint = hint;
  }
}

/** A bad, missing or conflicting flag or argument (exit 2). */
export function usageError(message: string, hint?: string, cause?: unknown): VerifyCliError {
  return new VerifyCliError('usage', message, hint, cause === undefined ? undefined : { cause });
}

/** `--online` was asked for, and this build cannot go online yet (exit 4). */
export function onlineUnavailable(message: string, hint?: string): VerifyCliError {
  return new VerifyCliError('online-unavailable', message, hint);
}
