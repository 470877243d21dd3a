import semver from 'semver';
import type { SemVer } from 'semver';

/**
 * What a `uses:` ref looks like. Only `full-sha` is immutable; the others name a tag or branch that
 * can move (`short-sha` is ambiguous and GitHub no longer resolves it for actions).
 */
export type RefKind = 'full-sha' | 'short-sha' | 'semver-full' | 'semver-partial' | 'branch-like' | 'missing';

/** A tag that reads as a version (`v4`, `v4.2`, `4.2.2`, `v1.2.3-rc.1+build.5`). */
export interface TagVersion {
  /** The version with missing parts filled with zeros (`v4` → `4.0.0`). */
  readonly semver: SemVer;
  /** How many numeric parts the tag spells out: `v4` is 1, `v4.2` is 2, `v4.2.2` is 3. */
  readonly precision: 1 | 2 | 3;
  /** Whether the tag starts with `v`, so a suggested replacement can keep the project's style. */
  readonly prefix: 'v' | '';
}

/** The kind of a ref and, for version-like tags, the version it spells. */
export interface RefClassification {
  readonly refKind: RefKind;
  readonly version?: TagVersion;
}

const HEX = /^[0-9a-f]+$/i;
const DIGITS = /^\d+$/;
// Prerelease and build parts only make sense on a full version; `v1-beta` is just a branch-like name.
const TAG = /^(v?)(\d+)(?:\.(\d+))?(?:\.(\d+)((?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?))?$/;

/**
 * Reads a tag as a version, or undefined when it is not one. Leading zeros (`v01`) and numbers
 * longer than semver allows are rejected by the `semver` parser, so such tags stay branch-like.
 */
export function parseTagVersion(tag: string): TagVersion | undefined {
  const m = TAG.exec(tag);
  if (!m) return undefined;
  const [, v, major, minor, patch, rest] = m;
  const precision = patch !== undefined ? 3 : minor !== undefined ? 2 : 1;
  const text = `${major}.${minor ?? '0'}.${patch ?? '0'}${rest ?? ''}`;
  const parsed = semver.parse(text);
  if (!parsed) return undefined;
  return { semver: parsed, precision, prefix: v === 'v' ? 'v' : '' };
}

/**
 * Classifies the ref after `@`.
 *
 * - 40 hex digits (SHA-1) or 64 (SHA-256 object ids) are `full-sha`.
 * - A version-like tag is `semver-full` or `semver-partial`. This is tried before `short-sha`, so an
 *   all-digit ref such as `1234567` is read as a (partial) version: it is far more often a tag than
 *   an abbreviated commit, and `v1234567` can never be hex.
 * - 7–39 hex digits with at least one letter are `short-sha`.
 * - Anything else (`main`, `release/v1`, `v2.x`, `v3-node20`) is `branch-like`.
 */
export function classifyRef(ref: string | undefined): RefClassification {
  if (ref === undefined || ref === '') return { refKind: 'missing' };
  if (HEX.test(ref) && (ref.length === 40 || ref.length === 64)) return { refKind: 'full-sha' };
  const version = parseTagVersion(ref);
  if (version) return { refKind: version.precision === 3 ? 'semver-full' : 'semver-partial', version };
  if (HEX.test(ref) && ref.length >= 7 && ref.length <= 39 && !DIGITS.test(ref)) return { refKind: 'short-sha' };
  return { refKind: 'branch-like' };
}

/** Whether a ref is a full commit SHA, the only immutable kind of ref. */
export function isFullSha(ref: string): boolean {
  return classifyRef(ref).refKind === 'full-sha';
}
