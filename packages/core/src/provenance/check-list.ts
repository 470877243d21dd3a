import type { CheckOutcome, FailureCode, VerificationCheck, VerificationResult } from './result.js';
import { fail } from './result.js';

/**
 * Collects the checks of one verification. Every check body runs inside a guard: an exception is
 * a failed check (`INTERNAL_ERROR`), never a pass, because a verifier that crashes half-way must
 * not leave a verdict that looks clean.
 */
export class CheckList {
  readonly checks: VerificationCheck[] = [];
  readonly warnings: string[] = [];

  /** Runs `body` and records its outcome under `id`. */
  run(id: string, body: () => CheckOutcome, bundle?: number): CheckOutcome {
    let outcome: CheckOutcome;
    try {
      outcome = body();
    } catch (e) {
      outcome = fail('INTERNAL_ERROR', `check crashed: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.add(id, outcome, bundle);
    return outcome;
  }

  /** Records an outcome computed elsewhere. */
  add(id: string, outcome: CheckOutcome, bundle?: number): void {
    this.checks.push({
      id,
      status: outcome.status,
      message: outcome.message,
      ...(outcome.status === 'failed' ? { code: outcome.code } : {}),
      ...(bundle === undefined ? {} : { bundle }),
    });
  }

  /** Records checks that could not run because something they depend on failed. */
  skipAll(ids: readonly string[], why: string, bundle?: number): void {
    for (const id of ids) this.add(id, { status: 'skipped', message: why }, bundle);
  }

  /** True when any check has failed so far. */
  get failed(): boolean {
    return this.checks.some((c) => c.status === 'failed');
  }

  /**
   * The result. It passes only if no check failed AND every `required` id has at least one passed
   * record: an empty or truncated check list is a failure, not a vacuous pass.
   */
  finish(required: readonly string[], extra: Partial<VerificationResult> = {}): VerificationResult {
    const firstFailure = this.checks.find((c) => c.status === 'failed');
    const missing = required.filter((id) => !this.checks.some((c) => c.id === id && c.status === 'passed'));
    const passed = firstFailure === undefined && missing.length === 0 && this.checks.length > 0;
    let reason: string | undefined;
    let code: FailureCode | undefined;
    if (firstFailure) {
      reason = firstFailure.message;
      code = firstFailure.code;
    } else if (!passed) {
      reason = `required checks did not pass: ${missing.join(', ')}`;
      code = 'INTERNAL_ERROR';
    }
    return {
      ...extra,
      passed,
      checks: this.checks,
      warnings: this.warnings,
      ...(reason === undefined ? {} : { reason }),
      ...(code === undefined ? {} : { code }),
    };
  }
}
