import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caught } from '../testing/error-code.js';
import { startGitHubApiDouble, type GitHubApiDouble } from '../testing/github-api-double.js';
import { doubleFixturesFromPinDatabase } from '../testing/github-api-double-from-pins.js';
import { pinErrorExitCode } from './codes.js';
import { pinDatabase } from './data/pin-database.js';
import { defaultCacheDir } from './disk-cache.js';
import { createPinService } from './pin-service.js';

let double: GitHubApiDouble;
let ghes: GitHubApiDouble;
let xdg: string;
beforeAll(async () => {
  const fixtures = doubleFixturesFromPinDatabase(pinDatabase);
  double = await startGitHubApiDouble(fixtures);
  ghes = await startGitHubApiDouble(fixtures, { pathPrefix: '/api/v3' });
  xdg = await mkdtemp(path.join(os.tmpdir(), 'slsa-kit-xdg-'));
});
afterAll(async () => {
  await double.close();
  await ghes.close();
  await rm(xdg, { recursive: true, force: true });
});

const fast = { retryDelayMs: 1, sleep: async () => undefined };

describe('createPinService', () => {
  it('is offline by default and never touches the network', async () => {
    const service = createPinService({ env: { GITHUB_API_URL: 'http://127.0.0.1:9' } });
    expect(service.online).toBe(false);
    expect(await service.pin('actions/setup-go', 'v7')).toMatchObject({ sha: 'b7ad1dad31e06c5925ef5d2fc7ad053ef454303e', tag: 'v7.0.0', source: 'embedded' });
  });

  it('goes online when asked, at GITHUB_API_URL, with GH_TOKEN before GITHUB_TOKEN', async () => {
    const service = createPinService({
      online: true,
      cacheDir: false,
      env: { GITHUB_API_URL: double.url, GH_TOKEN: 'gh-token-value', GITHUB_TOKEN: 'github-token-value' },
    });
    expect(service.online).toBe(true);
    expect(await service.pin('actions/checkout', 'v7')).toMatchObject({ sha: '3d3c42e5aac5ba805825da76410c181273ba90b1', tag: 'v7.0.1', source: 'github' });
    expect(double.requests.at(-1)!.authorization).toBe('token gh-token-value');
    await createPinService({ online: true, cacheDir: false, env: { GITHUB_API_URL: double.url, GITHUB_TOKEN: 'github-token-value' } }).pin('actions/checkout', 'v7.0.1');
    expect(double.requests.at(-1)!.authorization).toBe('token github-token-value');
  });

  it('reaches GitHub Enterprise through its /api/v3 prefix', async () => {
    const service = createPinService({ online: true, cacheDir: false, env: { GITHUB_API_URL: ghes.url } });
    expect((await service.pin('pypa/gh-action-pypi-publish', 'v1.14.2')).sha).toBe('dc37677b2e1c63e2034f94d8a5b11f265b73ba33');
    expect(ghes.requests.length).toBeGreaterThan(0);
  });

  it('keeps what the embedded database knows online: the generator is referenced by tag', async () => {
    const service = createPinService({ online: true, cacheDir: false, env: { GITHUB_API_URL: double.url } });
    expect(await service.pin('slsa-framework/slsa-github-generator')).toMatchObject({ tag: 'v2.1.0', referenceByTag: true, source: 'github' });
  });

  it('caches in $XDG_CACHE_HOME/slsa-kit/github by default', async () => {
    const env = { GITHUB_API_URL: double.url, XDG_CACHE_HOME: xdg };
    expect(defaultCacheDir(env)).toBe(path.join(xdg, 'slsa-kit', 'github'));
    await createPinService({ online: true, env }).pin('actions/attest', 'v4.2.2');
    expect((await readdir(path.join(xdg, 'slsa-kit', 'github'))).length).toBeGreaterThan(0);
    expect(defaultCacheDir({}, '/home/me')).toBe(path.join('/home/me', '.cache', 'slsa-kit', 'github'));
  });

  it('fails with NETWORK_UNAVAILABLE, exit 4, when online but GitHub cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const service = createPinService({ ...fast, online: true, cacheDir: false, env: { GITHUB_API_URL: `http://127.0.0.1:${port}` } });
    const e = await caught(() => service.pin('actions/checkout', 'v7'));
    expect(e.code).toBe('NETWORK_UNAVAILABLE');
    expect(pinErrorExitCode(e)).toBe(4);
  });
});
