import type { RepoModel } from './github-api-double-model.js';
import {
  branchBody,
  commitBody,
  comparisonBody,
  gitRefBody,
  gitTagBody,
  releaseBody,
  repoBody,
  tagBody,
  type Roots,
} from './github-api-double-shapes.js';

const DOCS = 'https://docs.github.com/rest';

/** Decodes percent-encoding, leaving malformed input as it is. */
export function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function notFound(documentation = DOCS): [number, unknown] {
  return [404, { message: 'Not Found', documentation_url: documentation, status: '404' }];
}

/** GitHub's answer to one request: status, body and extra headers. */
export type Reply = [number, unknown, Record<string, string>?];

/**
 * Routes a request to the endpoint it names and answers as GitHub does. `path` is the raw path
 * (percent-encoding kept), without the API prefix.
 */
export function answer(repos: ReadonlyMap<string, RepoModel>, method: string, path: string, query: URLSearchParams, roots: Roots): Reply {
  const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
  if (method !== 'GET' || !m) return notFound();
  const repo = repos.get(`${safeDecode(m[1]!)}/${safeDecode(m[2]!)}`.toLowerCase());
  if (!repo) return notFound();
  const rest = m[3] ?? '';
  let r: RegExpExecArray | null;
  if (rest === '') return [200, repoBody(roots, repo)];
  if ((r = /^\/git\/ref\/(.+)$/.exec(rest))) {
    const ref = safeDecode(r[1]!);
    const branch = ref.startsWith('heads/') ? repo.branches.get(ref.slice(6)) : undefined;
    if (branch) return [200, gitRefBody(roots, repo, ref, { type: 'commit', sha: branch })];
    const tag = ref.startsWith('tags/') ? repo.tagRefs.get(ref.slice(5)) : undefined;
    if (tag) return [200, gitRefBody(roots, repo, ref, tag)];
    return notFound(`${DOCS}/git/refs#get-a-reference`);
  }
  if ((r = /^\/git\/matching-refs\/(.*)$/.exec(rest))) {
    const want = safeDecode(r[1]!);
    const all = [
      ...[...repo.branches].map(([n, sha]) => gitRefBody(roots, repo, `heads/${n}`, { type: 'commit', sha })),
      ...[...repo.tagRefs].map(([n, t]) => gitRefBody(roots, repo, `tags/${n}`, t)),
    ];
    return [200, all.filter((ref) => ref.ref.startsWith(`refs/${want}`)).sort((a, b) => a.ref.localeCompare(b.ref))];
  }
  if ((r = /^\/git\/tags\/([0-9a-fA-F]{40})$/.exec(rest))) {
    const tag = gitTagBody(roots, repo, r[1]!.toLowerCase());
    return tag ? [200, tag] : notFound(`${DOCS}/git/tags#get-a-tag`);
  }
  if (rest === '/tags') {
    const names = [...repo.tagRefs.keys()].sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
    return paginate(names.map((n) => tagBody(roots, repo, n)), query, roots, path);
  }
  if (rest === '/branches') {
    const names = [...repo.branches.keys()].sort();
    return paginate(names.map((n) => branchBody(roots, repo, n)), query, roots, path);
  }
  if (rest === '/releases' || rest === '/releases/latest') {
    const releases = [...repo.releases]
      .map((rel) => releaseBody(roots, repo, rel))
      .sort((a, b) => b.created_at.localeCompare(a.created_at));
    if (rest === '/releases') return paginate(releases, query, roots, path);
    // GitHub's "latest" is by date, not semver: the newest non-draft, non-prerelease.
    const latest = releases.find((rel) => !rel.draft && !rel.prerelease);
    return latest ? [200, latest] : notFound(`${DOCS}/releases/releases#get-the-latest-release`);
  }
  if ((r = /^\/commits\/(.+)$/.exec(rest))) {
    const sha = repo.resolve(safeDecode(r[1]!));
    if (!sha) return [422, { message: `No commit found for SHA: ${safeDecode(r[1]!)}`, documentation_url: `${DOCS}/commits/commits#get-a-commit`, status: '422' }];
    return [200, commitBody(roots, repo, sha)];
  }
  if ((r = /^\/compare\/(.+)$/.exec(rest))) {
    const basehead = safeDecode(r[1]!);
    const [baseSpec, headSpec] = basehead.split('...') as [string, string | undefined];
    const base = repo.resolve(baseSpec);
    const head = headSpec === undefined ? undefined : repo.resolve(headSpec);
    if (!base || !head) return notFound(`${DOCS}/commits/commits#compare-two-commits`);
    const c = repo.compare(base, head);
    if (!c) {
      return [404, { message: `No common ancestor between ${baseSpec} and ${headSpec}.`, documentation_url: `${DOCS}/commits/commits#compare-two-commits`, status: '404' }];
    }
    const perPage = Math.min(Number(query.get('per_page') ?? 250) || 250, 250);
    const page = Math.max(Number(query.get('page') ?? 1) || 1, 1);
    return [200, comparisonBody(roots, repo, basehead, base, c, c.commits.slice((page - 1) * perPage, page * perPage))];
  }
  return notFound();
}

function paginate(items: unknown[], query: URLSearchParams, roots: Roots, path: string): [number, unknown, Record<string, string>] {
  const perPage = Math.min(Math.max(Number(query.get('per_page') ?? 30) || 30, 1), 100);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const page = Math.max(Number(query.get('page') ?? 1) || 1, 1);
  const link = (p: number, rel: string): string => {
    const q = new URLSearchParams(query);
    q.set('per_page', String(perPage));
    q.set('page', String(p));
    return `<${roots.api}${path}?${q}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return [200, items.slice((page - 1) * perPage, page * perPage), links.length > 0 ? { link: links.join(', ') } : {}];
}
