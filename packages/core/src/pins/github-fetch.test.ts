import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caught } from '../testing/error-code.js';
import { githubFaults, startGitHubApiDouble, type DoubleFault, type GitHubApiDouble } from '../testing/github-api-double.js';
import { PIN_SCENARIOS, SCENARIO_SHAS as S } from '../testing/github-api-double-scenarios.js';
import { pinErrorExitCode } from './codes.js';
import { DiskResponseCache } from './disk-cache.js';
import { GitHubPinResolver, type GitHubPinResolverOptions } from './github-resolver.js';

const TOKEN = 'ghp_TopSecretTokenValue0123456789abcdef';
const REF = '/repos/acme/annotated/git/ref/tags/v2.0.0';

let double: GitHubApiDouble;
let cacheDir: string;
let sleeps: number[];
let logs: string[];

beforeEach(async () => {
  sleeps = [];
  logs = [];
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'slsa-kit-cache-'));
});
afterEach(async () => {
  await double?.close();
  await rm(cacheDir, { recursive: true, force: true });
});

async function start(...fs: DoubleFault[]): Promise<GitHubApiDouble> {
  double = await startGitHubApiDouble({ repos: PIN_SCENARIOS, faults: fs });
  return double;
}

function resolver(options: GitHubPinResolverOptions = {}): GitHubPinResolver {
  return new GitHubPinResolver({
    baseUrl: double.url,
    token: TOKEN,
    sleep: async (ms) => void sleeps.push(ms),
    log: (line) => logs.push(line),
    ...options,
  });
}

const hits = (p: string): number => double.requests.filter((r) => r.path === p).length;

describe('rate limits', () => {
  it('waits until x-ratelimit-reset after a primary rate limit (403), then succeeds', async () => {
    await start(githubFaults.rateLimited(2, REF));
    expect((await resolver().resolveRef('acme', 'annotated', 'v2.0.0')).sha).toBe(S.ann200);
    expect(hits(REF)).toBe(2);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(500);
    expect(sleeps[0]).toBeLessThanOrEqual(3500);
  });

  it('waits retry-after seconds after a secondary rate limit (429), then succeeds', async () => {
    await start(githubFaults.tooManyRequests(1, REF));
    expect((await resolver().resolveRef('acme', 'annotated', 'v2.0.0')).sha).toBe(S.ann200);
    expect(sleeps).toEqual([1000]);
  });

  it('fails at once with GITHUB_RATE_LIMITED (exit 4) when the wait is longer than allowed', async () => {
    await start(githubFaults.rateLimited(3600, REF));
    const e = await caught(() => resolver().resolveRef('acme', 'annotated', 'v2.0.0'));
    expect(e.code).toBe('GITHUB_RATE_LIMITED');
    expect(pinErrorExitCode(e)).toBe(4);
    expect(hits(REF)).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('gives up with GITHUB_RATE_LIMITED after the bounded retries', async () => {
    await start({ ...githubFaults.tooManyRequests(1, REF), times: Infinity });
    expect((await caught(() => resolver({ retries: 2 }).resolveRef('acme', 'annotated', 'v2.0.0'))).code).toBe('GITHUB_RATE_LIMITED');
    expect(hits(REF)).toBe(3);
  });
});

describe('server errors, timeouts and unreachable hosts', () => {
  it('retries a 5xx, then succeeds', async () => {
    await start(githubFaults.serverError(502, REF));
    expect((await resolver().resolveRef('acme', 'annotated', 'v2.0.0')).sha).toBe(S.ann200);
    expect(double.requests.filter((r) => r.path === REF).map((r) => r.status)).toEqual([502, 200]);
  });

  it('fails with GITHUB_SERVER_ERROR when 5xx persists past the retries', async () => {
    await start(githubFaults.serverError(503, REF, Infinity));
    expect((await caught(() => resolver({ retries: 2 }).resolveRef('acme', 'annotated', 'v2.0.0'))).code).toBe('GITHUB_SERVER_ERROR');
    expect(hits(REF)).toBe(3);
  });

  it('abandons an answer slower than the timeout and retries', async () => {
    await start(githubFaults.slow(5_000, REF));
    const started = Date.now();
    expect((await resolver({ timeoutMs: 200 }).resolveRef('acme', 'annotated', 'v2.0.0')).sha).toBe(S.ann200);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(hits(REF)).toBe(2);
  });

  it('fails with GITHUB_TIMEOUT (exit 4) when every attempt times out', async () => {
    await start(githubFaults.slow(5_000, REF, Infinity));
    const e = await caught(() => resolver({ timeoutMs: 100, retries: 1 }).resolveRef('acme', 'annotated', 'v2.0.0'));
    expect(e.code).toBe('GITHUB_TIMEOUT');
    expect(pinErrorExitCode(e)).toBe(4);
  });

  it('retries a dropped connection', async () => {
    await start({ path: REF, drop: true });
    expect((await resolver().resolveRef('acme', 'annotated', 'v2.0.0')).sha).toBe(S.ann200);
  });

  it('fails with NETWORK_UNAVAILABLE (exit 4) when nothing listens', async () => {
    await start();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const e = await caught(() => resolver({ baseUrl: `http://127.0.0.1:${port}` }).resolveRef('acme', 'annotated', 'v2.0.0'));
    expect(e.code).toBe('NETWORK_UNAVAILABLE');
    expect(pinErrorExitCode(e)).toBe(4);
  });

  it('maps 401 to GITHUB_AUTH_FAILED', async () => {
    await start({ path: REF, status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } });
    expect((await caught(() => resolver().resolveRef('acme', 'annotated', 'v2.0.0'))).code).toBe('GITHUB_AUTH_FAILED');
  });
});

describe('conditional requests and the disk cache', () => {
  it('revalidates with If-None-Match and serves 304s from the disk cache', async () => {
    await start();
    const cache = new DiskResponseCache(cacheDir);
    const first = await resolver({ cache }).resolveRef('acme', 'nested', 'v3.0.0');
    const firstCount = double.requests.length;
    expect(firstCount).toBeGreaterThan(0);
    expect(double.requests.every((r) => r.ifNoneMatch === undefined)).toBe(true);

    double.requests.length = 0;
    const second = await resolver({ cache, ttlMs: 0 }).resolveRef('acme', 'nested', 'v3.0.0');
    expect(second).toEqual(first);
    // The 404 for the branch of that name is not cached, so it is asked again without a validator.
    const conditional = double.requests.filter((r) => r.ifNoneMatch !== undefined);
    expect(conditional.length).toBe(firstCount - 1);
    expect(conditional.every((r) => r.status === 304)).toBe(true);
    expect(double.requests).toHaveLength(firstCount);
  });

  it('answers from the cache without a request while the TTL runs, and revalidates after it', async () => {
    await start();
    let now = Date.parse('2026-11-26T12:00:00Z');
    const options = { cache: new DiskResponseCache(cacheDir), ttlMs: 60_000, now: () => now };
    await resolver(options).versionTagsFor('acme', 'moving', S.m701);
    expect(double.requests).toHaveLength(1);
    await resolver(options).versionTagsFor('acme', 'moving', S.m701);
    expect(double.requests).toHaveLength(1);
    now += 61_000;
    expect(await resolver(options).versionTagsFor('acme', 'moving', S.m701)).toEqual(['v7.0.1', 'v7.0', 'v7']);
    expect(double.requests.map((r) => r.status)).toEqual([200, 304]);
  });

  it('replays paginated answers with their link header', async () => {
    await start();
    const cache = new DiskResponseCache(cacheDir);
    const first = await resolver({ cache, maxPages: 10 }).listReleases('acme', 'moving');
    double.requests.length = 0;
    expect(await resolver({ cache }).listReleases('acme', 'moving')).toEqual(first);
    expect(double.requests).toHaveLength(0);
  });
});

describe('bounded concurrency', () => {
  it('never has more requests in flight than allowed', async () => {
    await start(githubFaults.slow(40, undefined, Infinity));
    const r = resolver({ concurrency: 2 });
    await Promise.all(['v7.0.1', 'v7.0.0', 'v6.9.0', 'v7', 'v6', 'v7.0'].map((tag) => r.resolveRef('acme', 'moving', tag)));
    expect(double.requests.length).toBeGreaterThanOrEqual(12);
    expect(double.maxConcurrent).toBeLessThanOrEqual(2);
  });
});

describe('the token', () => {
  it('is sent to GitHub and never appears in the cache, the logs or an error', async () => {
    await start(githubFaults.serverError(500, /\/git\/ref\//, Infinity));
    const cache = new DiskResponseCache(cacheDir);
    const r = resolver({ cache, retries: 1 });
    await r.versionTagsFor('acme', 'moving', S.m701);
    await r.isReachable('acme', 'impostor', S.c2);
    const e = await caught(() => r.resolveRef('acme', 'moving', 'v7'));
    expect(e.code).toBe('GITHUB_SERVER_ERROR');
    expect(double.requests[0]!.authorization).toBe(`token ${TOKEN}`);

    const files = await readdir(cacheDir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(await readFile(path.join(cacheDir, f), 'utf8')).not.toContain(TOKEN);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain(TOKEN);
    expect(inspect(e, { depth: 10 })).not.toContain(TOKEN);
    expect(JSON.stringify(e)).not.toContain(TOKEN);
  });
});
