import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedPinDatabase, pinErrorExitCode } from '@slsa-kit/core/pins/embedded';
import { doubleFixturesFromPinDatabase, fakeSha, startGitHubApiDouble, type GitHubApiDouble } from '@slsa-kit/core/testing';
import { resolvePins } from './pins.js';

// The double answers what the database records, plus a checkout release newer than any recorded.
const NEWER = { tag: 'v99.0.0', sha: fakeSha('checkout v99.0.0') };
let double: GitHubApiDouble;
let cache: string;

beforeAll(async () => {
  const fixtures = doubleFixturesFromPinDatabase(embeddedPinDatabase);
  const checkout = fixtures.repos['actions/checkout']!;
  const repos = {
    ...fixtures.repos,
    'actions/checkout': {
      ...checkout,
      tags: { ...checkout.tags, [NEWER.tag]: NEWER.sha },
      releases: [{ tag: NEWER.tag, publishedAt: '2026-11-01T00:00:00Z' }, ...(checkout.releases ?? [])],
    },
  };
  double = await startGitHubApiDouble({ ...fixtures, repos });
  cache = await mkdtemp(path.join(tmpdir(), 'slsa-init-pins-'));
});
afterAll(async () => {
  await double?.close();
  await rm(cache, { recursive: true, force: true });
});

describe('resolvePins', () => {
  it('offline: the embedded database’s newest release, no network', async () => {
    const pins = await resolvePins(['actions/checkout'], false, { GITHUB_API_URL: 'http://127.0.0.1:9' });
    expect(pins.get('actions/checkout')).toEqual({ sha: embeddedPinDatabase.actions['actions/checkout']!.releases[0]!.sha, tag: embeddedPinDatabase.actions['actions/checkout']!.releases[0]!.tag, byTag: false });
  });

  it('--online: the newest release GitHub lists, resolved to its commit (Octokit against the double)', async () => {
    const env = { GITHUB_API_URL: double.url, XDG_CACHE_HOME: cache };
    const pins = await resolvePins(['actions/checkout', 'slsa-framework/slsa-github-generator'], true, env);
    expect(pins.get('actions/checkout')).toEqual({ sha: NEWER.sha, tag: NEWER.tag, byTag: false });
    // The generator stays referenced by its tag, online too.
    expect(pins.get('slsa-framework/slsa-github-generator')).toMatchObject({ tag: 'v2.1.0', byTag: true });
  });

  it('--online with GitHub unreachable fails with a pin error (exit 4), never a silent fallback', async () => {
    const error = await resolvePins(['actions/checkout'], true, { GITHUB_API_URL: 'http://127.0.0.1:9', XDG_CACHE_HOME: cache }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NETWORK_UNAVAILABLE' });
    expect(pinErrorExitCode(error)).toBe(4);
  });
});
