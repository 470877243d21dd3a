/**
 * Source repository URIs. Users write `github.com/O/R`; certificates carry `O/R`
 * (`https://github.com/O/R`); provenance carries `git+https://github.com/O/R@REF`.
 */

/** `github.com/O/R`, `https://github.com/O/R`, `git+https://github.com/O/R` → `O/R` (unchanged otherwise). */
export function repositoryFromSourceUri(sourceUri: string): string {
  return sourceUri.replace(/^git\+/, '').replace(/^https:\/\//, '').replace(/^github\.com\//, '');
}

/** The normalised form of a `--source-uri`: `git+https://github.com/O/R`. */
export function normalizeGitUri(sourceUri: string): string {
  if (sourceUri.startsWith('git+')) return sourceUri;
  if (sourceUri.startsWith('https://')) return `git+${sourceUri}`;
  return `git+https://${sourceUri}`;
}

/** Splits `git+https://HOST/O/R@REF` into URI and ref; `undefined` if it is not such a URI. */
export function parseGitUriAndRef(uri: string): { uri: string; ref: string } | undefined {
  if (!uri.startsWith('git+https://')) return undefined;
  const at = uri.indexOf('@');
  if (at < 0) return { uri, ref: '' };
  if (uri.indexOf('@', at + 1) >= 0) return undefined;
  return { uri: uri.slice(0, at), ref: uri.slice(at + 1) };
}
