import semver from 'semver';

/** A tag read as a version: `v7`, `v7.0`, `v7.0.1`, `1.14.2`, `v2.0.0-rc.1`. */
export interface VersionTag {
  readonly name: string;
  /** One to three numbers: major, minor, patch. */
  readonly numbers: readonly number[];
  readonly prerelease: string | undefined;
}

const VERSION_TAG = /^v?(0|[1-9]\d{0,8})(?:\.(0|[1-9]\d{0,8}))?(?:\.(0|[1-9]\d{0,8}))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Reads a tag name as a version, or `undefined` when it is not one. */
export function parseVersionTag(name: string): VersionTag | undefined {
  const m = VERSION_TAG.exec(name);
  if (!m) return undefined;
  const numbers = [m[1], m[2], m[3]].filter((n): n is string => n !== undefined).map(Number);
  // A prerelease suffix only makes sense on a full version (`v2-rc` is not a version).
  if (m[4] !== undefined && numbers.length < 3) return undefined;
  return { name, numbers, prerelease: m[4] };
}

/** True for `vX.Y.Z` / `X.Y.Z` with an optional prerelease: the tags a `# vX.Y.Z` comment names. */
export function isFullVersionTag(name: string): boolean {
  return parseVersionTag(name)?.numbers.length === 3;
}

/** The semver string of a full version tag (`v7.0.1` → `7.0.1`), or `undefined`. */
export function semverOf(name: string): string | undefined {
  const v = parseVersionTag(name);
  if (!v || v.numbers.length !== 3) return undefined;
  return semver.valid(`${v.numbers.join('.')}${v.prerelease === undefined ? '' : `-${v.prerelease}`}`) ?? undefined;
}

/** True when `tag` lies on the line `line` names: `v7.0.1` is on `v7` and `v7.0`, not on `v6`. */
export function isOnLine(tag: string, line: string): boolean {
  const t = parseVersionTag(tag);
  const l = parseVersionTag(line);
  if (!t || !l || l.prerelease !== undefined) return false;
  return l.numbers.every((n, i) => t.numbers[i] === n);
}

/** Orders full version tags newest first by semver (never by date); other tags sort last by name. */
export function compareVersionsDescending(a: string, b: string): number {
  const va = semverOf(a);
  const vb = semverOf(b);
  if (va && vb) return semver.rcompare(va, vb) || a.localeCompare(b);
  if (va) return -1;
  if (vb) return 1;
  return a.localeCompare(b);
}

/**
 * Orders version tags most specific first: `v7.0.1` before `v7.0` before `v7`; stable before
 * prerelease; newer before older. Non-version tags are dropped by {@link mostSpecificFirst}.
 */
export function compareSpecificity(a: VersionTag, b: VersionTag): number {
  if (a.numbers.length !== b.numbers.length) return b.numbers.length - a.numbers.length;
  if ((a.prerelease === undefined) !== (b.prerelease === undefined)) return a.prerelease === undefined ? -1 : 1;
  for (let i = 0; i < a.numbers.length; i++) {
    const d = b.numbers[i]! - a.numbers[i]!;
    if (d !== 0) return d;
  }
  return compareVersionsDescending(a.name, b.name);
}

/** The version tags among `names`, most specific first (see {@link compareSpecificity}). */
export function mostSpecificFirst(names: Iterable<string>): string[] {
  const tags: VersionTag[] = [];
  for (const name of new Set(names)) {
    const v = parseVersionTag(name);
    if (v) tags.push(v);
  }
  return tags.sort(compareSpecificity).map((t) => t.name);
}

/**
 * The tag a `# vX.Y.Z` comment should name among the version tags that point at one commit:
 * the most specific on the requested line (`v7` asks for a `v7.x.y`), else the most specific of all.
 */
export function bestVersionTag(names: Iterable<string>, requested?: string): string | undefined {
  const ordered = mostSpecificFirst(names);
  if (requested !== undefined && parseVersionTag(requested)) {
    const onLine = ordered.find((t) => isOnLine(t, requested));
    if (onLine !== undefined) return onLine;
  }
  return ordered[0];
}
