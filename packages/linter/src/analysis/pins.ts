import { parseTagVersion } from '@slsa-kit/core';
import { embeddedPinDatabase } from '@slsa-kit/core/pins/embedded';

type PinDatabase = typeof embeddedPinDatabase;
type ReleaseRecord = PinDatabase['actions'][string]['releases'][number];

/** A tag resolved through the pin database: the commit to pin and the tag to name in the comment. */
export interface TagPin {
  /** The peeled commit SHA, 40 lowercase hex. */
  readonly sha: string;
  /** The most specific tag recorded for that commit (`v4` → `v4.2.2`), for the `# vX.Y.Z` comment. */
  readonly comment: string;
  /**
   * How the tag was found: an exact release, a recorded moving tag, or — for a major or minor line
   * without a recorded moving tag — the newest recorded release on that line.
   */
  readonly via: 'release' | 'moving-tag' | 'newest-on-line';
}

/** Whether the pin database knows `owner/repo` (compared case-insensitively, as GitHub does). */
export function isRecordedAction(repo: string, db: PinDatabase = embeddedPinDatabase): boolean {
  return db.actions[repo.toLowerCase()] !== undefined;
}

/**
 * The commit a tag of `owner/repo` points at according to the pin database, with the release to
 * name in the pin's comment; undefined when the database does not know the action or the tag.
 * A moving tag resolves to the commit it was recorded at, which may lag the tag today; that is
 * still a release of the same line, and `--online` refreshes it. (Stands in for a future
 * `LintServices.shaForTag`.)
 */
export function shaForTag(repo: string, tag: string, db: PinDatabase = embeddedPinDatabase): TagPin | undefined {
  const entry = db.actions[repo.toLowerCase()];
  if (!entry) return undefined;
  const release = entry.releases.find((r) => r.tag === tag);
  if (release) return { sha: release.sha, comment: release.tag, via: 'release' };
  const moving = entry.movingTags[tag];
  if (moving) {
    const named = entry.releases.find((r) => r.sha === moving.sha);
    return { sha: moving.sha, comment: named?.tag ?? tag, via: 'moving-tag' };
  }
  const line = parseTagVersion(tag);
  if (!line || line.precision === 3) return undefined;
  const newest = entry.releases.find((r) => !r.prerelease && onLine(r, tag));
  return newest ? { sha: newest.sha, comment: newest.tag, via: 'newest-on-line' } : undefined;
}

/** A release as recorded, found by its tag with or without the `v` (`# 4.2.2` names `v4.2.2`). */
export function recordedRelease(repo: string, version: string, db: PinDatabase = embeddedPinDatabase): ReleaseRecord | undefined {
  const entry = db.actions[repo.toLowerCase()];
  if (!entry) return undefined;
  const bare = version.replace(/^v/, '');
  return entry.releases.find((r) => r.tag === version) ?? entry.releases.find((r) => r.tag.replace(/^v/, '') === bare);
}

/** The most specific release tag recorded for `sha` of `owner/repo`. */
export function releaseForSha(repo: string, sha: string, db: PinDatabase = embeddedPinDatabase): string | undefined {
  const wanted = sha.toLowerCase();
  return db.actions[repo.toLowerCase()]?.releases.find((r) => r.sha === wanted)?.tag;
}

function onLine(release: ReleaseRecord, line: string): boolean {
  const r = parseTagVersion(release.tag);
  const l = parseTagVersion(line);
  if (!r || !l || r.semver.prerelease.length > 0 || r.prefix !== l.prefix) return false;
  if (r.semver.major !== l.semver.major) return false;
  return l.precision === 1 || r.semver.minor === l.semver.minor;
}

/** The release tags the embedded database records for `owner/repo`, newest first. */
export function recordedReleases(repo: string, db: PinDatabase = embeddedPinDatabase): string[] {
  return db.actions[repo.toLowerCase()]?.releases.filter((r) => !r.prerelease).map((r) => r.tag) ?? [];
}
