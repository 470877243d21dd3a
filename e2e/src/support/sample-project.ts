import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (e2e/src/support → ../../..). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The built bins: e2e drives them as a user would and imports nothing from the packages. */
export const SLSA_INIT = path.join(repoRoot, 'apps', 'cli', 'bin', 'slsa-init.js');
export const SLSA_LINT = path.join(repoRoot, 'apps', 'cli', 'bin', 'slsa-lint.js');
/** Where slsa-init writes by default, relative to the project. */
export const RELEASE_YML = '.github/workflows/release.yml';

/** The sample projects in `e2e/fixtures/projects`, one per ecosystem slsa-init detects. */
export type SampleEcosystem = 'python' | 'node' | 'go' | 'generic';

const made = new Set<string>();

/** Removes every project {@link sampleProject} made in this test file (call it in `afterAll`). */
export function removeSampleProjects(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}

/**
 * A copy of a sample project in a new temp directory, made a GitHub checkout the way detection
 * reads one: `.git/config` with an `origin` remote (acme/widget) and `.git/HEAD` on `main`.
 */
export function sampleProject(ecosystem: SampleEcosystem): string {
  const dir = mkdtempSync(path.join(tmpdir(), `slsa-init-${ecosystem}-`));
  made.add(dir);
  cpSync(path.join(repoRoot, 'e2e', 'fixtures', 'projects', ecosystem), dir, { recursive: true });
  mkdirSync(path.join(dir, '.git'));
  writeFileSync(path.join(dir, '.git', 'config'), '[remote "origin"]\n\turl = git@github.com:acme/widget.git\n');
  writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  return dir;
}

/** The file names in the project's `.github/workflows`, sorted; `undefined` when the directory does not exist. */
export function workflowFiles(dir: string): string[] | undefined {
  const workflows = path.join(dir, '.github', 'workflows');
  return existsSync(workflows) ? readdirSync(workflows).sort() : undefined;
}

/** What a bin run ended with. */
export interface BinResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Only PATH: no CI, no colour settings, no token leaks into the bin from the test's environment. */
const binEnv = (): NodeJS.ProcessEnv => ({ PATH: process.env['PATH'] ?? '' });

/** Runs a bin with `cwd` as its working directory and stdin at /dev/null (no TTY anywhere). */
export function runBin(bin: string, args: readonly string[], cwd: string): BinResult {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: binEnv(), stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a bin with file descriptor 0 closed altogether (`slsa-init <&-`), not merely at EOF. */
export function runBinWithClosedStdin(bin: string, args: readonly string[], cwd: string): BinResult {
  const r = spawnSync('/bin/sh', ['-c', 'exec "$0" "$@" <&-', process.execPath, bin, ...args], { cwd, encoding: 'utf8', env: binEnv(), timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** {@link runBin} without blocking, so that independent runs can overlap (`it.concurrent`). */
export function runBinAsync(bin: string, args: readonly string[], cwd: string): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: binEnv(), stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs a bin with its stdin a pipe that stays open and never receives a byte, as in
 * `sleep 1000 | slsa-init`: a bin that waited for an answer would hang, so it is killed after
 * `timeoutMs` and the result says so (`code: null`, `timedOut: true`).
 */
export function runBinWithSilentStdin(bin: string, args: readonly string[], cwd: string, timeoutMs = 15_000): Promise<BinResult & { timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: binEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}
