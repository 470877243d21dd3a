import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDoubleProcess, type DoubleProcess } from './support/github-api-double-process.js';

// e2e drives the built bin against the GitHub REST API double, both as separate processes.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(repoRoot, 'apps', 'cli', 'bin', 'slsa-lint.js');
const TOKEN = 'ghp_e2eTokenThatMustNeverBePrinted';

let double: DoubleProcess;
let dir: string;

beforeAll(async () => {
  double = await startDoubleProcess(repoRoot);
});
afterAll(async () => {
  await double?.stop();
});
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'slsa-lint-online-e2e-'));
  mkdirSync(path.join(dir, '.git'));
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
});

/** Runs the bin asynchronously: the double answers from this process's event loop's neighbour. */
function slsaLint(args: string[], apiUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '', GITHUB_API_URL: apiUrl, GH_TOKEN: TOKEN, XDG_CACHE_HOME: path.join(dir, 'cache') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const USES = 'acme/impostor';
const put = (sha: string) =>
  writeFileSync(
    path.join(dir, '.github', 'workflows', 'release.yml'),
    `on: push\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${USES}@${sha}\n`,
  );
const SHA_COLUMN = 15 + USES.length + 1;

describe('slsa-lint --online (built bin, GitHub API double)', () => {
  it('is built', () => {
    expect(existsSync(path.join(repoRoot, 'apps', 'cli', 'dist', 'slsa-lint.js')), 'run npm run build first').toBe(true);
  });

  it('reports a commit that lives only in the fork network', async () => {
    put(double.shas['fork']!);
    const r = await slsaLint(['--online', '--format', 'json'], double.url);
    expect(r.code).toBe(1);
    const diagnostics = JSON.parse(r.stdout).results[0].diagnostics as { ruleId: string; line: number; column: number; severity: string }[];
    expect(diagnostics.filter((d) => d.ruleId === 'impostor-commit')).toMatchObject([{ line: 7, column: SHA_COLUMN, severity: 'error' }]);
    expect(r.stderr).toBe('');
  });

  it('a commit reachable from a branch or tag is clean', async () => {
    put(double.shas['c2']!);
    expect(await slsaLint(['--online'], double.url)).toMatchObject({ code: 0, stderr: '', stdout: 'no problems found in 1 file\n' });
  });

  it('GitHub unreachable: exit 4, one line and a hint, no stack trace, no token', async () => {
    put(double.shas['fork']!);
    // Port 1 on the loopback refuses connections.
    const r = await slsaLint(['--online'], 'http://127.0.0.1:1');
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^slsa-lint: GitHub cannot be reached[^\n]*\nhint: [^\n]*--online[^\n]*\n$/);
    expect(r.stderr).not.toContain(TOKEN);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
