export { parseActionName, type ActionRepo } from './action-name.js';
export { PIN_ERROR_EXIT_CODES, pinError, isPinError, pinErrorExitCode, type PinError, type PinErrorCode } from './codes.js';
export {
  validatePinDatabase,
  canonicalPinDatabase,
  renderPinDatabaseModule,
  parsePinDatabaseModule,
  type PinDatabase,
  type PinDatabaseAction,
  type PinRecord,
  type PinReleaseRecord,
} from './database.js';
export { pinDatabase as embeddedPinDatabase } from './data/pin-database.js';
export { DiskResponseCache, defaultCacheDir, type CachedResponse, type ResponseCache } from './disk-cache.js';
export { createGitHubFetch, type GitHubFetchOptions } from './github-fetch.js';
export type { GitHubClientOptions } from './github-client.js';
export { GitHubPinResolver, type GitHubPinResolverOptions } from './github-resolver.js';
export { OfflinePinResolver } from './offline-resolver.js';
export { PinService, createPinService, type Pin, type PinOptions, type PinServiceOptions } from './pin-service.js';
export { updatePinDatabase, type UpdatePinDatabaseOptions, type UpdatePinDatabaseResult } from './update-database.js';
export {
  parseVersionTag,
  isFullVersionTag,
  bestVersionTag,
  mostSpecificFirst,
  compareVersionsDescending,
  type VersionTag,
} from './version-tags.js';
export type { PinResolver, PinSource, Reachability, PinRefKind, ReleaseInfo, ReleaseQuery, ResolvedRef } from './types.js';
export { releaseTagForCommit, newestRecordedRelease } from './embedded.js';
