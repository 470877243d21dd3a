import { createHash } from 'node:crypto';

/**
 * slsa-init's marker: the first lines of every workflow it writes. They record the answers (so
 * `--check` and a re-run regenerate the same file without flags) and a digest of the rest of the
 * file (so a hand edit is detected and never overwritten without `--force`).
 */
export const MARKER_PREFIX = '# slsa-init:';

/** The answers and the digest a marker line carries. */
export interface Marker {
  readonly fields: ReadonlyMap<string, string>;
  /** `sha256:<hex>` of the text after the marker line, as written. */
  readonly digest: string | undefined;
}

/** The digest recorded for `body` (the file text after the marker line). */
export function bodyDigest(body: string): string {
  return `sha256:${createHash('sha256').update(body).digest('hex').slice(0, 16)}`;
}

/** Formats the marker line from ordered fields and the body's digest. */
export function formatMarker(fields: ReadonlyArray<readonly [string, string]>, body: string): string {
  const parts = fields.map(([k, v]) => `${k}=${v}`);
  return `${MARKER_PREFIX} ${[...parts, `digest=${bodyDigest(body)}`].join(' ')}`;
}

/** Finds the marker line in a workflow's text, or `undefined` when slsa-init did not write it. */
export function findMarker(text: string): { readonly marker: Marker; readonly body: string } | undefined {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.startsWith(MARKER_PREFIX));
  if (index < 0 || index > 5) return undefined;
  const fields = new Map<string, string>();
  for (const part of lines[index]!.slice(MARKER_PREFIX.length).trim().split(/\s+/)) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const digest = fields.get('digest');
  fields.delete('digest');
  return { marker: { fields, digest }, body: lines.slice(index + 1).join('\n') };
}

/** True when the file carries a marker whose digest still matches its body (not edited by hand). */
export function isUnedited(text: string): boolean {
  const found = findMarker(text);
  return found !== undefined && found.marker.digest === bodyDigest(found.body);
}
