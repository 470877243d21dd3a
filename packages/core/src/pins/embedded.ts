import { pinDatabase } from './data/pin-database.js';
import type { PinDatabase } from './database.js';

/**
 * The light entry to the pin database (`@slsa-kit/core/pins/embedded`): synchronous, offline
 * look-ups over the embedded data, without loading Octokit. The linter's start-up depends on it.
 */
export { pinDatabase as embeddedPinDatabase };
// The error codes and their exit codes are light too: CLIs map failures without loading Octokit.
export { isPinError, pinErrorExitCode, PIN_ERROR_EXIT_CODES, type PinErrorCode } from './codes.js';

/** The release tag (`vX.Y.Z`) recorded for `sha` of `owner/repo`, when the database has one. */
export function releaseTagForCommit(action: string, sha: string, db: PinDatabase = pinDatabase): string | undefined {
  const entry = db.actions[action.toLowerCase()];
  const wanted = sha.toLowerCase();
  return entry?.releases.find((r) => r.sha === wanted)?.tag;
}

/** The newest recorded release tag of `owner/repo` (releases are stored newest first by semver). */
export function newestRecordedRelease(action: string, db: PinDatabase = pinDatabase): string | undefined {
  return db.actions[action.toLowerCase()]?.releases[0]?.tag;
}
