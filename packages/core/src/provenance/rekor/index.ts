export { RekorError, isRekorVerdict, type RekorErrorCode } from './errors.js';
export { RekorClient, DEFAULT_REKOR_URL, DEFAULT_REKOR_TIMEOUT_MS, type RekorClientOptions } from './client.js';
export { createRekorLegacyPort } from './port.js';
export type { RekorLogEntry } from './entry.js';
