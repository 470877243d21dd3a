import path from 'node:path';
import v8 from 'node:v8';
import { slsaKitCacheDir } from '@slsa-kit/core/fs';
import { runWithCodeCache, type CodeCacheOutcome } from './code-cache.js';

/**
 * V8 heap tuning for slsa-lint, set before the bundle loads. A lint run allocates ~1 MB a file
 * (mostly the YAML parser) and keeps little; by default V8 lets the young generation grow to 32 MB
 * and the old one to several times what is live, so a run over 1,500 workflows peaked near 160 MB.
 * Keeping the young generation at its start-up size and collecting the old one sooner bounds that
 * (`npm run bench` measures both the memory and the time it costs). Both flags only steer when the
 * garbage collector runs; they never change what the program computes.
 */
export const LINT_V8_FLAGS: readonly string[] = ['--semi-space-growth-factor=1', '--heap-growing-percent=50'];

/**
 * The Node majors whose V8 is known to have both flags. V8 prints "unrecognized flag" on stderr for
 * a flag it does not know, which a later V8 may drop; elsewhere the defaults stay.
 */
const TUNED_NODE_MAJORS = new Set([20, 22, 24]);

/** The environment variable that turns the compile cache off (for measuring, or a read-only home). */
export const NO_COMPILE_CACHE_ENV = 'SLSA_KIT_NO_COMPILE_CACHE';

/** Runs `slsa-lint.cjs` from `bundleDir` with the heap tuning and the compile cache. */
export function launchLint(bundleDir: string, env: NodeJS.ProcessEnv = process.env): CodeCacheOutcome {
  const flags = TUNED_NODE_MAJORS.has(Number(process.versions.node.split('.')[0])) ? LINT_V8_FLAGS : [];
  for (const flag of flags) v8.setFlagsFromString(flag);
  const cacheDir = env[NO_COMPILE_CACHE_ENV] ? undefined : slsaKitCacheDir('compile-cache', env);
  return runWithCodeCache(path.join(bundleDir, 'slsa-lint.cjs'), { cacheDir }, flags);
}
