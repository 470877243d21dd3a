import { isFullSha, parseActionName } from './action-name.js';
import { pinError } from './codes.js';
import { GitHubClient, type GitHubClientOptions, type GitRefData } from './github-client.js';
import { checkReachable } from './impostor-check.js';
import type { PinResolver, Reachability, ReleaseInfo, ReleaseQuery, ResolvedRef } from './types.js';
import { compareVersionsDescending, mostSpecificFirst, parseVersionTag, semverOf } from './version-tags.js';

/** Options of {@link GitHubPinResolver}: transport, endpoint, token and clock. */
export interface GitHubPinResolverOptions extends GitHubClientOptions {
  /** Today as `YYYY-MM-DD` (the `recordedAt` of online answers). Default: from `now`. */
  readonly today?: () => string;
}

/** Annotated tags can point at tags; git itself stops peeling long before this. */
const MAX_TAG_CHAIN = 10;

/** Resolves pins against GitHub's REST API through Octokit. */
export class GitHubPinResolver implements PinResolver {
  readonly source = 'github' as const;
  private readonly client: GitHubClient;
  private readonly today: () => string;

  constructor(options: GitHubPinResolverOptions = {}) {
    this.client = new GitHubClient(options);
    const now = options.now ?? Date.now;
    this.today = options.today ?? (() => new Date(now()).toISOString().slice(0, 10));
  }

  async resolveRef(owner: string, repo: string, ref: string): Promise<ResolvedRef> {
    parseActionName(`${owner}/${repo}`);
    const base = { ambiguous: false, recordedAt: this.today(), verified: true };
    // A SHA is taken as is; whether it belongs to the repository is `isReachable`'s question.
    if (isFullSha(ref)) return { ...base, sha: ref.toLowerCase(), kind: 'commit', ref, verified: false };
    const onlyTag = ref.startsWith('refs/tags/');
    const onlyBranch = ref.startsWith('refs/heads/');
    const name = ref.replace(/^refs\/(tags|heads)\//, '');
    const [tag, branch] = await Promise.all([
      onlyBranch ? undefined : this.client.getRef(owner, repo, `tags/${name}`),
      onlyTag ? undefined : this.client.getRef(owner, repo, `heads/${name}`),
    ]);
    if (tag) return { ...base, ...(await this.peel(owner, repo, tag)), kind: 'tag', ref: name, ambiguous: branch !== undefined };
    if (branch) return { ...base, sha: branch.object.sha, kind: 'branch', ref: name };
    await this.requireRepo(owner, repo);
    throw pinError('PIN_REF_NOT_FOUND', `${owner}/${repo} has no tag or branch named "${name}"`);
  }

  /** Follows a tag ref through annotated tag objects (and tags of tags) to the commit. */
  private async peel(owner: string, repo: string, ref: GitRefData): Promise<Pick<ResolvedRef, 'sha' | 'tagType' | 'tagObjectSha' | 'taggerDate'>> {
    let object = ref.object;
    if (object.type === 'commit') return { sha: object.sha, tagType: 'lightweight' };
    const outer = object.sha;
    let taggerDate: string | undefined;
    for (let depth = 0; depth < MAX_TAG_CHAIN && object.type === 'tag'; depth++) {
      const tag = await this.client.getTag(owner, repo, object.sha);
      if (!tag) break;
      taggerDate ??= tag.tagger.date;
      object = tag.object;
    }
    if (object.type !== 'commit') {
      throw pinError('PIN_UNRESOLVABLE_REF', `${owner}/${repo} ${ref.ref} does not peel to a commit (it ends at a ${object.type} ${object.sha})`);
    }
    return { sha: object.sha, tagType: 'annotated', tagObjectSha: outer, taggerDate };
  }

  private async requireRepo(owner: string, repo: string): Promise<void> {
    if (!(await this.client.getRepo(owner, repo))) {
      throw pinError('PIN_REPO_NOT_FOUND', `GitHub has no repository ${owner}/${repo} (or the token cannot see it)`);
    }
  }

  async versionTagsFor(owner: string, repo: string, sha: string): Promise<string[]> {
    parseActionName(`${owner}/${repo}`);
    const tags = await this.client.listTags(owner, repo);
    if (!tags) return this.requireRepo(owner, repo).then(() => []);
    const want = sha.toLowerCase();
    return mostSpecificFirst(tags.filter((t) => t.commit.sha === want).map((t) => t.name));
  }

  async listReleases(owner: string, repo: string, query: ReleaseQuery = {}): Promise<ReleaseInfo[]> {
    parseActionName(`${owner}/${repo}`);
    const releases = await this.client.listReleases(owner, repo);
    if (!releases) return this.requireRepo(owner, repo).then(() => []);
    let found: ReleaseInfo[] = releases
      .filter((r) => !r.draft && semverOf(r.tag_name) !== undefined)
      .map((r) => ({
        tag: r.tag_name,
        prerelease: r.prerelease || parseVersionTag(r.tag_name)?.prerelease !== undefined,
        publishedAt: r.published_at,
      }));
    if (releases.length === 0) {
      // Some actions publish tags but no GitHub Releases: their version tags stand in.
      const tags = (await this.client.listTags(owner, repo)) ?? [];
      found = tags
        .filter((t) => semverOf(t.name) !== undefined)
        .map((t) => ({ tag: t.name, prerelease: parseVersionTag(t.name)?.prerelease !== undefined, publishedAt: null }));
    }
    return found.filter((r) => query.prerelease === true || !r.prerelease).sort((a, b) => compareVersionsDescending(a.tag, b.tag));
  }

  async latestRelease(owner: string, repo: string, query: ReleaseQuery = {}): Promise<ReleaseInfo> {
    const [latest] = await this.listReleases(owner, repo, query);
    if (!latest) throw pinError('PIN_NO_RELEASE', `${owner}/${repo} has no ${query.prerelease ? '' : 'stable '}release with a semver tag`);
    return latest;
  }

  async isReachable(owner: string, repo: string, sha: string): Promise<Reachability> {
    parseActionName(`${owner}/${repo}`);
    return checkReachable(this.client, owner, repo, sha.toLowerCase(), () => this.requireRepo(owner, repo));
  }
}
