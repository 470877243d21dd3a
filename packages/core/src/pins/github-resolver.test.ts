import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caught } from '../testing/error-code.js';
import { startGitHubApiDouble, type GitHubApiDouble } from '../testing/github-api-double.js';
import { PIN_SCENARIOS, SCENARIO_SHAS as S } from '../testing/github-api-double-scenarios.js';
import { GitHubPinResolver } from './github-resolver.js';
import { PinService } from './pin-service.js';

let double: GitHubApiDouble;
let resolver: GitHubPinResolver;
beforeAll(async () => {
  double = await startGitHubApiDouble({ repos: PIN_SCENARIOS });
});
afterAll(() => double.close());
beforeEach(() => {
  double.requests.length = 0;
  resolver = new GitHubPinResolver({ baseUrl: double.url, today: () => '2026-11-26', sleep: async () => undefined });
});

describe('GitHubPinResolver.resolveRef', () => {
  it('peels a lightweight tag', async () => {
    expect(await resolver.resolveRef('acme', 'lightweight', 'v1.0.0')).toMatchObject({
      sha: S.lw100,
      kind: 'tag',
      tagType: 'lightweight',
      ambiguous: false,
      recordedAt: '2026-11-26',
      verified: true,
    });
  });

  it('peels an annotated tag through its tag object', async () => {
    expect(await resolver.resolveRef('acme', 'annotated', 'v2.0.0')).toMatchObject({
      sha: S.ann200,
      tagType: 'annotated',
      tagObjectSha: S.ann200Tag,
      taggerDate: '2026-03-01T10:00:00Z',
    });
    expect(double.requests.map((r) => r.path)).toContain(`/repos/acme/annotated/git/tags/${S.ann200Tag}`);
  });

  it('peels a tag of a tag to the commit', async () => {
    const r = await resolver.resolveRef('acme', 'nested', 'v3.0.0');
    expect(r).toMatchObject({ sha: S.nested300, tagType: 'annotated', tagObjectSha: S.nestedOuter });
    expect(double.requests.filter((q) => q.path.includes('/git/tags/'))).toHaveLength(2);
  });

  it('resolves a moving major tag to the commit of its newest release', async () => {
    expect((await resolver.resolveRef('acme', 'moving', 'v7')).sha).toBe(S.m701);
  });

  it('detects branches, and prefers the tag when a branch shares its name (flagged ambiguous)', async () => {
    expect(await resolver.resolveRef('acme', 'confusing', 'v3')).toMatchObject({ kind: 'branch', sha: S.confV3, ambiguous: false });
    expect(await resolver.resolveRef('acme', 'confusing', 'v2')).toMatchObject({ kind: 'tag', sha: S.confTag, ambiguous: true });
    expect(await resolver.resolveRef('acme', 'confusing', 'refs/heads/v2')).toMatchObject({ kind: 'branch', sha: S.confBranch });
    expect(await resolver.resolveRef('acme', 'confusing', 'refs/tags/v2')).toMatchObject({ kind: 'tag', sha: S.confTag, ambiguous: false });
  });

  it('returns a full SHA as a commit without asking', async () => {
    expect(await resolver.resolveRef('acme', 'moving', S.m700.toUpperCase())).toMatchObject({ kind: 'commit', sha: S.m700 });
    expect(double.requests).toHaveLength(0);
  });

  it('tells a missing repository from a missing ref', async () => {
    expect((await caught(() => resolver.resolveRef('acme', 'missing', 'v1'))).code).toBe('PIN_REPO_NOT_FOUND');
    expect((await caught(() => resolver.resolveRef('acme', 'moving', 'v99'))).code).toBe('PIN_REF_NOT_FOUND');
    expect((await caught(() => resolver.versionTagsFor('acme', 'missing', S.m701))).code).toBe('PIN_REPO_NOT_FOUND');
  });

  it('rejects an action name that is not owner/repo', async () => {
    expect((await caught(() => resolver.resolveRef('acme', '..', 'v1'))).code).toBe('PIN_INVALID_ACTION');
  });
});

describe('GitHubPinResolver.versionTagsFor', () => {
  it('lists the version tags of a commit, most specific first', async () => {
    expect(await resolver.versionTagsFor('acme', 'moving', S.m701)).toEqual(['v7.0.1', 'v7.0', 'v7']);
    expect(await resolver.versionTagsFor('acme', 'nested', S.nested300)).toEqual(['v3.0.0']);
  });

  it('follows pagination', async () => {
    const small = new GitHubPinResolver({ baseUrl: double.url, maxPages: 10 });
    expect(await small.versionTagsFor('acme', 'moving', S.m690)).toEqual(['v6.9.0', 'v6']);
  });
});

describe('GitHubPinResolver releases', () => {
  it('picks the latest release by semver, not by date, skipping drafts and prereleases', async () => {
    expect((await resolver.latestRelease('acme', 'semver')).tag).toBe('v2.1.0');
    expect((await resolver.listReleases('acme', 'semver')).map((r) => r.tag)).toEqual(['v2.1.0', 'v1.9.9']);
  });

  it('includes prereleases only when asked', async () => {
    expect(await resolver.latestRelease('acme', 'semver', { prerelease: true })).toMatchObject({ tag: 'v3.0.0-rc.1', prerelease: true });
  });

  it('falls back to version tags when a repository has no releases', async () => {
    expect((await resolver.latestRelease('acme', 'tags-only')).tag).toBe('v0.2.0');
  });

  it('fails with PIN_NO_RELEASE when nothing qualifies', async () => {
    const none = await startGitHubApiDouble({ repos: { 'acme/empty': { branches: { main: S.c1 } } } });
    try {
      const r = new GitHubPinResolver({ baseUrl: none.url });
      expect((await caught(() => r.latestRelease('acme', 'empty'))).code).toBe('PIN_NO_RELEASE');
    } finally {
      await none.close();
    }
  });
});

describe('PinService online', () => {
  it('pins @v7 to the SHA with the most specific tag, as `@<sha> # v7.0.1`', async () => {
    const pin = await new PinService(resolver).pin('acme/moving', 'v7');
    expect(pin).toMatchObject({ action: 'acme/moving', sha: S.m701, tag: 'v7.0.1', ref: 'v7', refKind: 'tag', source: 'github', verified: true });
  });

  it('pins the latest release when no version is given', async () => {
    expect(await new PinService(resolver).pin('acme/semver')).toMatchObject({ sha: S.sem210, tag: 'v2.1.0' });
  });

  it('names the version tag of a SHA given as is, and none for a branch', async () => {
    const service = new PinService(resolver);
    expect(await service.pin('acme/moving', S.m700)).toMatchObject({ refKind: 'commit', tag: 'v7.0.0' });
    expect(await service.pin('acme/confusing', 'v3')).toMatchObject({ refKind: 'branch', sha: S.confV3, tag: null });
  });

  it('resolves a sub-action path through its repository', async () => {
    expect((await new PinService(resolver).pin('acme/annotated/sub/dir', 'v2.0.0')).sha).toBe(S.ann200);
  });
});
