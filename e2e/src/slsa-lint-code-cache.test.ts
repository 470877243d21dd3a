import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, SLSA_LINT } from './support/sample-project.js';

// slsa-lint runs its CommonJS bundle through a V8 code cache kept in the user's cache directory
// (apps/cli/src/launch/code-cache.ts). These runs use a cache directory of their own.
const dir = mkdtempSync(path.join(tmpdir(), 'slsa-lint-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = path.join(repoRoot, 'packages', 'generator', 'golden', 'python-slsa-generator-pypi.yml');
const BAD = path.join(dir, 'bad.yml');
writeFileSync(BAD, 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n        bogus: 1\n');

function lint(cacheHome: string, file: string, extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [SLSA_LINT, '--format', 'json', file], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', XDG_CACHE_HOME: cacheHome, ...extra },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cacheFiles = (cacheHome: string): string[] => {
  const d = path.join(cacheHome, 'slsa-kit', 'compile-cache');
  return existsSync(d) ? readdirSync(d).map((f) => path.join(d, f)) : [];
};

describe('slsa-lint compile cache', () => {
  it('is written by the first run and used by the next, with the same findings', () => {
    const home = path.join(dir, 'a');
    const first = lint(home, BAD);
    expect(first.code).toBe(1);
    expect(first.stderr).toBe('');
    const files = cacheFiles(home);
    expect(files.map((f) => path.basename(f))).toEqual([expect.stringMatching(/^slsa-lint\.cjs-[0-9a-f]{32}\.v8$/)]);
    expect(statSync(path.dirname(files[0]!)).mode & 0o777).toBe(0o700);
    const written = readFileSync(files[0]!);
    expect(written.length).toBeGreaterThan(100_000);

    const second = lint(home, BAD);
    expect(second).toEqual(first);
    expect(JSON.parse(second.stdout).results[0].diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['workflow-schema']);
    // Used, not rewritten.
    expect(readFileSync(files[0]!).equals(written)).toBe(true);
    expect(lint(home, GOOD).code).toBe(0);
  });

  it('replaces a cache V8 rejects and lints correctly meanwhile', () => {
    const home = path.join(dir, 'b');
    const reference = lint(home, BAD);
    const [file] = cacheFiles(home);
    writeFileSync(file!, Buffer.from('corrupt: not a V8 code cache'));
    const again = lint(home, BAD);
    expect(again).toEqual(reference);
    const rewritten = readFileSync(file!);
    expect(rewritten.toString('utf8', 0, 7)).not.toBe('corrupt');
    expect(lint(home, BAD)).toEqual(reference);
    expect(readFileSync(file!).equals(rewritten)).toBe(true);
  });

  it('is off with SLSA_KIT_NO_COMPILE_CACHE, and a cache directory that cannot be made is no error', () => {
    const home = path.join(dir, 'c');
    expect(lint(home, GOOD, { SLSA_KIT_NO_COMPILE_CACHE: '1' }).code).toBe(0);
    expect(existsSync(home)).toBe(false);

    const notADir = path.join(dir, 'file-not-dir');
    writeFileSync(notADir, '');
    const r = lint(notADir, BAD);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).results[0].diagnostics).toHaveLength(1);
  });
});
