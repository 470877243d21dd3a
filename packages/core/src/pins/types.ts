/** What a ref named: a tag, a branch, or a commit SHA given as is. */
export type PinRefKind = 'tag' | 'branch' | 'commit';

/** Where a pin came from: the database shipped in the package, or GitHub's REST API. */
export type PinSource = 'embedded' | 'github';

/** A ref resolved to the commit it peels to. */
export interface ResolvedRef {
  /** The peeled commit SHA (40 lowercase hex). */
  readonly sha: string;
  readonly kind: PinRefKind;
  /**
   * The ref that was resolved. Usually the requested name; offline, a major line without a recorded
   * moving tag (`v6`) resolves through its newest recorded release, and this names that release.
   */
  readonly ref: string;
  /** A tag and a branch share the name; the tag wins, as in `git rev-parse`. */
  readonly ambiguous: boolean;
  /** For tags: lightweight (the ref names a commit) or annotated (a tag object, possibly a chain). */
  readonly tagType?: 'lightweight' | 'annotated' | undefined;
  /** For annotated tags: the SHA of the outermost tag object. */
  readonly tagObjectSha?: string | undefined;
  /** For annotated tags: the tagger date of the outermost tag object. */
  readonly taggerDate?: string | undefined;
  /**
   * When this mapping was recorded (`YYYY-MM-DD`): the database entry's date, or today online;
   * `null` for a SHA given as is that no recorded tag points at.
   */
  readonly recordedAt: string | null;
  /**
   * False for database entries taken from secondary sources and not yet checked against git, and
   * for a SHA taken as is (the impostor check is `isReachable`).
   */
  readonly verified: boolean;
}

/** A release (or, for repositories without releases, a version tag) by its tag. */
export interface ReleaseInfo {
  readonly tag: string;
  readonly prerelease: boolean;
  readonly publishedAt: string | null;
}

/** Options for release queries. */
export interface ReleaseQuery {
  /** Include prereleases (GitHub's flag or a semver prerelease tag). Default: false. */
  readonly prerelease?: boolean;
}

/** The answer of the impostor check. */
export type Reachability =
  | { readonly reachable: true; readonly via: { readonly kind: 'branch' | 'tag'; readonly name: string } }
  | { readonly reachable: false };

/**
 * The port every consumer resolves pins through. Implemented offline by `OfflinePinResolver`
 * (the embedded database) and online by `GitHubPinResolver` (Octokit against the REST API).
 * Failures throw coded errors (see `codes.ts`).
 */
export interface PinResolver {
  readonly source: PinSource;
  /** A tag or branch (or `refs/tags/…`, `refs/heads/…`, a full SHA) → the commit it peels to. */
  resolveRef(owner: string, repo: string, ref: string): Promise<ResolvedRef>;
  /** The version tags that point at `sha`, most specific first (`v7.0.1`, `v7.0`, `v7`). */
  versionTagsFor(owner: string, repo: string, sha: string): Promise<string[]>;
  /** Releases ordered newest first by semver (never by date); drafts and non-semver tags left out. */
  listReleases(owner: string, repo: string, query?: ReleaseQuery): Promise<ReleaseInfo[]>;
  /** The newest release by semver. Throws `PIN_NO_RELEASE` when there is none. */
  latestRelease(owner: string, repo: string, query?: ReleaseQuery): Promise<ReleaseInfo>;
  /**
   * The impostor check: is `sha` reachable from a branch or tag of `owner/repo`, or does it only
   * exist elsewhere in the fork network (which GitHub serves under every repository's name)?
   */
  isReachable(owner: string, repo: string, sha: string): Promise<Reachability>;
}
