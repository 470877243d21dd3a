import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caught } from '../testing/error-code.js';
import { githubFaults, startGitHubApiDouble, type GitHubApiDouble } from '../testing/github-api-double.js';
import { doubleFixturesFromPinDatabase } from '../testing/github-api-double-from-pins.js';
import { PIN_SCENARIOS, SCENARIO_SHAS as S, fakeSha } from '../testing/github-api-double-scenarios.js';
import { pinDatabase } from './data/pin-database.js';
import { renderPinDatabaseModule } from './database.js';
import { GitHubPinResolver } from './github-resolver.js';
import { updatePinDatabase } from './update-database.js';

const NEW_CHECKOUT = fakeSha('checkout v7.0.2');
const MOVED_RELEASE = fakeSha('action-gh-release v3.0.2 re-tagged');

let double: GitHubApiDouble;
beforeAll(async () => {
  const { repos } = doubleFixturesFromPinDatabase(pinDatabase);
  const checkout = repos['actions/checkout']!;
  const release = repos['softprops/action-gh-release']!;
  double = await startGitHubApiDouble({
    repos: {
      ...repos,
      // A new release, with the moving major tag following it.
      'actions/checkout': {
        ...checkout,
        tags: { ...checkout.tags, 'v7.0.2': NEW_CHECKOUT, v7: NEW_CHECKOUT },
        releases: [{ tag: 'v7.0.2', publishedAt: '2026-11-30T00:00:00Z' }, ...(checkout.releases ?? [])],
      },
      // A recorded tag that now points elsewhere.
      'softprops/action-gh-release': { ...release, tags: { ...release.tags, 'v3.0.2': MOVED_RELEASE } },
      'acme/moving': PIN_SCENARIOS['acme/moving']!,
    },
  });
});
afterAll(() => double.close());

const resolver = (): GitHubPinResolver => new GitHubPinResolver({ baseUrl: double.url, retryDelayMs: 1 });

describe('updatePinDatabase', () => {
  it('records new releases and moved tags, verifies the rest, and keeps their dates', async () => {
    const { database, changes } = await updatePinDatabase(pinDatabase, { resolver: resolver(), today: '2026-12-01' });
    const unverified = Object.values(pinDatabase.actions).flatMap((a) => a.releases.filter((r) => !r.verified));
    const verifiedNow = changes.filter((line) => line.includes(': verified '));
    expect(verifiedNow).toHaveLength(unverified.length - 1);
    expect(verifiedNow).toContain('actions/upload-artifact@v7.0.1: verified 043fb46d1a93c77aae656e7c1c64a875d1fc6a0a');
    expect(changes.filter((line) => !verifiedNow.includes(line))).toEqual([
      `actions/checkout@v7.0.2: added ${NEW_CHECKOUT}`,
      `actions/checkout@v7: moving tag 3d3c42e5aac5ba805825da76410c181273ba90b1 → ${NEW_CHECKOUT}`,
      `softprops/action-gh-release@v3.0.2: 3d0d9888cb7fd7b750713d6e236d1fcb99157228 → ${MOVED_RELEASE}`,
    ]);
    const checkout = database.actions['actions/checkout']!;
    expect(checkout.releases[0]).toMatchObject({ tag: 'v7.0.2', sha: NEW_CHECKOUT, recordedAt: '2026-12-01', verified: true, source: 'github-api' });
    expect(checkout.releases[1]).toMatchObject({ tag: 'v7.0.1', recordedAt: '2026-11-26', verified: true });
    expect(checkout.releases.find((r) => r.tag === 'v6.0.3')).toMatchObject({ tagType: 'annotated', tagObjectSha: '9f698171ed81b15d1823a05fc7211befd50c8ae0' });
    expect(checkout.movingTags['v7']).toMatchObject({ sha: NEW_CHECKOUT, recordedAt: '2026-12-01' });
    expect(database.actions['actions/upload-artifact']!.releases.every((r) => r.verified)).toBe(true);
    expect(database.origin).toMatchObject({ seed: pinDatabase.origin.seed, updatedAt: '2026-12-01' });
    expect(database.actions['slsa-framework/slsa-github-generator']!.referenceByTag).toBe(true);
  });

  it('is a fixed point: a second refresh on another day changes no byte', async () => {
    const once = await updatePinDatabase(pinDatabase, { resolver: resolver(), today: '2026-12-01' });
    const twice = await updatePinDatabase(once.database, { resolver: resolver(), today: '2027-01-15' });
    expect(twice.changes).toEqual([]);
    expect(renderPinDatabaseModule(twice.database)).toBe(renderPinDatabaseModule(once.database));
  });

  it('adds an action with its newest releases and moving major tags', async () => {
    const { database } = await updatePinDatabase(pinDatabase, { resolver: resolver(), today: '2026-12-01', add: ['acme/moving'], newest: 2 });
    const added = database.actions['acme/moving']!;
    expect(added.releases.map((r) => r.tag)).toEqual(['v7.0.1', 'v7.0.0']);
    expect(added.movingTags).toEqual({ v7: { sha: S.m701, recordedAt: '2026-12-01', source: 'github-api', verified: true } });
  });

  it('fails as a whole, with the coded error, when GitHub fails', async () => {
    double.inject(githubFaults.serverError(500, /releases$/, Infinity));
    try {
      const e = await caught(() => updatePinDatabase(pinDatabase, { resolver: resolver(), today: '2026-12-01' }));
      expect(e.code).toBe('GITHUB_SERVER_ERROR');
    } finally {
      double.clearFaults();
    }
  });
});
