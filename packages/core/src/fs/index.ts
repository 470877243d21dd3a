export { writeFileAtomic, writeFileAtomicSync } from './atomic-write.js';
export { slsaKitCacheDir } from './cache-dir.js';
