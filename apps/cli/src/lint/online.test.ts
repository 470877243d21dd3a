import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EMPTY_CONFIG } from '@slsa-kit/linter';
import { PIN_SCENARIOS, SCENARIO_SHAS as S, caught, startGitHubApiDouble, type GitHubApiDouble } from '@slsa-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFailure } from './failure.js';
import { commitsToCheck, onlineServices } from './online.js';

let double: GitHubApiDouble;
let dir: string;
beforeAll(async () => {
  double = await startGitHubApiDouble({ repos: PIN_SCENARIOS });
  dir = await mkdtemp(path.join(tmpdir(), 'slsa-lint-online-'));
});
afterAll(() => double.close());

const steps = (...uses: string[]) => `on: push\njobs:\n  build:\n    runs-on: x\n    steps:\n${uses.map((u) => `      - uses: ${u}\n`).join('')}`;
async function file(name: string, text: string): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, text);
  return p;
}
const setup = (env: Record<string, string>) => ({ env, config: EMPTY_CONFIG, pinOptions: { cacheDir: false as const, retries: 0, retryDelayMs: 1 } });

describe('commitsToCheck', () => {
  it('collects each full-SHA uses once, lowercased, and nothing else', async () => {
    const a = await file('a.yml', steps(`Acme/Impostor@${S.fork.toUpperCase()}`, 'acme/impostor@v1.0.0', './local', `acme/impostor/sub@${S.fork}`, `docker://x@sha256:${'0'.repeat(64)}`));
    const b = await file('b.yml', steps(`acme/impostor@${S.c2}`, `acme/x@${S.fork.slice(0, 7)}`));
    const broken = await file('broken.yml', 'on: [');
    expect(await commitsToCheck([a, b, broken, path.join(dir, 'missing.yml')], EMPTY_CONFIG)).toEqual([
      { repo: 'acme/impostor', sha: S.fork },
      { repo: 'acme/impostor', sha: S.c2 },
    ]);
  });

  it('skips files the configuration ignores', async () => {
    const a = await file('ignored.yml', steps(`acme/impostor@${S.fork}`));
    expect(await commitsToCheck([a], { ...EMPTY_CONFIG, baseDir: dir, ignore: ['ignored.yml'] })).toEqual([]);
  });
});

describe('onlineServices against the GitHub API double', () => {
  it('answers reachable, impostor, or unknown for a repository GitHub does not know', async () => {
    const f = await file('w.yml', steps(...[S.c2, S.r1, S.fork, S.orphan].map((s) => `acme/impostor@${s}`), `nobody/nothing@${S.c1}`));
    const before = double.requests.length;
    const services = await onlineServices([f], setup({ GITHUB_API_URL: double.url, GH_TOKEN: 'secret-token' }));
    const ask = (repo: string, sha: string) => services.reachability!(repo, sha);
    expect([S.c2, S.r1, S.fork, S.orphan].map((s) => ask('acme/impostor', s))).toEqual(['reachable', 'reachable', 'impostor', 'impostor']);
    expect(ask('nobody/nothing', S.c1)).toBe('unknown');
    expect(ask('acme/impostor', S.c3), 'not asked before linting').toBe('unknown');
    expect(double.requests.length).toBeGreaterThan(before);
    expect(double.maxConcurrent).toBeLessThanOrEqual(4);
    expect(double.requests.slice(before).every((r) => r.authorization === 'token secret-token')).toBe(true);
  });

  it('asks nothing when no uses is pinned to a SHA', async () => {
    const f = await file('tags.yml', steps('acme/impostor@v1.0.0'));
    const before = double.requests.length;
    const services = await onlineServices([f], setup({ GITHUB_API_URL: double.url }));
    expect(services.reachability!('acme/impostor', S.fork)).toBe('unknown');
    expect(double.requests.length).toBe(before);
  });

  it('GitHub unreachable: a NETWORK_UNAVAILABLE pin error, which the CLI maps to exit 4 with a hint', async () => {
    const f = await file('down.yml', steps(`acme/impostor@${S.fork}`));
    const error = await caught(() => onlineServices([f], setup({ GITHUB_API_URL: 'http://127.0.0.1:1' })));
    expect(error).toMatchObject({ code: 'NETWORK_UNAVAILABLE' });
    const failure = describeFailure(error);
    expect(failure.exitCode).toBe(4);
    expect(failure.hint).toContain('--online');
  });

  it('a rejected token is exit 4 and the message never shows the token', async () => {
    double.inject({ status: 401, times: Infinity, body: { message: 'Bad credentials' } });
    try {
      const f = await file('auth.yml', steps(`acme/impostor@${S.fork}`));
      const error = await caught(() => onlineServices([f], setup({ GITHUB_API_URL: double.url, GITHUB_TOKEN: 'ghp_supersecret' })));
      expect(error).toMatchObject({ code: 'GITHUB_AUTH_FAILED' });
      const failure = describeFailure(error);
      expect(failure.exitCode).toBe(4);
      expect(`${failure.message} ${failure.hint}`).not.toContain('ghp_supersecret');
    } finally {
      double.clearFaults();
    }
  });
});
