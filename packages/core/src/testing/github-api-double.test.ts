import { afterEach, describe, expect, it } from 'vitest';
import { githubFaults, startGitHubApiDouble, type GitHubApiDouble } from './github-api-double.js';
import { PIN_SCENARIOS, SCENARIO_SHAS as S } from './github-api-double-scenarios.js';

let double: GitHubApiDouble | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
});

async function start(...fs: Parameters<GitHubApiDouble['inject']>): Promise<GitHubApiDouble> {
  double = await startGitHubApiDouble({ repos: PIN_SCENARIOS, faults: fs });
  return double;
}

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: unknown }> {
  const res = await fetch(`${double!.url}${path}`, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

describe('startGitHubApiDouble', () => {
  it('listens on 127.0.0.1 only', async () => {
    const d = await start();
    expect(new URL(d.url).hostname).toBe('127.0.0.1');
  });

  it('answers a lightweight tag ref with a commit object and an annotated one with a tag object', async () => {
    await start();
    const lw = await get('/repos/acme/lightweight/git/ref/tags%2Fv1.0.0');
    expect(lw.status).toBe(200);
    expect(lw.body).toMatchObject({ ref: 'refs/tags/v1.0.0', object: { type: 'commit', sha: S.lw100 } });
    expect(Object.keys(lw.body as object).sort()).toEqual(['node_id', 'object', 'ref', 'url']);
    const ann = await get('/repos/acme/annotated/git/ref/tags/v2.0.0');
    expect(ann.body).toMatchObject({ object: { type: 'tag', sha: S.ann200Tag } });
    const tag = await get(`/repos/acme/annotated/git/tags/${S.ann200Tag}`);
    expect(tag.body).toMatchObject({ tag: 'v2.0.0', sha: S.ann200Tag, object: { type: 'commit', sha: S.ann200 }, verification: { verified: false } });
  });

  it('chains nested tag objects and lists tags with their peeled commit', async () => {
    await start();
    const outer = await get(`/repos/acme/nested/git/tags/${S.nestedOuter}`);
    expect(outer.body).toMatchObject({ object: { type: 'tag', sha: S.nestedInner } });
    const tags = await get('/repos/acme/nested/tags');
    expect(tags.body).toEqual([expect.objectContaining({ name: 'v3.0.0', commit: expect.objectContaining({ sha: S.nested300 }) })]);
  });

  it('404s, with GitHub body, for unknown repositories, refs and routes', async () => {
    await start();
    for (const path of ['/repos/nobody/nothing', '/repos/acme/lightweight/git/ref/tags/v9', '/nope']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ message: 'Not Found', status: '404' });
    }
  });

  it('paginates with a link header', async () => {
    await start();
    const first = await get('/repos/acme/moving/tags?per_page=4');
    expect((first.body as unknown[]).length).toBe(4);
    expect(first.headers.get('link')).toMatch(/<http:\/\/127\.0\.0\.1:\d+\/repos\/acme\/moving\/tags\?per_page=4&page=2>; rel="next"/);
    const second = await get('/repos/acme/moving/tags?per_page=4&page=2');
    expect((second.body as unknown[]).length).toBe(2);
    expect(second.headers.get('link')).not.toMatch(/rel="next"/);
  });

  it('sends an ETag and answers If-None-Match with 304 and no body', async () => {
    const d = await start();
    const first = await get('/repos/acme/lightweight');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[0-9a-f]{64}"$/);
    const again = await fetch(`${d.url}/repos/acme/lightweight`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(d.requests.map((r) => r.status)).toEqual([200, 304]);
  });

  it('compares like GitHub: behind, identical, ahead, and 404 without common history', async () => {
    await start();
    const status = async (basehead: string): Promise<unknown> => {
      const res = await get(`/repos/acme/impostor/compare/${basehead}`);
      return res.status === 200 ? (res.body as { status: string }).status : res.status;
    };
    expect(await status(`refs/heads/main...${S.c2}`)).toBe('behind');
    expect(await status(`main...${S.c3}`)).toBe('identical');
    expect(await status(`refs/heads/main...${S.fork}`)).toBe('ahead');
    expect(await status(`refs/tags/v1.0.0...${S.c3}`)).toBe('diverged');
    expect(await status(`refs/heads/main...${S.orphan}`)).toBe(404);
  });

  it('serves a fork-only commit under the repository name, as GitHub does', async () => {
    await start();
    const res = await get(`/repos/acme/impostor/commits/${S.fork}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sha: S.fork, parents: [expect.objectContaining({ sha: S.c3 })] });
    expect((await get(`/repos/acme/impostor/commits/${'0'.repeat(40)}`)).status).toBe(422);
  });

  it('reports the latest release by date, the way GitHub does', async () => {
    await start();
    const res = await get('/repos/acme/semver/releases/latest');
    expect(res.body).toMatchObject({ tag_name: 'not-a-version' });
  });

  it('injects rate limits, 5xx and delays for the matching requests only, then recovers', async () => {
    const d = await start(githubFaults.tooManyRequests(1, '/repos/acme/annotated'), githubFaults.serverError(503, /\/branches$/));
    d.inject(githubFaults.rateLimited(30, '/repos/acme/nested'));
    const limited = await get('/repos/acme/annotated');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await get('/repos/acme/annotated')).status).toBe(200);
    const primary = await get('/repos/acme/nested');
    expect(primary.status).toBe(403);
    expect(primary.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await get('/repos/acme/lightweight/branches')).status).toBe(503);
    expect((await get('/repos/acme/lightweight/branches')).status).toBe(200);
    expect(d.requests.filter((r) => r.fault)).toHaveLength(3);
  });

  it('delays an answer and counts concurrent requests', async () => {
    const d = await start(githubFaults.slow(100, undefined, 3));
    const started = Date.now();
    await Promise.all([get('/repos/acme/annotated'), get('/repos/acme/nested'), get('/repos/acme/moving')]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(d.maxConcurrent).toBe(3);
  });

  it('serves under a GitHub Enterprise path prefix', async () => {
    double = await startGitHubApiDouble({ repos: PIN_SCENARIOS }, { pathPrefix: '/api/v3' });
    expect(double.url).toMatch(/\/api\/v3$/);
    const res = await get('/repos/acme/lightweight');
    expect(res.body).toMatchObject({ full_name: 'acme/lightweight', default_branch: 'main', url: `${double.url}/repos/acme/lightweight` });
  });
});
