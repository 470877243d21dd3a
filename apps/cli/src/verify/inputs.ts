import { readFile, stat } from 'node:fs/promises';
import { hashFile, MAX_PROVENANCE_BYTES, parseDigest, ProvenanceError, readTrustedRootFile, type ArtifactInput } from '@slsa-kit/core/provenance';
import { usageError } from './errors.js';
import { progressBar, type ProgressStream } from './progress.js';

/** The provenance file's bytes, or a reason it is unusable as provenance (too large to be one). */
export type ProvenanceInput = { readonly bytes: Uint8Array } | { readonly tooLarge: string };

/**
 * Reads the provenance file. Missing → `FILE_NOT_FOUND` (exit 3); unreadable → `IO_ERROR` (exit 4).
 * A file larger than any real provenance is not read into memory: it is reported as a failed format
 * check by the caller.
 */
export async function readProvenanceFile(path: string): Promise<ProvenanceInput> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ProvenanceError('IO_ERROR', `cannot read provenance ${path}: not a regular file`);
    if (info.size > MAX_PROVENANCE_BYTES) return { tooLarge: `provenance file ${path} is ${info.size} bytes, larger than any provenance (limit ${MAX_PROVENANCE_BYTES})` };
    return { bytes: await readFile(path) };
  } catch (e) {
    if (e instanceof ProvenanceError) throw e;
    const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'IO_ERROR';
    throw new ProvenanceError(code, `cannot read provenance ${path}: ${(e as Error).message}`, { cause: e });
  }
}

/** `--artifact-digest` values; a malformed digest is a usage error (exit 2), checked before any file is read. */
export function parseArtifactDigests(digests: readonly string[]): ArtifactInput[] {
  return digests.map((d) => {
    try {
      return parseDigest(d);
    } catch (e) {
      throw usageError(`--artifact-digest: ${(e as Error).message}`, 'expected sha256:<64 hex digits> or sha512:<128 hex digits>', e);
    }
  });
}

/** Artifact files hashed by streaming, with a bar on a terminal for large files. Missing → exit 3. */
export async function hashArtifacts(paths: readonly string[], stderr: ProgressStream): Promise<ArtifactInput[]> {
  const out: ArtifactInput[] = [];
  for (const p of paths) out.push(await hashFile(p, progressBar(stderr, p)));
  return out;
}

/**
 * Reads `--trusted-root FILE`. Like a bad `--config` in slsa-lint, a missing or unusable trusted
 * root is a usage/configuration error (exit 2), not "no inputs": the verification inputs are fine.
 */
export async function readTrustedRoot(path: string): Promise<unknown> {
  try {
    return await readTrustedRootFile(path);
  } catch (e) {
    if (e instanceof ProvenanceError && (e.code === 'FILE_NOT_FOUND' || e.code === 'TRUSTED_ROOT_INVALID')) {
      throw usageError(`--trusted-root: ${e.message}`, 'give a Sigstore trusted_root.json (e.g. from `gh attestation trusted-root` or the sigstore TUF repository)', e);
    }
    throw e;
  }
}
