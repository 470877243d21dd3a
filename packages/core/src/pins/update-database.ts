import { parseActionName } from './action-name.js';
import { canonicalPinDatabase, type PinDatabase, type PinDatabaseAction, type PinRecord, type PinReleaseRecord } from './database.js';
import type { PinResolver } from './types.js';
import { compareVersionsDescending, parseVersionTag } from './version-tags.js';

/** Options of {@link updatePinDatabase}. */
export interface UpdatePinDatabaseOptions {
  /** An online resolver (normally `GitHubPinResolver`). */
  readonly resolver: PinResolver;
  /** Today, `YYYY-MM-DD`: the `recordedAt` of new or changed mappings. */
  readonly today: string;
  /** Actions (`owner/repo`) to add to the database. */
  readonly add?: readonly string[];
  /** Newest stable releases to record per action, besides those already recorded. Default 3. */
  readonly newest?: number;
  /** What to record as `origin.updatedBy`. */
  readonly updatedBy?: string;
}

/** The refreshed database and a line per change, for the script's report. */
export interface UpdatePinDatabaseResult {
  readonly database: PinDatabase;
  readonly changes: readonly string[];
}

const SOURCE = 'github-api';
const UPDATED_BY = 'tools/src/pins-update.ts (npm run pins:update) via the GitHub REST API';

/**
 * Re-resolves every recorded tag, adds the newest releases, and re-reads each moving major tag,
 * online. A mapping whose SHA is unchanged keeps its `recordedAt`, so refreshing against the same
 * answers yields the same bytes whatever the date. Any failure throws before anything is written.
 */
export async function updatePinDatabase(db: PinDatabase, options: UpdatePinDatabaseOptions): Promise<UpdatePinDatabaseResult> {
  const { resolver, today } = options;
  const changes: string[] = [];
  const keys = [...new Set([...Object.keys(db.actions), ...(options.add ?? []).map((a) => parseActionName(a).key)])].sort();
  const actions: Record<string, PinDatabaseAction> = {};

  for (const key of keys) {
    const { owner, repo } = parseActionName(key);
    const before = db.actions[key];
    const released = await resolver.listReleases(owner, repo);
    const wanted = new Set([...released.slice(0, options.newest ?? 3).map((r) => r.tag), ...(before?.releases.map((r) => r.tag) ?? [])]);
    const releases: PinReleaseRecord[] = [];
    for (const tag of [...wanted].sort(compareVersionsDescending)) {
      const old = before?.releases.find((r) => r.tag === tag);
      const resolved = await resolver.resolveRef(owner, repo, `refs/tags/${tag}`);
      const same = old?.sha === resolved.sha;
      if (!old) changes.push(`${key}@${tag}: added ${resolved.sha}`);
      else if (!same) changes.push(`${key}@${tag}: ${old.sha} → ${resolved.sha}`);
      else if (!old.verified) changes.push(`${key}@${tag}: verified ${resolved.sha}`);
      const prerelease = released.find((r) => r.tag === tag)?.prerelease ?? old?.prerelease ?? parseVersionTag(tag)?.prerelease !== undefined;
      releases.push({
        tag,
        sha: resolved.sha,
        tagType: resolved.tagType ?? null,
        ...(resolved.tagObjectSha ? { tagObjectSha: resolved.tagObjectSha } : {}),
        date: (same ? old?.date : undefined) ?? resolved.taggerDate ?? null,
        ...(prerelease ? { prerelease } : {}),
        recordedAt: same ? old.recordedAt : today,
        source: SOURCE,
        verified: true,
      });
    }

    const lines = new Set([
      ...Object.keys(before?.movingTags ?? {}),
      ...releases.filter((r) => !r.prerelease).map((r) => `v${parseVersionTag(r.tag)!.numbers[0]}`),
    ]);
    const movingTags: Record<string, PinRecord> = {};
    for (const line of [...lines].sort()) {
      const old = before?.movingTags[line];
      let resolved;
      try {
        resolved = await resolver.resolveRef(owner, repo, `refs/tags/${line}`);
      } catch (e) {
        if ((e as { code?: unknown }).code !== 'PIN_REF_NOT_FOUND') throw e;
        if (old) changes.push(`${key}@${line}: moving tag gone, dropped`);
        continue;
      }
      if (!old) changes.push(`${key}@${line}: moving tag added at ${resolved.sha}`);
      else if (old.sha !== resolved.sha) changes.push(`${key}@${line}: moving tag ${old.sha} → ${resolved.sha}`);
      movingTags[line] = { sha: resolved.sha, recordedAt: old?.sha === resolved.sha ? old.recordedAt : today, source: SOURCE, verified: true };
    }
    actions[key] = { releases, movingTags, referenceByTag: before?.referenceByTag ?? false };
  }

  const candidate = canonicalPinDatabase({ ...db, actions });
  const changed = JSON.stringify(candidate.actions) !== JSON.stringify(canonicalPinDatabase(db).actions);
  const database = canonicalPinDatabase({
    ...candidate,
    origin: {
      seed: db.origin.seed,
      updatedBy: changed ? (options.updatedBy ?? UPDATED_BY) : db.origin.updatedBy,
      updatedAt: changed ? today : db.origin.updatedAt,
    },
  });
  return { database, changes };
}
