/**
 * Git refs and version tags with slsa-verifier's (Go `x/mod/semver`) rules: tags start with `v`;
 * `v1` and `v1.2` are valid shorthands; a prerelease or build suffix needs all three numbers.
 */

const NUM = '(0|[1-9][0-9]*)';
const IDENT = '[0-9A-Za-z-]+';
const SEMVER = new RegExp(
  `^v${NUM}(?:\\.${NUM}(?:\\.${NUM}(-${IDENT}(?:\\.${IDENT})*)?(\\+${IDENT}(?:\\.${IDENT})*)?)?)?$`,
);

/** Parts of a Go-style semver tag; `undefined` when the tag is not valid. */
export interface SemverParts {
  readonly major: string;
  readonly minor?: string;
  readonly patch?: string;
  readonly prerelease?: string;
  readonly build?: string;
}

/** Parses `vMAJOR[.MINOR[.PATCH[-PRE][+BUILD]]]`. */
export function parseSemverTag(tag: string): SemverParts | undefined {
  const m = SEMVER.exec(tag);
  if (!m) return undefined;
  const [, major, minor, patch, pre, build] = m;
  // Go rejects numeric prerelease identifiers with leading zeros.
  if (pre && pre.slice(1).split('.').some((p) => /^0[0-9]+$/.test(p))) return undefined;
  return {
    major: major!,
    ...(minor === undefined ? {} : { minor }),
    ...(patch === undefined ? {} : { patch }),
    ...(pre === undefined ? {} : { prerelease: pre.slice(1) }),
    ...(build === undefined ? {} : { build: build.slice(1) }),
  };
}

/** The tag name of `refs/tags/NAME`, or `undefined` for any other ref. */
export function tagFromRef(ref: string): string | undefined {
  return ref.startsWith('refs/tags/') && ref.length > 'refs/tags/'.length ? ref.slice('refs/tags/'.length) : undefined;
}

/** The branch name of `refs/heads/NAME`, or `undefined` for any other ref. */
export function branchFromRef(ref: string): string | undefined {
  return ref.startsWith('refs/heads/') && ref.length > 'refs/heads/'.length ? ref.slice('refs/heads/'.length) : undefined;
}

/**
 * Whether a builder ref is acceptable: `refs/tags/vX.Y.Z`, nothing else. The generator refuses to
 * run from a SHA pin or a short tag, so a builder identity at any other ref was not produced by a
 * released builder. In test mode (slsa-verifier's `SLSA_VERIFIER_TESTING`) a prerelease is allowed.
 * Returns `undefined` when valid, else the reason.
 */
export function builderRefProblem(ref: string, allowPrerelease: boolean): string | undefined {
  const tag = tagFromRef(ref);
  if (tag === undefined) {
    if (/^[0-9a-f]{40}$/i.test(ref)) {
      return `builder referenced by commit SHA ${ref}: the SLSA builders must be referenced by a release tag refs/tags/vX.Y.Z (a SHA pin makes the generator fail and its identity cannot be checked against a release)`;
    }
    return `builder ref "${ref}" is not of the form refs/tags/vX.Y.Z`;
  }
  const v = parseSemverTag(tag);
  if (!v || v.patch === undefined || v.build !== undefined || (v.prerelease !== undefined && !allowPrerelease)) {
    return `builder tag "${tag}" is not of the form vX.Y.Z`;
  }
  return undefined;
}

/**
 * slsa-verifier's `--source-versioned-tag` rule: the major must be equal; minor and patch are
 * compared only when the expected tag gives them; a prerelease is part of the patch; build metadata
 * is ignored. Returns `undefined` on match, else the reason.
 */
export function versionedTagProblem(provenanceTag: string, expectedTag: string): string | undefined {
  const parsed = parseSemverTag(provenanceTag);
  // The provenance tag is canonicalised (`v14` is `v14.0.0`); the expected one is a prefix.
  const got = parsed && { ...parsed, minor: parsed.minor ?? '0', patch: parsed.patch ?? '0' };
  const want = parseSemverTag(expectedTag);
  if (!got) return `provenance tag "${provenanceTag}" is not a semantic version`;
  if (!want) return `expected tag "${expectedTag}" is not a semantic version`;
  if (got.major !== want.major) return `major version of "${provenanceTag}" differs from "${expectedTag}"`;
  if (want.minor !== undefined && got.minor !== want.minor) {
    return `minor version of "${provenanceTag}" differs from "${expectedTag}"`;
  }
  const patchOf = (v: SemverParts) => (v.patch === undefined ? undefined : `${v.patch}${v.prerelease ? `-${v.prerelease}` : ''}`);
  if (want.patch !== undefined && patchOf(got) !== patchOf(want)) {
    return `patch version of "${provenanceTag}" differs from "${expectedTag}"`;
  }
  return undefined;
}
