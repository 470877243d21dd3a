import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RepoModel, type DoubleRepo } from './github-api-double-model.js';
import { answer, safeDecode, type Reply } from './github-api-double-routes.js';
import type { Roots } from './github-api-double-shapes.js';

export { githubFaults } from './github-api-double-faults.js';
export type { DoubleCommit, DoubleRelease, DoubleRepo, DoubleTag, DoubleTagObject } from './github-api-double-model.js';

/**
 * A fault the double injects instead of (or before) its real answer, for the first `times`
 * requests that match. Faults are consulted in order; the first with budget left applies.
 */
export interface DoubleFault {
  /** The API path (no prefix, no query) equal to this string or matching this RegExp; any path if omitted. */
  readonly path?: string | RegExp;
  readonly method?: string;
  /** How many matching requests it hits. Default 1; `Infinity` for all. */
  readonly times?: number;
  /** Answer with this status (and `headers`, `body`) instead of the real answer. */
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** Hold the answer this long first: longer than the client's timeout makes a timeout. */
  readonly delayMs?: number;
  /** Destroy the connection without answering. */
  readonly drop?: boolean;
}

/** What the double serves: repositories by `owner/repo`, and faults to inject. */
export interface GitHubApiDoubleFixtures {
  readonly repos: Readonly<Record<string, DoubleRepo>>;
  readonly faults?: readonly DoubleFault[];
}

/** Options of {@link startGitHubApiDouble}. */
export interface GitHubApiDoubleOptions {
  /** Serve under a path prefix, as GitHub Enterprise Server does with `/api/v3`. */
  readonly pathPrefix?: string;
}

/** One request the double received. */
export interface DoubleRequest {
  readonly method: string;
  /** The API path without prefix or query, percent-decoded (`/git/ref/tags/v1`). */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly ifNoneMatch: string | undefined;
  readonly authorization: string | undefined;
  /** The status answered; `undefined` while pending or when the connection was dropped. */
  status: number | undefined;
  /** True when a fault answered (or delayed) it. */
  fault: boolean;
}

/** A running double. */
export interface GitHubApiDouble {
  /** The REST API root to hand to Octokit or `GITHUB_API_URL` (includes the prefix). */
  readonly url: string;
  /** Every request, in arrival order. */
  readonly requests: DoubleRequest[];
  /** The most requests that were ever in flight at once. */
  readonly maxConcurrent: number;
  /** Adds faults after start. */
  inject(...faults: DoubleFault[]): void;
  /** Drops every fault not yet spent. */
  clearFaults(): void;
  close(): Promise<void>;
}

/**
 * Starts a GitHub REST API double on 127.0.0.1: a small `node:http` server answering the
 * endpoints `src/pins` uses with bodies shaped as GitHub's OpenAPI description says, ETags and
 * `304 Not Modified`, `link` pagination, rate-limit headers, and injectable faults.
 */
export async function startGitHubApiDouble(fixtures: GitHubApiDoubleFixtures, options: GitHubApiDoubleOptions = {}): Promise<GitHubApiDouble> {
  const prefix = (options.pathPrefix ?? '').replace(/\/+$/, '');
  const repos = new Map<string, RepoModel>();
  for (const [full, spec] of Object.entries(fixtures.repos)) {
    const [owner, name] = full.split('/') as [string, string];
    repos.set(full.toLowerCase(), new RepoModel(owner, name, spec));
  }
  const active: { fault: DoubleFault; left: number }[] = [];
  const inject = (...fs: DoubleFault[]): void => {
    for (const fault of fs) active.push({ fault, left: fault.times ?? 1 });
  };
  inject(...(fixtures.faults ?? []));
  const requests: DoubleRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let maxConcurrent = 0;

  const server = createServer((req, res) => {
    inFlight++;
    maxConcurrent = Math.max(maxConcurrent, inFlight);
    let done = false;
    const finish = (): void => {
      if (!done) inFlight--;
      done = true;
    };
    res.on('finish', finish);
    res.on('close', finish);
    handle(req, res);
  });

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const raw = new URL(req.url ?? '/', 'http://double.invalid');
    const rawPath = raw.pathname.startsWith(prefix) ? raw.pathname.slice(prefix.length) || '/' : raw.pathname;
    // Octokit percent-encodes `/` inside parameters (`tags%2Fv1`); logs and faults see it decoded.
    const path = safeDecode(rawPath);
    const header = (name: string): string | undefined => {
      const v = req.headers[name];
      return Array.isArray(v) ? v.join(', ') : v;
    };
    const entry: DoubleRequest = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(raw.searchParams),
      ifNoneMatch: header('if-none-match'),
      authorization: header('authorization'),
      status: undefined,
      fault: false,
    };
    requests.push(entry);
    const origin = `http://${header('host') ?? '127.0.0.1'}`;
    const roots: Roots = { api: `${origin}${prefix}`, web: origin };

    const slot = active.find(
      (a) =>
        a.left > 0 &&
        (a.fault.method === undefined || a.fault.method.toUpperCase() === entry.method) &&
        (a.fault.path === undefined || (typeof a.fault.path === 'string' ? a.fault.path === path : a.fault.path.test(path))),
    );
    if (slot) {
      slot.left--;
      entry.fault = true;
      const f = slot.fault;
      if (f.drop) {
        req.socket.destroy();
        return;
      }
      const answer = (): void => {
        if (res.destroyed) return;
        if (f.status !== undefined) send(res, entry, f.status, f.body ?? { message: 'fault' }, f.headers);
        else route(req, res, entry, roots, rawPath, raw.searchParams);
      };
      if (f.delayMs) {
        const t = setTimeout(() => {
          timers.delete(t);
          answer();
        }, f.delayMs);
        timers.add(t);
      } else answer();
      return;
    }
    route(req, res, entry, roots, rawPath, raw.searchParams);
  }

  function route(req: IncomingMessage, res: ServerResponse, entry: DoubleRequest, roots: Roots, path: string, query: URLSearchParams): void {
    let reply: Reply;
    try {
      reply = answer(repos, entry.method, path, query, roots);
    } catch (e) {
      // A bug in the double must fail the test that met it, not the whole test process.
      reply = [500, { message: `double: ${(e as Error).message}` }];
    }
    const [status, body, extra] = reply;
    send(res, entry, status, body, extra, req);
  }

  function send(
    res: ServerResponse,
    entry: DoubleRequest,
    status: number,
    body: unknown,
    extra: Readonly<Record<string, string>> = {},
    req?: IncomingMessage,
  ): void {
    const text = JSON.stringify(body);
    const etag = `W/"${createHash('sha256').update(text).digest('hex')}"`;
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `DOUBLE:${requests.length}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
      'x-ratelimit-used': '1',
      'x-ratelimit-resource': 'core',
      vary: 'Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding, Accept, X-Requested-With',
      ...(status === 200 ? { etag, 'cache-control': 'private, max-age=60, s-maxage=60' } : {}),
      ...extra,
    };
    const conditional = req?.headers['if-none-match'];
    if (status === 200 && conditional !== undefined && conditional.split(/\s*,\s*/).includes(etag)) {
      entry.status = 304;
      delete headers['content-type'];
      res.writeHead(304, headers).end();
      return;
    }
    entry.status = status;
    res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(text)) }).end(text);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    get maxConcurrent() {
      return maxConcurrent;
    },
    inject,
    clearFaults: () => void active.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
