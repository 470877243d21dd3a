import { TrustedRoot } from '@sigstore/protobuf-specs';
import type * as SigstoreTufModule from '@sigstore/tuf';
import { ProvenanceError } from './errors.js';
import type { TrustedRootPort } from './trust-root.js';

type SigstoreTuf = typeof SigstoreTufModule;

/** Where and how `--online` refreshes the Sigstore trusted root over TUF. */
export interface TufOptions {
  /** The TUF repository; default Sigstore's public-good CDN (https://tuf-repo-cdn.sigstore.dev). */
  readonly mirrorURL?: string;
  /**
   * The initial `root.json` the client trusts for `mirrorURL`. @sigstore/tuf ships the public-good
   * one; another repository needs its own (the TUF chain of trust starts there).
   */
  readonly rootPath?: string;
  /** The client's metadata cache (TUF keeps the newest verified root there across runs). */
  readonly cachePath: string;
  /** Per-request timeout in ms. Default 10,000. */
  readonly timeoutMs?: number;
}

/**
 * The online trusted root: a TUF client (@sigstore/tuf on tuf-js) that walks the root chain,
 * checks timestamp → snapshot → targets signatures, versions and expiry, and returns the
 * `trusted_root.json` target. Any failure is `TUF_REFRESH_FAILED` (exit 4): online, verification
 * never falls back to older trust material silently. Loaded lazily: offline runs never import it.
 */
export function createTufTrustedRootPort(options: TufOptions): TrustedRootPort {
  return {
    async fetchTrustedRoot(): Promise<unknown> {
      // A CommonJS module: bundlers may put its exports on the namespace or under `default`.
      const tuf = (await import('@sigstore/tuf')) as SigstoreTuf & { default?: SigstoreTuf };
      const getTrustedRoot = tuf.getTrustedRoot ?? tuf.default?.getTrustedRoot;
      try {
        const root = await getTrustedRoot({
          cachePath: options.cachePath,
          ...(options.mirrorURL !== undefined ? { mirrorURL: options.mirrorURL } : {}),
          ...(options.rootPath !== undefined ? { rootPath: options.rootPath } : {}),
          retry: 1,
          timeout: options.timeoutMs ?? 10_000,
        });
        return TrustedRoot.toJSON(root);
      } catch (e) {
        const where = options.mirrorURL ?? 'https://tuf-repo-cdn.sigstore.dev';
        throw new ProvenanceError('TUF_REFRESH_FAILED', `cannot refresh the Sigstore trusted root over TUF from ${where}: ${(e as Error).message}`, { cause: e });
      }
    },
  };
}
