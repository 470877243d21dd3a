import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
// The package's index imports nock, which intercepts every HTTP request of the process as soon as
// it loads; these two modules build and serve the repository without it.
import { tufHandlers } from '@tufjs/repo-mock/dist/handler.js';
import { initializeTUFRepo } from '@tufjs/repo-mock/dist/repo.js';

/** A TUF repository served on 127.0.0.1, signed with keys made for this process only. */
export interface TufDouble {
  /** The repository URL, for `--tuf-url` / `mirrorURL`. */
  readonly url: string;
  /** Its initial `root.json` (the client's trust anchor), for `--tuf-root` / `rootPath`. */
  readonly rootJson: string;
  /** Requests served, by path (tests assert what the client fetched). */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

/** Options of {@link startTufDouble}. */
export interface TufDoubleOptions {
  /** Corrupts one metadata file's signature on the wire (a tampered or hostile mirror). */
  readonly tamper?: 'timestamp.json' | 'snapshot.json' | 'targets.json';
}

/**
 * A TUF repository double: `@tufjs/repo-mock` builds and signs real TUF metadata (root,
 * timestamp, snapshot, targets) for the given targets, and a real HTTP server answers the
 * paths a TUF client (tuf-js, under @sigstore/tuf) requests: metadata at the root, targets under
 * `/targets/`. The client runs unmodified against it.
 */
export async function startTufDouble(targets: ReadonlyArray<{ name: string; content: string }>, options: TufDoubleOptions = {}): Promise<TufDouble> {
  const repo = initializeTUFRepo(targets.map((t) => ({ ...t })));
  const handlers = tufHandlers(repo, { metadataPathPrefix: '', targetPathPrefix: '/targets' });
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://double').pathname;
    requests.push(path);
    const handler = handlers.find((h) => h.path === path || (path.startsWith('/targets/') && path.endsWith(`.${h.path.split('/').pop()}`) && h.path.startsWith('/targets/')));
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    const { statusCode, response } = handler.fn();
    let body = typeof response === 'string' ? response : Buffer.from(response as Uint8Array).toString('utf8');
    if (options.tamper !== undefined && path === `/${options.tamper}`) body = body.replace(/"sig":"([0-9a-f])/, (_m, c: string) => `"sig":"${c === '0' ? '1' : '0'}`);
    res.writeHead(statusCode, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    rootJson: JSON.stringify(repo.rootMeta.toJSON()),
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
