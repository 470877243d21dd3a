import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTufDouble, type TufDouble } from '../testing/tuf-double.js';
import { PUBLIC_GOOD_TRUSTED_ROOT } from './data/public-good-trusted-root.js';
import { loadTrustMaterial } from './trust-root.js';
import { createTufTrustedRootPort } from './tuf.js';

let dir: string;
let double: TufDouble | undefined;
const TRUSTED_ROOT = JSON.stringify(PUBLIC_GOOD_TRUSTED_ROOT);

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'slsa-tuf-'));
});
afterEach(async () => {
  await double?.close();
  double = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function port(d: TufDouble) {
  const rootPath = path.join(dir, 'root.json');
  await writeFile(rootPath, d.rootJson);
  return createTufTrustedRootPort({ mirrorURL: d.url, rootPath, cachePath: path.join(dir, 'cache'), timeoutMs: 2_000 });
}

describe('createTufTrustedRootPort (tuf-js for real against a TUF double on 127.0.0.1)', () => {
  it('returns the trusted_root.json target after checking the metadata chain, and caches it', async () => {
    double = await startTufDouble([{ name: 'trusted_root.json', content: TRUSTED_ROOT }]);
    const json = await (await port(double)).fetchTrustedRoot();
    expect(() => loadTrustMaterial({ trustedRoot: json })).not.toThrow();
    const baseUrls = (root: unknown) => (root as { tlogs: Array<{ baseUrl: string }> }).tlogs.map((t) => t.baseUrl);
    expect(baseUrls(json)).toEqual(baseUrls(PUBLIC_GOOD_TRUSTED_ROOT));
    expect(double.requests).toEqual(expect.arrayContaining(['/timestamp.json', '/snapshot.json', '/targets.json']));
    expect(double.requests.some((p) => p.startsWith('/targets/') && p.endsWith('trusted_root.json'))).toBe(true);
  });

  it.each(['timestamp.json', 'snapshot.json', 'targets.json'] as const)('fails closed (TUF_REFRESH_FAILED) when %s is tampered', async (file) => {
    double = await startTufDouble([{ name: 'trusted_root.json', content: TRUSTED_ROOT }], { tamper: file });
    await expect((await port(double)).fetchTrustedRoot()).rejects.toMatchObject({ code: 'TUF_REFRESH_FAILED' });
  });

  it('fails closed when the repository is unreachable', async () => {
    const rootPath = path.join(dir, 'root.json');
    double = await startTufDouble([{ name: 'trusted_root.json', content: TRUSTED_ROOT }]);
    await writeFile(rootPath, double.rootJson);
    const url = double.url;
    await double.close();
    double = undefined;
    const p = createTufTrustedRootPort({ mirrorURL: url, rootPath, cachePath: path.join(dir, 'cache'), timeoutMs: 1_000 });
    await expect(p.fetchTrustedRoot()).rejects.toMatchObject({ code: 'TUF_REFRESH_FAILED' });
  });

  it('fails closed when the repository has no trusted_root.json target', async () => {
    double = await startTufDouble([{ name: 'other.json', content: '{}' }]);
    await expect((await port(double)).fetchTrustedRoot()).rejects.toMatchObject({ code: 'TUF_REFRESH_FAILED' });
  });
});
