import { SlsaKitError } from '@slsa-kit/core';

/** Codes the lint command itself throws with; see `failure.ts` for their exit codes. */
export type LintCliErrorCode = 'usage' | 'no-inputs';

/** A bad flag or argument (exit 2). */
export function usageError(message: string): SlsaKitError<LintCliErrorCode> {
  return new SlsaKitError<LintCliErrorCode>('usage', message);
}

/** Nothing to lint (exit 3). */
export function noInputs(message: string): SlsaKitError<LintCliErrorCode> {
  return new SlsaKitError<LintCliErrorCode>('no-inputs', message);
}
