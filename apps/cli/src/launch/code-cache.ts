import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { writeFileAtomicSync } from '@slsa-kit/core/fs';

/** What happened to the code cache of one run. */
export type CodeCacheOutcome = 'used' | 'written' | 'rejected-and-rewritten' | 'off';

export interface CodeCacheOptions {
  /** Where cache files live (created on first write), or undefined to run without a cache. */
  readonly cacheDir: string | undefined;
  /** Exit hooks are registered here; tests pass their own emitter. */
  readonly onExit?: (write: () => void) => void;
}

/**
 * The cache file for `source`: named by a digest of the bundle's text, the Node version and the
 * V8 flags in effect, so an upgraded bundle or another Node never meets a stale cache (V8 checks
 * only the source length and its own version before trusting cached code).
 */
export function codeCacheFile(cacheDir: string, file: string, source: string, v8Flags: readonly string[]): string {
  const key = createHash('sha256')
    .update(source)
    .update(`\0${process.version}\0${process.arch}\0${v8Flags.join(' ')}`)
    .digest('hex')
    .slice(0, 32);
  return path.join(cacheDir, `${path.basename(file)}-${key}.v8`);
}

/**
 * Runs a CommonJS bundle in this process with a V8 code cache, as Node 22's
 * `module.enableCompileCache()` does (Node 20 has no such API): the first run compiles as usual
 * and, at exit, saves the bytecode of every function it ran; later runs deserialize it instead of
 * parsing and compiling ~1 MB of JavaScript. A missing, unreadable, rejected or unwritable cache
 * only costs speed; nothing is ever reported for it.
 */
export function runWithCodeCache(bundleFile: string, options: CodeCacheOptions, v8Flags: readonly string[] = []): CodeCacheOutcome {
  const file = path.resolve(bundleFile);
  const source = readFileSync(file, 'utf8');
  const cacheFile = options.cacheDir ? codeCacheFile(options.cacheDir, file, source, v8Flags) : undefined;
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  let outcome: CodeCacheOutcome = cacheFile ? 'used' : 'off';
  if (cacheFile && (!cachedData || script.cachedDataRejected === true)) {
    outcome = cachedData ? 'rejected-and-rewritten' : 'written';
    // At exit, so the cache holds the functions this run compiled lazily, not only the top level.
    (options.onExit ?? ((write) => process.once('exit', write)))(() => {
      try {
        mkdirSync(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
        writeFileAtomicSync(cacheFile, script.createCachedData());
      } catch {
        // A read-only home or a full disk: the next run compiles again.
      }
    });
  }
  const run = script.runInThisContext() as (e: object, r: NodeJS.Require, m: { exports: object }, f: string, d: string) => void;
  const module = { exports: {} };
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return outcome;
}
