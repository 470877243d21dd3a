import { createHash } from 'node:crypto';
import type { RestEndpointMethodTypes } from '@octokit/rest';
import type { DoubleRelease, RepoModel } from './github-api-double-model.js';

/*
 * Response bodies typed with Octokit's types, which are generated from GitHub's OpenAPI
 * description (github/rest-api-description): the compiler holds every builder to GitHub's
 * documented shape, required fields included.
 */
type Rest = RestEndpointMethodTypes;
export type RepoBody = Rest['repos']['get']['response']['data'];
export type GitRefBody = Rest['git']['getRef']['response']['data'];
export type GitTagBody = Rest['git']['getTag']['response']['data'];
export type TagBody = Rest['repos']['listTags']['response']['data'][number];
export type BranchBody = Rest['repos']['listBranches']['response']['data'][number];
export type ReleaseBody = Rest['repos']['listReleases']['response']['data'][number];
export type ComparisonBody = Rest['repos']['compareCommitsWithBasehead']['response']['data'];
export type CommitBody = Rest['repos']['getCommit']['response']['data'];
type SimpleUser = RepoBody['owner'];

/** URL roots: `api` for REST links (with a GHES `/api/v3` prefix if any), `web` for `html_url`s. */
export interface Roots {
  readonly api: string;
  readonly web: string;
}

const nodeId = (kind: string, ...parts: string[]): string =>
  `${kind}_${createHash('sha256').update(parts.join('\0')).digest('base64url').slice(0, 20)}`;

const numericId = (...parts: string[]): number => createHash('sha256').update(parts.join('\0')).digest().readUInt32BE(0);

const UNSIGNED = { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };

function user(roots: Roots, login: string, type: 'User' | 'Organization' = 'Organization'): SimpleUser {
  const url = `${roots.api}/users/${login}`;
  return {
    login,
    id: numericId('user', login),
    node_id: nodeId('O', login),
    avatar_url: `${roots.web}/avatars/${login}`,
    gravatar_id: '',
    url,
    html_url: `${roots.web}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** `GET /repos/{owner}/{repo}` */
export function repoBody(roots: Roots, m: RepoModel): RepoBody {
  const full = `${m.owner}/${m.name}`;
  const url = `${roots.api}/repos/${full}`;
  const html = `${roots.web}/${full}`;
  const when = '2026-01-01T00:00:00Z';
  return {
    id: numericId('repo', full),
    node_id: nodeId('R', full),
    name: m.name,
    full_name: full,
    private: false,
    owner: user(roots, m.owner),
    html_url: html,
    description: null,
    fork: false,
    url,
    forks_url: `${url}/forks`,
    keys_url: `${url}/keys{/key_id}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    teams_url: `${url}/teams`,
    hooks_url: `${url}/hooks`,
    issue_events_url: `${url}/issues/events{/number}`,
    events_url: `${url}/events`,
    assignees_url: `${url}/assignees{/user}`,
    branches_url: `${url}/branches{/branch}`,
    tags_url: `${url}/tags`,
    blobs_url: `${url}/git/blobs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    trees_url: `${url}/git/trees{/sha}`,
    statuses_url: `${url}/statuses/{sha}`,
    languages_url: `${url}/languages`,
    stargazers_url: `${url}/stargazers`,
    contributors_url: `${url}/contributors`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    commits_url: `${url}/commits{/sha}`,
    git_commits_url: `${url}/git/commits{/sha}`,
    comments_url: `${url}/comments{/number}`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    contents_url: `${url}/contents/{+path}`,
    compare_url: `${url}/compare/{base}...{head}`,
    merges_url: `${url}/merges`,
    archive_url: `${url}/{archive_format}{/ref}`,
    downloads_url: `${url}/downloads`,
    issues_url: `${url}/issues{/number}`,
    pulls_url: `${url}/pulls{/number}`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    labels_url: `${url}/labels{/name}`,
    releases_url: `${url}/releases{/id}`,
    deployments_url: `${url}/deployments`,
    created_at: when,
    updated_at: when,
    pushed_at: when,
    git_url: `${roots.web.replace(/^https?:/, 'git:')}/${full}.git`,
    ssh_url: `git@${new URL(roots.web).host}:${full}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    homepage: null,
    size: 1,
    stargazers_count: 0,
    watchers_count: 0,
    language: 'TypeScript',
    has_issues: true,
    has_projects: false,
    has_downloads: true,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: 0,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: 'public',
    forks: 0,
    open_issues: 0,
    watchers: 0,
    default_branch: m.defaultBranch,
    network_count: 0,
    subscribers_count: 0,
  };
}

/** `GET /repos/{owner}/{repo}/git/ref/{ref}` (`ref` is `heads/…` or `tags/…`). */
export function gitRefBody(roots: Roots, m: RepoModel, ref: string, object: { type: 'commit' | 'tag'; sha: string }): GitRefBody {
  const repoUrl = `${roots.api}/repos/${m.owner}/${m.name}`;
  return {
    ref: `refs/${ref}`,
    node_id: nodeId('REF', m.owner, m.name, ref),
    url: `${repoUrl}/git/refs/${ref}`,
    object: { sha: object.sha, type: object.type, url: `${repoUrl}/git/${object.type === 'tag' ? 'tags' : 'commits'}/${object.sha}` },
  };
}

/** `GET /repos/{owner}/{repo}/git/tags/{tag_sha}` */
export function gitTagBody(roots: Roots, m: RepoModel, sha: string): GitTagBody | undefined {
  const t = m.tagObjects.get(sha);
  if (!t) return undefined;
  const repoUrl = `${roots.api}/repos/${m.owner}/${m.name}`;
  return {
    node_id: nodeId('TAG', m.owner, m.name, sha),
    sha,
    url: `${repoUrl}/git/tags/${sha}`,
    tagger: { name: 'Release Bot', email: 'release-bot@example.com', date: t.taggerDate },
    object: { sha: t.object.sha, type: t.object.type, url: `${repoUrl}/git/${t.object.type === 'tag' ? 'tags' : 'commits'}/${t.object.sha}` },
    tag: t.name,
    message: t.message,
    verification: UNSIGNED,
  };
}

/** One element of `GET /repos/{owner}/{repo}/tags` (its commit is the peeled one). */
export function tagBody(roots: Roots, m: RepoModel, name: string): TagBody {
  const repoUrl = `${roots.api}/repos/${m.owner}/${m.name}`;
  const sha = m.peelTag(name) ?? '';
  return {
    name,
    zipball_url: `${repoUrl}/zipball/refs/tags/${name}`,
    tarball_url: `${repoUrl}/tarball/refs/tags/${name}`,
    commit: { sha, url: `${repoUrl}/commits/${sha}` },
    node_id: nodeId('REF', m.owner, m.name, `tags/${name}`),
  };
}

/** One element of `GET /repos/{owner}/{repo}/branches`. */
export function branchBody(roots: Roots, m: RepoModel, name: string): BranchBody {
  const sha = m.branches.get(name)!;
  return { name, commit: { sha, url: `${roots.api}/repos/${m.owner}/${m.name}/commits/${sha}` }, protected: name === m.defaultBranch };
}

/** One element of `GET /repos/{owner}/{repo}/releases`. */
export function releaseBody(roots: Roots, m: RepoModel, r: DoubleRelease): ReleaseBody {
  const repoUrl = `${roots.api}/repos/${m.owner}/${m.name}`;
  const id = numericId('release', m.owner, m.name, r.tag);
  const created = r.createdAt ?? r.publishedAt ?? '2026-01-01T00:00:00Z';
  return {
    url: `${repoUrl}/releases/${id}`,
    html_url: `${roots.web}/${m.owner}/${m.name}/releases/tag/${r.tag}`,
    assets_url: `${repoUrl}/releases/${id}/assets`,
    upload_url: `${roots.api.replace('//', '//uploads.')}/repos/${m.owner}/${m.name}/releases/${id}/assets{?name,label}`,
    tarball_url: r.draft ? null : `${repoUrl}/tarball/${r.tag}`,
    zipball_url: r.draft ? null : `${repoUrl}/zipball/${r.tag}`,
    id,
    node_id: nodeId('RE', m.owner, m.name, r.tag),
    tag_name: r.tag,
    target_commitish: m.defaultBranch,
    name: r.name ?? r.tag,
    body: '',
    draft: r.draft ?? false,
    prerelease: r.prerelease ?? false,
    immutable: false,
    created_at: created,
    published_at: r.draft ? null : (r.publishedAt ?? created),
    updated_at: r.publishedAt ?? created,
    author: user(roots, 'release-bot', 'User'),
    assets: [],
  };
}

/** A commit as `GET /repos/{owner}/{repo}/commits/{ref}` and the comparison endpoint show it. */
export function commitBody(roots: Roots, m: RepoModel, sha: string): CommitBody {
  const c = m.commits.get(sha)!;
  const repoUrl = `${roots.api}/repos/${m.owner}/${m.name}`;
  const html = `${roots.web}/${m.owner}/${m.name}`;
  const person = { name: 'Maintainer', email: 'maintainer@example.com', date: c.date };
  const tree = createHash('sha1').update(`tree ${sha}`).digest('hex');
  return {
    url: `${repoUrl}/commits/${sha}`,
    sha,
    node_id: nodeId('C', m.owner, m.name, sha),
    html_url: `${html}/commit/${sha}`,
    comments_url: `${repoUrl}/commits/${sha}/comments`,
    commit: {
      url: `${repoUrl}/git/commits/${sha}`,
      author: person,
      committer: person,
      message: c.message,
      comment_count: 0,
      tree: { sha: tree, url: `${repoUrl}/git/trees/${tree}` },
      verification: UNSIGNED,
    },
    author: null,
    committer: null,
    parents: c.parents.map((p) => ({ sha: p, url: `${repoUrl}/commits/${p}`, html_url: `${html}/commit/${p}` })),
    stats: { total: 0, additions: 0, deletions: 0 },
    files: [],
  };
}

/** `GET /repos/{owner}/{repo}/compare/{basehead}` for resolvable base and head with shared history. */
export function comparisonBody(
  roots: Roots,
  m: RepoModel,
  basehead: string,
  base: string,
  c: NonNullable<ReturnType<RepoModel['compare']>>,
  page: readonly string[],
): ComparisonBody {
  const repoUrl = `${roots.api}/repos/${m.owner}/${m.name}`;
  const html = `${roots.web}/${m.owner}/${m.name}`;
  const strip = ({ stats: _stats, files: _files, ...commit }: CommitBody): ComparisonBody['base_commit'] => commit;
  return {
    url: `${repoUrl}/compare/${basehead}`,
    html_url: `${html}/compare/${basehead}`,
    permalink_url: `${html}/compare/${m.owner}:${base.slice(0, 7)}...${m.owner}:${c.commits.at(-1)?.slice(0, 7) ?? base.slice(0, 7)}`,
    diff_url: `${html}/compare/${basehead}.diff`,
    patch_url: `${html}/compare/${basehead}.patch`,
    base_commit: strip(commitBody(roots, m, base)),
    merge_base_commit: strip(commitBody(roots, m, c.mergeBase)),
    status: c.status,
    ahead_by: c.aheadBy,
    behind_by: c.behindBy,
    total_commits: c.aheadBy,
    commits: page.map((s) => strip(commitBody(roots, m, s))),
    files: [],
  };
}
