import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeCacheFile, runWithCodeCache } from './code-cache.js';

describe('runWithCodeCache', () => {
  let dir: string;
  let bundle: string;
  let cacheDir: string;
  const results: unknown[] = [];
  // The bundle reports through a global: it runs as a script, not as a module of this test.
  const source = (n: number) =>
    `const helper = require('./helper.cjs');\nfunction work(x) { return helper.twice(x) + ${n}; }\nglobalThis.__codeCacheTest.push([work(20), __filename === ${JSON.stringify('FILE')}, typeof module.exports]);\n`;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'slsa-code-cache-'));
    bundle = path.join(dir, 'bundle.cjs');
    cacheDir = path.join(dir, 'cache', 'compile-cache');
    writeFileSync(path.join(dir, 'helper.cjs'), 'exports.twice = (x) => 2 * x;\n');
    writeFileSync(bundle, source(2).replace('FILE', bundle.replace(/\\/g, '\\\\')));
    results.length = 0;
    (globalThis as { __codeCacheTest?: unknown[] }).__codeCacheTest = results;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the bundle; the exit hook runs right away, as the process would at exit. */
  const run = () => runWithCodeCache(bundle, { cacheDir, onExit: (write) => write() });

  it('runs the file as CommonJS with its own require, __filename and module', () => {
    expect(runWithCodeCache(bundle, { cacheDir: undefined })).toBe('off');
    expect(results).toEqual([[42, true, 'object']]);
    expect(() => statSync(cacheDir)).toThrow();
  });

  it('writes the cache at exit, then uses it; the result is the same', () => {
    expect(run()).toBe('written');
    const files = readdirSync(cacheDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^bundle\.cjs-[0-9a-f]{32}\.v8$/);
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    expect(run()).toBe('used');
    expect(results).toEqual([
      [42, true, 'object'],
      [42, true, 'object'],
    ]);
  });

  it('names the cache by the bundle text, the Node version and the V8 flags', () => {
    const a = codeCacheFile(cacheDir, bundle, 'x', []);
    expect(codeCacheFile(cacheDir, bundle, 'y', [])).not.toBe(a);
    expect(codeCacheFile(cacheDir, bundle, 'x', ['--heap-growing-percent=50'])).not.toBe(a);
    expect(codeCacheFile(cacheDir, bundle, 'x', [])).toBe(a);
  });

  it('never runs stale code: a changed bundle of the same length gets a cache of its own', () => {
    run();
    writeFileSync(bundle, source(7).replace('FILE', bundle.replace(/\\/g, '\\\\')));
    expect(run()).toBe('written');
    expect(results.map((r) => (r as unknown[])[0])).toEqual([42, 47]);
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });

  // A cache V8 rejects (corrupt bytes, another V8) can only be shown in a fresh process: inside
  // this one, V8's own in-memory compilation cache answers before the cached data is looked at.
  // e2e/src/slsa-lint-code-cache.test.ts does it with the built bin.

  it('runs without complaint when the cache cannot be written', () => {
    const readOnly = path.join(dir, 'ro');
    writeFileSync(readOnly, '');
    chmodSync(readOnly, 0o400);
    // A file where the directory should be: mkdir fails, the run does not.
    expect(runWithCodeCache(bundle, { cacheDir: path.join(readOnly, 'cache'), onExit: (write) => write() })).toBe('written');
    expect(results).toEqual([[42, true, 'object']]);
  });
});
