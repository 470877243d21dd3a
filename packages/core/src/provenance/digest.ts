import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ProvenanceError } from './errors.js';

/** Digest algorithms a subject can be matched with. */
export type DigestAlgorithm = 'sha256' | 'sha512';

/** Hex digests of one artifact, keyed by algorithm (lower-case hex). */
export type DigestSet = Partial<Record<DigestAlgorithm, string>>;

/** An artifact to match against provenance subjects: a file, or a digest computed elsewhere. */
export interface ArtifactInput {
  /** Label used in messages (the file path, or the digest string). */
  readonly name: string;
  readonly digests: DigestSet;
}

const HEX_LENGTH: Record<DigestAlgorithm, number> = { sha256: 64, sha512: 128 };

/**
 * Parses `ALG:HEX` (`sha256:…` or `sha512:…`). Throws `INVALID_ARGUMENT`: a digest the user typed
 * wrong is a usage error, not a verification verdict.
 */
export function parseDigest(text: string): ArtifactInput {
  const m = /^(sha256|sha512):([0-9a-fA-F]+)$/.exec(text.trim());
  const alg = m?.[1] as DigestAlgorithm | undefined;
  if (!m || !alg || m[2]!.length !== HEX_LENGTH[alg]) {
    throw new ProvenanceError('INVALID_ARGUMENT', `invalid artifact digest "${text}": expected sha256:<64 hex> or sha512:<128 hex>`);
  }
  return { name: text, digests: { [alg]: m[2]!.toLowerCase() } };
}

/** Read size of {@link hashFile}: large reads keep the per-chunk overhead negligible, memory constant. */
const HASH_CHUNK = 4 << 20;

/**
 * Hashes a file by streaming it once (constant memory, whatever its size) with the `algorithms`
 * asked for: both by default; pass `['sha256']` when the format needs only sha256 (everything but
 * npm, whose subjects carry sha512) — sha512 roughly triples the CPU time of a large artifact.
 * Throws `FILE_NOT_FOUND` / `IO_ERROR`.
 */
export async function hashFile(
  path: string,
  onProgress?: (bytes: number, total: number) => void,
  algorithms: readonly DigestAlgorithm[] = ['sha256', 'sha512'],
): Promise<ArtifactInput> {
  if (algorithms.length === 0) throw new ProvenanceError('INVALID_ARGUMENT', 'hashFile needs at least one algorithm');
  let total: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new ProvenanceError('IO_ERROR', `not a regular file: ${path}`);
    total = s.size;
  } catch (e) {
    if (e instanceof ProvenanceError) throw e;
    const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'IO_ERROR';
    throw new ProvenanceError(code, `cannot read artifact ${path}: ${(e as Error).message}`, { cause: e });
  }
  const hashes = [...new Set(algorithms)].map((alg) => [alg, createHash(alg)] as const);
  let done = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: HASH_CHUNK })) {
      for (const [, h] of hashes) h.update(chunk as Buffer);
      done += (chunk as Buffer).length;
      onProgress?.(done, total);
    }
  } catch (e) {
    throw new ProvenanceError('IO_ERROR', `cannot read artifact ${path}: ${(e as Error).message}`, { cause: e });
  }
  const digests: DigestSet = {};
  for (const [alg, h] of hashes) digests[alg] = h.digest('hex');
  return { name: path, digests };
}

/** A subject of an in-toto statement, as found in the payload (unvalidated shape). */
export interface SubjectLike {
  readonly name?: unknown;
  readonly digest?: unknown;
}

/**
 * True when one subject carries the artifact's digest under the same algorithm. Only sha256 and
 * sha512 count: a subject with only a weaker digest never matches.
 */
export function subjectMatches(subjects: readonly SubjectLike[], artifact: ArtifactInput): boolean {
  for (const subject of subjects) {
    const set = subject.digest;
    if (typeof set !== 'object' || set === null) continue;
    for (const alg of ['sha256', 'sha512'] as const) {
      const want = artifact.digests[alg];
      const have = (set as Record<string, unknown>)[alg];
      if (want !== undefined && typeof have === 'string' && have.toLowerCase() === want) return true;
    }
  }
  return false;
}
