import { isFullSha, parseActionName } from './action-name.js';
import { pinDatabase as embeddedPinDatabase } from './data/pin-database.js';
import type { PinDatabase } from './database.js';
import { DiskResponseCache, defaultCacheDir } from './disk-cache.js';
import { GitHubPinResolver, type GitHubPinResolverOptions } from './github-resolver.js';
import { OfflinePinResolver } from './offline-resolver.js';
import type { PinResolver, PinSource, Reachability, PinRefKind } from './types.js';
import { bestVersionTag, isFullVersionTag } from './version-tags.js';

/** What `uses: owner/repo@<sha> # <tag>` is written from. */
export interface Pin {
  /** `owner/repo` as the caller spelled it (a sub-action path is dropped). */
  readonly action: string;
  /** The 40-hex commit SHA to pin. */
  readonly sha: string;
  /** The most specific version tag of that commit (`v7.0.1`) for the comment, or `null` if none. */
  readonly tag: string | null;
  /** What was resolved: the requested ref, or the latest release's tag when none was asked. */
  readonly ref: string;
  readonly refKind: PinRefKind;
  /** A tag and a branch share the requested name (zizmor's `ref-confusion`). */
  readonly ambiguous: boolean;
  /** `YYYY-MM-DD` the mapping was recorded (database) or looked up (online); `null` if unknown. */
  readonly recordedAt: string | null;
  readonly verified: boolean;
  readonly source: PinSource;
  /**
   * Reference this action by its full `@vX.Y.Z` tag, never by SHA: the slsa-github-generator
   * rejects SHA refs (DESIGN.md, Facts).
   */
  readonly referenceByTag: boolean;
}

/** Options of {@link PinService.pin}. */
export interface PinOptions {
  /** Let "latest release" pick prereleases. Default false. */
  readonly prerelease?: boolean;
}

/**
 * The one pin service `slsa-init` and `slsa-lint --fix` share: resolves `owner/repo` and an
 * optional version (`v7`, `v7.0.1`, a branch, a SHA) to the SHA and the `# vX.Y.Z` comment.
 */
export class PinService {
  constructor(
    readonly resolver: PinResolver,
    private readonly database: PinDatabase = embeddedPinDatabase,
  ) {}

  /** True when answers come from GitHub rather than the embedded database. */
  get online(): boolean {
    return this.resolver.source === 'github';
  }

  /** Pins `action` at `version`, or at its latest release (by semver) when no version is given. */
  async pin(action: string, version?: string, options: PinOptions = {}): Promise<Pin> {
    const { owner, repo, key } = parseActionName(action);
    const requested = version ?? (await this.resolver.latestRelease(owner, repo, { prerelease: options.prerelease === true })).tag;
    const resolved = await this.resolver.resolveRef(owner, repo, requested);
    let tag: string | null = null;
    if (resolved.kind === 'tag' && isFullVersionTag(resolved.ref)) tag = resolved.ref;
    else if (resolved.kind !== 'branch' || isFullSha(requested)) {
      tag = bestVersionTag(await this.resolver.versionTagsFor(owner, repo, resolved.sha), requested) ?? null;
    }
    return {
      action: `${owner}/${repo}`,
      sha: resolved.sha,
      tag,
      ref: resolved.ref,
      refKind: resolved.kind,
      ambiguous: resolved.ambiguous,
      recordedAt: resolved.recordedAt,
      verified: resolved.verified,
      source: this.resolver.source,
      referenceByTag: this.database.actions[key]?.referenceByTag ?? false,
    };
  }

  /** The impostor check: does `sha` belong to a branch or tag of `action`'s repository? */
  checkCommit(action: string, sha: string): Promise<Reachability> {
    const { owner, repo } = parseActionName(action);
    return this.resolver.isReachable(owner, repo, sha);
  }
}

/** How {@link createPinService} picks and configures a resolver. */
export interface PinServiceOptions extends Omit<GitHubPinResolverOptions, 'baseUrl' | 'token' | 'cache'> {
  /** Ask GitHub (`--online`); offline, the embedded database answers. Default false. */
  readonly online?: boolean;
  /** Where `GH_TOKEN`, `GITHUB_TOKEN`, `GITHUB_API_URL` and `XDG_CACHE_HOME` are read. */
  readonly env?: NodeJS.ProcessEnv;
  /** The response cache directory; `false` disables the cache. Default {@link defaultCacheDir}. */
  readonly cacheDir?: string | false;
  /** Overrides the embedded database (tests, tools). */
  readonly database?: PinDatabase;
}

/**
 * The pin service the CLI builds: offline by default; with `online`, GitHub's REST API at
 * `GITHUB_API_URL` (GitHub Enterprise) with the token from `GH_TOKEN`, else `GITHUB_TOKEN`.
 */
export function createPinService(options: PinServiceOptions = {}): PinService {
  const { online = false, env = process.env, cacheDir, database = embeddedPinDatabase, ...transport } = options;
  if (!online) return new PinService(new OfflinePinResolver(database), database);
  const dir = cacheDir === undefined ? defaultCacheDir(env) : cacheDir;
  const resolver = new GitHubPinResolver({
    ...transport,
    baseUrl: env['GITHUB_API_URL'] || undefined,
    token: env['GH_TOKEN'] || env['GITHUB_TOKEN'] || undefined,
    cache: dir === false ? undefined : new DiskResponseCache(dir),
  });
  return new PinService(resolver, database);
}
