import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PIN_SCENARIOS, SCENARIO_SHAS as S, startGitHubApiDouble, type GitHubApiDouble } from '@slsa-kit/core/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from './run.js';

let double: GitHubApiDouble;
let repo: string;
const home = process.cwd();
beforeAll(async () => {
  double = await startGitHubApiDouble({ repos: PIN_SCENARIOS });
});
afterAll(() => double.close());
beforeEach(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'slsa-lint-cli-online-'));
  await mkdir(path.join(repo, '.git'));
  await mkdir(path.join(repo, '.github', 'workflows'), { recursive: true });
  process.chdir(repo);
});
afterEach(() => process.chdir(home));

const steps = (sha: string) => `on: push\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: acme/impostor@${sha}\n`;

async function run(argv: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env });
  return { code, stdout, stderr };
}

describe('slsa-lint --online', () => {
  const env = () => ({ GITHUB_API_URL: double.url, XDG_CACHE_HOME: path.join(repo, 'cache'), GH_TOKEN: 'ghp_notprinted' });

  it('reports a commit that only exists in the fork network, at the SHA', async () => {
    await writeFile(path.join(repo, '.github', 'workflows', 'r.yml'), steps(S.fork));
    const r = await run(['--online', '--format', 'json'], env());
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout).results[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'impostor-commit');
    expect(found).toMatchObject([{ line: 7, column: 29, severity: 'error' }]);
  });

  it('a reachable commit is clean, and offline the rule does not run', async () => {
    await writeFile(path.join(repo, '.github', 'workflows', 'r.yml'), steps(S.c2));
    expect(await run(['--online'], env())).toMatchObject({ code: 0, stderr: '' });
    await writeFile(path.join(repo, '.github', 'workflows', 'r.yml'), steps(S.fork));
    const before = double.requests.length;
    expect((await run([], env())).code).toBe(0);
    expect(double.requests.length).toBe(before);
  });

  it('the rule switched off in the configuration costs no request', async () => {
    await writeFile(path.join(repo, '.github', 'workflows', 'r.yml'), steps(S.fork));
    await writeFile(path.join(repo, '.slsa-lint.yml'), 'rules:\n  impostor-commit: off\n');
    const before = double.requests.length;
    expect((await run(['--online'], env())).code).toBe(0);
    expect(double.requests.length).toBe(before);
  });

  it('GitHub failing is exit 4 with one line and a hint, no stack, no token', async () => {
    await writeFile(path.join(repo, '.github', 'workflows', 'r.yml'), steps(S.fork));
    double.inject({ status: 401, times: Infinity, body: { message: 'Bad credentials' } });
    try {
      const r = await run(['--online'], env());
      expect(r.code).toBe(4);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^slsa-lint: [^\n]+\nhint: [^\n]+\n$/);
      expect(r.stderr).not.toContain('ghp_notprinted');
    } finally {
      double.clearFaults();
    }
  });
});
