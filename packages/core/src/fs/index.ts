export { writeFileAtomic } from './atomic-write.js';
export { slsaKitCacheDir } from './cache-dir.js';
