import { SlsaKitError } from '../errors.js';

/**
 * Runs `fn` (sync or async) and returns the {@link SlsaKitError} it throws, failing when it throws
 * anything else or nothing. Tests then assert on `code`, never on message text:
 * `expect((await caught(() => f())).code).toBe('PIN_NOT_FOUND')`.
 */
export async function caught(fn: () => unknown): Promise<SlsaKitError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof SlsaKitError) return e;
    throw new Error(`expected a SlsaKitError, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, { cause: e });
  }
  throw new Error('expected a SlsaKitError, but nothing was thrown');
}

/** Synchronous form of {@link caught}. */
export function caughtSync(fn: () => unknown): SlsaKitError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SlsaKitError) return e;
    throw new Error(`expected a SlsaKitError, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, { cause: e });
  }
  throw new Error('expected a SlsaKitError, but nothing was thrown');
}

/**
 * A vitest/jest-style asymmetric matcher for coded errors:
 * `await expect(p).rejects.toEqual(errorWithCode('NETWORK_UNAVAILABLE'))`.
 */
export function errorWithCode(code: string): { asymmetricMatch(actual: unknown): boolean; toString(): string } {
  return {
    asymmetricMatch: (actual: unknown) => actual instanceof SlsaKitError && actual.code === code,
    toString: () => `SlsaKitError with code ${code}`,
  };
}
