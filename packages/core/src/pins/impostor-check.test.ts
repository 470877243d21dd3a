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
  resolver = new GitHubPinResolver({ baseUrl: double.url });
});

const compares = (): string[] => double.requests.filter((r) => r.path.includes('/compare/')).map((r) => r.path.split('/compare/')[1]!);

describe('impostor check (isReachable)', () => {
  it('accepts a branch tip on the fast path, without comparisons', async () => {
    expect(await resolver.isReachable('acme', 'impostor', S.c3)).toEqual({ reachable: true, via: { kind: 'branch', name: 'main' } });
    expect(compares()).toEqual([]);
  });

  it('accepts a commit in the default branch history through the compare API', async () => {
    expect(await resolver.isReachable('acme', 'impostor', S.c2)).toEqual({ reachable: true, via: { kind: 'branch', name: 'main' } });
    expect(compares()).toEqual([`refs/heads/main...${S.c2}`]);
  });

  it('accepts a commit that only a tag reaches', async () => {
    expect(await resolver.isReachable('acme', 'impostor', S.r1)).toEqual({ reachable: true, via: { kind: 'tag', name: 'v1.0.0' } });
  });

  it('accepts an annotated tag object SHA by peeling it', async () => {
    expect(await resolver.isReachable('acme', 'impostor', S.r2Tag)).toEqual({ reachable: true, via: { kind: 'tag', name: 'v1.0.0' } });
  });

  it('flags a commit that exists only in a fork, though GitHub serves it under the name', async () => {
    const commit = await fetch(`${double.url}/repos/acme/impostor/commits/${S.fork}`);
    expect(commit.status).toBe(200);
    expect(await resolver.isReachable('acme', 'impostor', S.fork)).toEqual({ reachable: false });
    expect(compares()).toEqual([`refs/heads/main...${S.fork}`, `refs/tags/v1.0.0...${S.fork}`]);
  });

  it('flags a commit with no history in common with any ref', async () => {
    expect(await resolver.isReachable('acme', 'impostor', S.orphan)).toEqual({ reachable: false });
  });

  it('fails with PIN_REPO_NOT_FOUND for a repository GitHub does not have', async () => {
    expect((await caught(() => resolver.isReachable('acme', 'missing', S.c1))).code).toBe('PIN_REPO_NOT_FOUND');
  });

  it('is what PinService.checkCommit answers', async () => {
    expect(await new PinService(resolver).checkCommit('acme/impostor', S.fork)).toEqual({ reachable: false });
  });
});
