import { SlsaKitError } from '../errors.js';

/**
 * Every code the pin service throws, with the process exit code a CLI should map it to
 * (DESIGN.md contracts: `2` usage or config error, `4` operational failure — network needed but
 * unavailable, I/O). Tests assert on these codes, never on message text.
 *
 * | code | when | exit |
 * |---|---|---|
 * | `PIN_INVALID_ACTION` | the action is not `owner/repo[/path]` | 2 |
 * | `PIN_UNKNOWN_ACTION` | offline, and the action is not in the embedded database (remedy: `--online`) | 4 |
 * | `PIN_UNKNOWN_REF` | offline, and the tag/branch is not in the embedded database (remedy: `--online`) | 4 |
 * | `PIN_OFFLINE_UNVERIFIABLE` | offline, and a commit's reachability cannot be decided (remedy: `--online`) | 4 |
 * | `PIN_REPO_NOT_FOUND` | online, GitHub answers 404 for the repository | 2 |
 * | `PIN_REF_NOT_FOUND` | online, no tag or branch of that name exists | 2 |
 * | `PIN_NO_RELEASE` | no (stable) release or version tag to pick the latest from | 2 |
 * | `PIN_UNRESOLVABLE_REF` | a tag chain that does not end at a commit, or is too deep | 4 |
 * | `PIN_DATABASE_INVALID` | the embedded or a given pin database is malformed | 4 |
 * | `NETWORK_UNAVAILABLE` | GitHub cannot be reached (DNS, refused, reset) after the retries | 4 |
 * | `GITHUB_TIMEOUT` | GitHub did not answer within the timeout, after the retries | 4 |
 * | `GITHUB_RATE_LIMITED` | rate limited and the wait is too long or the retries are used up | 4 |
 * | `GITHUB_SERVER_ERROR` | 5xx after the retries | 4 |
 * | `GITHUB_AUTH_FAILED` | 401, or a 403 that is not a rate limit (bad token, missing access) | 4 |
 * | `GITHUB_UNEXPECTED_RESPONSE` | any other status, or a body not shaped as GitHub documents it | 4 |
 */
export const PIN_ERROR_EXIT_CODES = {
  PIN_INVALID_ACTION: 2,
  PIN_UNKNOWN_ACTION: 4,
  PIN_UNKNOWN_REF: 4,
  PIN_OFFLINE_UNVERIFIABLE: 4,
  PIN_REPO_NOT_FOUND: 2,
  PIN_REF_NOT_FOUND: 2,
  PIN_NO_RELEASE: 2,
  PIN_UNRESOLVABLE_REF: 4,
  PIN_DATABASE_INVALID: 4,
  NETWORK_UNAVAILABLE: 4,
  GITHUB_TIMEOUT: 4,
  GITHUB_RATE_LIMITED: 4,
  GITHUB_SERVER_ERROR: 4,
  GITHUB_AUTH_FAILED: 4,
  GITHUB_UNEXPECTED_RESPONSE: 4,
} as const satisfies Record<string, 2 | 4>;

/** A code thrown by `src/pins`. */
export type PinErrorCode = keyof typeof PIN_ERROR_EXIT_CODES;

/** The error class of `src/pins`: a {@link SlsaKitError} whose code is a {@link PinErrorCode}. */
export type PinError = SlsaKitError<PinErrorCode>;

/** Creates a coded pin error. Messages name the remedy; they never contain a token. */
export function pinError(code: PinErrorCode, message: string, cause?: unknown): PinError {
  return new SlsaKitError(code, message, cause === undefined ? undefined : { cause });
}

/** True when `value` is an error thrown by `src/pins`. */
export function isPinError(value: unknown): value is PinError {
  return value instanceof SlsaKitError && Object.hasOwn(PIN_ERROR_EXIT_CODES, value.code);
}

/** The exit code for a pin error (`2` usage, `4` operational); `undefined` for anything else. */
export function pinErrorExitCode(error: unknown): 2 | 4 | undefined {
  return isPinError(error) ? PIN_ERROR_EXIT_CODES[error.code] : undefined;
}
