/**
 * Operational failures (I/O, network, bad configuration) throw a coded error; findings never do.
 * Callers and tests branch on `code`, never on message text.
 */
export class SlsaKitError<C extends string = string> extends Error {
  override readonly name: string = 'SlsaKitError';
  readonly code: C;

  constructor(code: C, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** True when `value` is a {@link SlsaKitError}, optionally with the given code. */
export function isSlsaKitError<C extends string>(value: unknown, code?: C): value is SlsaKitError<C> {
  return value instanceof SlsaKitError && (code === undefined || value.code === code);
}
