import { pinError } from './codes.js';
import type { CachedResponse, ResponseCache } from './disk-cache.js';

/** Transport policy for GitHub REST calls. Every knob has a default fit for a CLI. */
export interface GitHubFetchOptions {
  /** Conditional-request cache (ETag); none by default. */
  readonly cache?: ResponseCache | undefined;
  /** How long a cached answer is used without asking GitHub again. Default 15 minutes. */
  readonly ttlMs?: number;
  /** Per attempt, until the whole body has arrived. Default 10 s. */
  readonly timeoutMs?: number;
  /** Extra attempts after a timeout, network error, 5xx or rate limit. Default 2. */
  readonly retries?: number;
  /** First backoff for timeouts, network errors and 5xx; doubles each attempt. Default 1 s. */
  readonly retryDelayMs?: number;
  /** The longest rate-limit wait worth sitting out; longer ones fail at once. Default 60 s. */
  readonly maxRateLimitWaitMs?: number;
  /** Requests in flight at once. Default 4 (GitHub asks integrators to avoid concurrency). */
  readonly concurrency?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Diagnostic lines (method, URL, status, waits). Never headers, so never a token. */
  readonly log?: (line: string) => void;
  /** The underlying fetch (default: the global one). */
  readonly fetch?: typeof globalThis.fetch;
}

const DEFAULTS = {
  ttlMs: 15 * 60_000,
  timeoutMs: 10_000,
  retries: 2,
  retryDelayMs: 1_000,
  maxRateLimitWaitMs: 60_000,
  concurrency: 4,
};

/** A counting semaphore: at most `max` tasks run at once, the rest queue in order. */
class Limiter {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }
}

const NULL_BODY = new Set([101, 204, 205, 304]);
const REPLAYED_HEADERS = ['content-type', 'link', 'etag'];

function replay(entry: CachedResponse): Response {
  return new Response(entry.body, { status: 200, headers: entry.headers });
}

/** Milliseconds to wait before retrying a rate-limited answer, or `undefined` when it is not one. */
function rateLimitWait(res: Response, body: string, now: number): number | undefined {
  if (res.status !== 403 && res.status !== 429) return undefined;
  const retryAfter = res.headers.get('retry-after');
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = Number(res.headers.get('x-ratelimit-reset'));
  if (res.headers.get('x-ratelimit-remaining') === '0' && Number.isFinite(reset) && reset > 0) {
    // The reset is in epoch seconds; a little slack covers clock skew between us and GitHub.
    return Math.max(0, reset * 1000 - now) + 500;
  }
  // GitHub's guidance for a secondary limit without headers: wait at least a minute.
  if (res.status === 429 || /rate limit/i.test(body)) return 60_000;
  return undefined;
}

class Timeout extends Error {}

/**
 * A `fetch` for Octokit's `request.fetch` that adds what the REST API asks of clients: ETag
 * conditional requests against a cache with a TTL, bounded concurrency, per-attempt timeouts,
 * bounded retries for timeouts, network errors, 5xx and rate limits (`retry-after`,
 * `x-ratelimit-reset`), and coded errors that say what to do when those run out.
 */
export function createGitHubFetch(options: GitHubFetchOptions = {}): typeof globalThis.fetch {
  const o = { ...DEFAULTS, ...options };
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const log = options.log ?? (() => undefined);
  const base = options.fetch ?? globalThis.fetch;
  const limiter = new Limiter(Math.max(1, o.concurrency));

  return async (input, init = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? 'GET').toUpperCase();
    const cacheable = method === 'GET' && options.cache !== undefined;
    const cached = cacheable ? await options.cache!.get(url) : undefined;
    if (cached && now() - cached.storedAt < o.ttlMs) {
      log(`${method} ${url} → 200 from cache`);
      return replay(cached);
    }
    const headers = new Headers(init.headers);
    if (cached) headers.set('if-none-match', cached.etag);
    const authenticated = headers.has('authorization');

    return limiter.run(async () => {
      let lastFailure: 'timeout' | 'network' | undefined;
      let lastCause: unknown;
      for (let attempt = 0; attempt <= o.retries; attempt++) {
        const controller = new AbortController();
        const onAbort = (): void => controller.abort(init.signal?.reason);
        init.signal?.addEventListener('abort', onAbort, { once: true });
        const timer = setTimeout(() => controller.abort(new Timeout()), o.timeoutMs);
        let res: Response;
        let body: string;
        try {
          res = await base(url, { ...init, method, headers, signal: controller.signal });
          body = res.status === 304 ? '' : await res.text();
        } catch (e) {
          if (init.signal?.aborted) throw init.signal.reason;
          lastFailure = controller.signal.reason instanceof Timeout ? 'timeout' : 'network';
          lastCause = lastFailure === 'timeout' ? undefined : e;
          log(`${method} ${url} → ${lastFailure === 'timeout' ? `no answer within ${o.timeoutMs} ms` : 'network error'}`);
          if (attempt < o.retries) await sleep(o.retryDelayMs * 2 ** attempt);
          continue;
        } finally {
          clearTimeout(timer);
          init.signal?.removeEventListener('abort', onAbort);
        }

        if (res.status === 304 && cached) {
          log(`${method} ${url} → 304, cached body revalidated`);
          const refreshed = { ...cached, storedAt: now() };
          await options.cache!.set(refreshed);
          return replay(refreshed);
        }
        const wait = rateLimitWait(res, body, now());
        if (wait !== undefined) {
          if (attempt < o.retries && wait <= o.maxRateLimitWaitMs) {
            log(`${method} ${url} → ${res.status} rate limited; retrying in ${Math.ceil(wait / 1000)} s`);
            await sleep(wait);
            continue;
          }
          const at = new Date(now() + wait).toISOString();
          throw pinError(
            'GITHUB_RATE_LIMITED',
            `GitHub's API rate limit was reached (${method} ${url} → ${res.status}); it lifts at ${at}. ` +
              (authenticated ? 'Retry after that time.' : 'Set GH_TOKEN or GITHUB_TOKEN for a higher limit, or retry after that time.'),
          );
        }
        if (res.status >= 500) {
          if (attempt < o.retries) {
            log(`${method} ${url} → ${res.status}; retrying`);
            await sleep(o.retryDelayMs * 2 ** attempt);
            continue;
          }
          throw pinError(
            'GITHUB_SERVER_ERROR',
            `GitHub answered ${res.status} to ${method} ${url} ${o.retries + 1} times; it may be having an outage (https://www.githubstatus.com). Retry later, or run without --online.`,
          );
        }
        log(`${method} ${url} → ${res.status}`);
        const etag = res.headers.get('etag');
        if (cacheable && res.status === 200 && etag) {
          const kept: Record<string, string> = {};
          for (const name of REPLAYED_HEADERS) {
            const value = res.headers.get(name);
            if (value !== null) kept[name] = value;
          }
          await options.cache!.set({ url, etag, headers: kept, body, storedAt: now() });
        }
        return new Response(NULL_BODY.has(res.status) ? null : body, { status: res.status, statusText: res.statusText, headers: res.headers });
      }
      throw lastFailure === 'timeout'
        ? pinError('GITHUB_TIMEOUT', `GitHub did not answer ${method} ${url} within ${o.timeoutMs} ms, ${o.retries + 1} times; check the network or GITHUB_API_URL (without --online, the embedded pin database answers).`)
        : pinError(
            'NETWORK_UNAVAILABLE',
            `GitHub cannot be reached (${method} ${url}); check the network, a proxy, or GITHUB_API_URL (without --online, the embedded pin database answers).`,
            lastCause,
          );
    });
  };
}
