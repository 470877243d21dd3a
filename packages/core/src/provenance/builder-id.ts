/**
 * Builder ids `name[@version]`, compared the way slsa-verifier does: `--builder-id` may be the bare
 * name, `name@vX.Y.Z` or `name@refs/tags/vX.Y.Z`.
 */
export interface BuilderId {
  readonly name: string;
  /** The part after `@` (`refs/tags/v2.1.0`, `v2.1.0`); empty when absent. */
  readonly version: string;
}

/** Parses a builder id; `undefined` when it has more than one `@` or an empty part. */
export function parseBuilderId(id: string): BuilderId | undefined {
  const parts = id.split('@');
  if (parts.length > 2 || parts[0] === '' || parts.some((p) => p.trim() !== p)) return undefined;
  if (parts.length === 2 && parts[1] === '') return undefined;
  return { name: parts[0]!, version: parts[1] ?? '' };
}

/** Formats a builder id back to `name@version`. */
export function formatBuilderId(id: BuilderId): string {
  return id.version ? `${id.name}@${id.version}` : id.name;
}

function versionsMatch(actual: string, expected: string, allowRef: boolean): boolean {
  if (actual === expected) return true;
  return allowRef && actual === `refs/tags/${expected}`;
}

/**
 * Loose match: names equal and, when `expected` has a version, versions equal (`vX` matches
 * `refs/tags/vX` when `allowRef`).
 */
export function builderMatchesLoose(actual: BuilderId, expected: string, allowRef = true): boolean {
  const want = parseBuilderId(expected);
  if (!want || want.name !== actual.name) return false;
  return want.version === '' || versionsMatch(actual.version, want.version, allowRef);
}

/** Full match: like {@link builderMatchesLoose} but the expected id must carry a version. */
export function builderMatchesFull(actual: BuilderId, expected: string, allowRef = true): boolean {
  const want = parseBuilderId(expected);
  if (!want || want.version === '' || want.name !== actual.name) return false;
  return versionsMatch(actual.version, want.version, allowRef);
}
