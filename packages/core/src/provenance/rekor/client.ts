import { RekorError } from './errors.js';

/** The public-good Rekor instance. */
export const DEFAULT_REKOR_URL = 'https://rekor.sigstore.dev';
/** Per-request timeout of the Rekor client. */
export const DEFAULT_REKOR_TIMEOUT_MS = 20_000;
/** Rekor answers at most this many UUIDs per `entries/retrieve` request. */
const RETRIEVE_BATCH = 10;
/** More index hits than this for one payload is not a real envelope: refuse rather than page on. */
export const MAX_INDEX_HITS = 50;
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** Options of {@link RekorClient}. */
export interface RekorClientOptions {
  /** Rekor base URL (`--rekor-url`); default {@link DEFAULT_REKOR_URL}. */
  readonly url?: string;
  /** Per-request timeout in milliseconds; default {@link DEFAULT_REKOR_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  /** The fetch implementation (Node's undici-based global `fetch` by default). */
  readonly fetch?: typeof fetch;
}

/** A small client of the Rekor v1 REST API: search the index, retrieve entries. */
export class RekorClient {
  readonly url: string;
  private readonly timeoutMs: number;
  private readonly fetchFn: typeof fetch;

  constructor(options: RekorClientOptions = {}) {
    const url = options.url ?? DEFAULT_REKOR_URL;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new RekorError('REKOR_UNAVAILABLE', `--rekor-url '${url}' is not a URL`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new RekorError('REKOR_UNAVAILABLE', `--rekor-url '${url}' is not an http(s) URL`);
    this.url = url.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_REKOR_TIMEOUT_MS;
    this.fetchFn = options.fetch ?? fetch;
  }

  /** `POST /api/v1/index/retrieve {"hash":"sha256:HEX"}`: the UUIDs of entries indexed by the hash. */
  async searchByHash(sha256Hex: string): Promise<string[]> {
    const json = await this.post('/api/v1/index/retrieve', { hash: `sha256:${sha256Hex}` });
    if (!Array.isArray(json) || !json.every((u) => typeof u === 'string' && /^[0-9a-f]{64,80}$/i.test(u))) {
      throw new RekorError('REKOR_UNAVAILABLE', `${this.url}: index/retrieve did not answer a list of entry UUIDs`);
    }
    return [...new Set(json as string[])];
  }

  /** `POST /api/v1/log/entries/retrieve {"entryUUIDs":[…]}`: the entries, as `{uuid: entry}` pairs. */
  async retrieveEntries(uuids: readonly string[]): Promise<[string, unknown][]> {
    const out: [string, unknown][] = [];
    for (let i = 0; i < uuids.length; i += RETRIEVE_BATCH) {
      const json = await this.post('/api/v1/log/entries/retrieve', { entryUUIDs: uuids.slice(i, i + RETRIEVE_BATCH) });
      if (!Array.isArray(json)) throw new RekorError('REKOR_UNAVAILABLE', `${this.url}: entries/retrieve did not answer a list`);
      for (const item of json) {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new RekorError('REKOR_UNAVAILABLE', `${this.url}: entries/retrieve answered a malformed entry`);
        out.push(...Object.entries(item as Record<string, unknown>));
      }
    }
    return out;
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    const target = `${this.url}${path}`;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchFn(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (e) {
      const err = e as Error;
      const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
      const why = timedOut ? `no answer within ${this.timeoutMs / 1000}s` : describeNetworkError(err);
      throw new RekorError('REKOR_UNAVAILABLE', `cannot reach Rekor at ${this.url}: ${why}`, { cause: e });
    }
    if (!response.ok) throw new RekorError('REKOR_UNAVAILABLE', `Rekor at ${this.url} answered ${response.status} ${response.statusText} to ${path}`);
    if (text.length > MAX_RESPONSE_BYTES) throw new RekorError('REKOR_UNAVAILABLE', `Rekor at ${this.url} answered more than ${MAX_RESPONSE_BYTES} bytes to ${path}`);
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new RekorError('REKOR_UNAVAILABLE', `Rekor at ${this.url} answered non-JSON to ${path}`, { cause: e });
    }
  }
}

function describeNetworkError(err: Error): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ? `${cause.code}${cause.message ? ` (${cause.message})` : ''}` : err.message;
}
