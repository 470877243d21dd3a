import { readFile } from 'node:fs/promises';
import { PublicKey, TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial, type TrustMaterial } from '@sigstore/verify';
import { NPM_REGISTRY_KEYS } from './data/npm-registry-keys.js';
import { PUBLIC_GOOD_TRUSTED_ROOT } from './data/public-good-trusted-root.js';
import { ProvenanceError } from './errors.js';

/**
 * Where fresh trust material comes from when online (a TUF client with a cache). Not implemented
 * here: offline verification uses the embedded root or `--trusted-root FILE`.
 */
export interface TrustedRootPort {
  /** Returns the current trusted root JSON, or throws a coded error. */
  fetchTrustedRoot(): Promise<unknown>;
}

/** Options that select the trust material. */
export interface TrustOptions {
  /** A trusted root JSON object (`--trusted-root FILE`); defaults to the embedded public-good root. */
  readonly trustedRoot?: unknown;
  /** npm registry keys JSON (`{keys:[{keyId,keyUsage,publicKey}]}`); defaults to the embedded keys. */
  readonly npmKeys?: unknown;
}

function npmKeyMap(json: unknown): Record<string, PublicKey> {
  const out: Record<string, PublicKey> = {};
  const keys = (json as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) return out;
  for (const k of keys as { keyId?: unknown; keyUsage?: unknown; publicKey?: unknown }[]) {
    // Only keys meant for attestations may verify publish attestations.
    if (typeof k.keyId === 'string' && k.keyUsage === 'npm:attestations' && k.publicKey) {
      out[k.keyId] = PublicKey.fromJSON(k.publicKey);
    }
  }
  return out;
}

/**
 * Builds `@sigstore/verify` trust material. Throws `TRUSTED_ROOT_INVALID` when the root has no
 * Fulcio CA or no transparency log: such a root would make every check vacuous or impossible.
 */
export function loadTrustMaterial(options: TrustOptions = {}): TrustMaterial {
  const isDefault = options.trustedRoot === undefined && options.npmKeys === undefined;
  if (isDefault && defaultMaterial) return defaultMaterial;
  const material = buildTrustMaterial(options);
  if (isDefault) defaultMaterial = material;
  return material;
}

// The embedded root never changes within a process; parsing its keys once keeps batch runs fast.
let defaultMaterial: TrustMaterial | undefined;

function buildTrustMaterial(options: TrustOptions): TrustMaterial {
  const json = options.trustedRoot ?? PUBLIC_GOOD_TRUSTED_ROOT;
  try {
    const root = TrustedRoot.fromJSON(json);
    if (root.certificateAuthorities.length === 0 || root.tlogs.length === 0) {
      throw new Error('it lists no certificate authority or no transparency log');
    }
    return toTrustMaterial(root, npmKeyMap(options.npmKeys ?? NPM_REGISTRY_KEYS));
  } catch (e) {
    throw new ProvenanceError('TRUSTED_ROOT_INVALID', `unusable trusted root: ${(e as Error).message}`, { cause: e });
  }
}

/** Reads a trusted root file (`--trusted-root`). Throws `FILE_NOT_FOUND`, `IO_ERROR`, `TRUSTED_ROOT_INVALID`. */
export async function readTrustedRootFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'IO_ERROR';
    throw new ProvenanceError(code, `cannot read trusted root ${path}: ${(e as Error).message}`, { cause: e });
  }
  try {
    const json: unknown = JSON.parse(text);
    loadTrustMaterial({ trustedRoot: json });
    return json;
  } catch (e) {
    if (e instanceof ProvenanceError) throw e;
    throw new ProvenanceError('TRUSTED_ROOT_INVALID', `trusted root ${path} is not JSON`, { cause: e });
  }
}
