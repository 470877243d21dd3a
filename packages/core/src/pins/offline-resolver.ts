import { isFullSha, parseActionName } from './action-name.js';
import { pinError } from './codes.js';
import type { PinDatabase, PinDatabaseAction, PinRecord } from './database.js';
import type { PinResolver, Reachability, ReleaseInfo, ReleaseQuery, ResolvedRef } from './types.js';
import { compareVersionsDescending, isOnLine, mostSpecificFirst, parseVersionTag, semverOf } from './version-tags.js';

const REMEDY = 'run with --online to ask GitHub (token from GH_TOKEN or GITHUB_TOKEN), or add it to the embedded database with `npm run pins:update`';

/**
 * Resolves pins from a {@link PinDatabase} without any network access — the default mode.
 * Anything the database does not hold fails with a coded error that names `--online`.
 */
export class OfflinePinResolver implements PinResolver {
  readonly source = 'embedded' as const;

  constructor(private readonly db: PinDatabase) {}

  private action(owner: string, repo: string): PinDatabaseAction {
    const { key } = parseActionName(`${owner}/${repo}`);
    const action = this.db.actions[key];
    if (!action) throw pinError('PIN_UNKNOWN_ACTION', `${owner}/${repo} is not in the embedded pin database; ${REMEDY}`);
    return action;
  }

  async resolveRef(owner: string, repo: string, ref: string): Promise<ResolvedRef> {
    const action = this.action(owner, repo);
    if (isFullSha(ref)) {
      const sha = ref.toLowerCase();
      return { sha, kind: 'commit', ref, ambiguous: false, recordedAt: null, verified: false, ...this.known(action, sha) };
    }
    const name = ref.replace(/^refs\/tags\//, '');
    const release = action.releases.find((r) => r.tag === name);
    if (release) {
      return {
        ...fromRecord(release, name),
        tagType: release.tagType ?? undefined,
        tagObjectSha: release.tagObjectSha,
        taggerDate: release.tagType === 'annotated' ? (release.date ?? undefined) : undefined,
      };
    }
    const moving = action.movingTags[name];
    if (moving) return fromRecord(moving, name);
    // A major or minor line without a recorded moving tag resolves through its newest recorded
    // release: the pin then names that exact release, which is what the moving tag would peel to.
    const line = parseVersionTag(name);
    if (line && line.numbers.length < 3 && line.prerelease === undefined) {
      const newest = [...action.releases].sort((a, b) => compareVersionsDescending(a.tag, b.tag)).find((r) => !r.prerelease && semverOf(r.tag) && isOnLine(r.tag, name));
      if (newest) return { ...fromRecord(newest, newest.tag), tagType: newest.tagType ?? undefined, tagObjectSha: newest.tagObjectSha };
    }
    throw pinError('PIN_UNKNOWN_REF', `${owner}/${repo}@${ref} is not in the embedded pin database; ${REMEDY}`);
  }

  private known(action: PinDatabaseAction, sha: string): { recordedAt: string; verified: boolean } | undefined {
    const hit = [...action.releases, ...Object.values(action.movingTags)].find((r) => r.sha === sha);
    return hit && { recordedAt: hit.recordedAt, verified: hit.verified };
  }

  async versionTagsFor(owner: string, repo: string, sha: string): Promise<string[]> {
    const action = this.action(owner, repo);
    const want = sha.toLowerCase();
    const names = [
      ...action.releases.filter((r) => r.sha === want).map((r) => r.tag),
      ...Object.entries(action.movingTags)
        .filter(([, r]) => r.sha === want)
        .map(([tag]) => tag),
    ];
    return mostSpecificFirst(names);
  }

  async listReleases(owner: string, repo: string, query: ReleaseQuery = {}): Promise<ReleaseInfo[]> {
    const action = this.action(owner, repo);
    return [...action.releases]
      .sort((a, b) => compareVersionsDescending(a.tag, b.tag))
      .filter((r) => semverOf(r.tag) !== undefined)
      .map((r) => ({ tag: r.tag, prerelease: r.prerelease === true || parseVersionTag(r.tag)?.prerelease !== undefined, publishedAt: r.date }))
      .filter((r) => query.prerelease === true || !r.prerelease);
  }

  async latestRelease(owner: string, repo: string, query: ReleaseQuery = {}): Promise<ReleaseInfo> {
    const [latest] = await this.listReleases(owner, repo, query);
    if (!latest) throw pinError('PIN_NO_RELEASE', `the embedded pin database holds no ${query.prerelease ? '' : 'stable '}release of ${owner}/${repo}; ${REMEDY}`);
    return latest;
  }

  async isReachable(owner: string, repo: string, sha: string): Promise<Reachability> {
    const tags = await this.versionTagsFor(owner, repo, sha);
    if (tags[0] !== undefined) return { reachable: true, via: { kind: 'tag', name: tags[0] } };
    throw pinError('PIN_OFFLINE_UNVERIFIABLE', `cannot tell offline whether ${sha} belongs to ${owner}/${repo} or only to a fork; ${REMEDY}`);
  }
}

function fromRecord(r: PinRecord, ref: string): ResolvedRef {
  return { sha: r.sha, kind: 'tag', ref, ambiguous: false, recordedAt: r.recordedAt, verified: r.verified };
}
