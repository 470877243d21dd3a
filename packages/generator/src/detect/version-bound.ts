/** A version as its numeric parts: `3.10.2` → `[3, 10, 2]`. */
export type VersionParts = readonly number[];

// Operators that bound a range from below (PEP 440, npm semver and Poetry). A bare version or an
// x-range (`20`, `18.x`) is a lower bound too; `<`, `<=` and `!=` never are.
const LOWER = /^(?:>=|>|~=|===|==|=|\^|~)?v?(\d+(?:\.\d+)*)/;

function compare(a: VersionParts, b: VersionParts): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The lowest version one `||`-free alternative admits: the highest of its lower bounds. */
function alternativeBound(alternative: string): VersionParts | undefined {
  const hyphen = /^(\S+)\s+-\s+\S+$/.exec(alternative);
  const clauses = hyphen ? [hyphen[1]!] : alternative.split(/[\s,]+/);
  let best: VersionParts | undefined;
  for (const clause of clauses) {
    if (clause.startsWith('<') || clause.startsWith('!')) continue;
    const match = LOWER.exec(clause);
    if (!match) continue;
    const parts = match[1]!.split('.').map(Number);
    if (best === undefined || compare(parts, best) > 0) best = parts;
  }
  return best;
}

/**
 * The lowest version a range admits, or `undefined` when it has no lower bound (`*`, `<4`,
 * `lts/*`). Handles PEP 440 specifiers (`>=3.8,<4`, `~=3.10`), npm ranges (`^18 || >=20`,
 * `>= 20.19`, `18 - 20`) and Poetry's `^3.9`. Across `||` alternatives the lowest wins.
 */
export function lowerBound(range: string): VersionParts | undefined {
  let lowest: VersionParts | undefined;
  for (const raw of range.split('||')) {
    // `>= 20` is `>=20`: join operators to their version so clauses split on whitespace.
    const alternative = raw.trim().replace(/([<>=!~^])\s+(?=[v\d])/g, '$1');
    const bound = alternativeBound(alternative);
    if (bound !== undefined && (lowest === undefined || compare(bound, lowest) < 0)) lowest = bound;
  }
  return lowest;
}

/** `major.minor` (or just `major` when that is all there is) of a version: `3.12.4` → `3.12`. */
export function majorMinor(parts: VersionParts): string {
  return parts.slice(0, 2).join('.');
}
