import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { slsaKitCacheDir } from '../fs/cache-dir.js';
import path from 'node:path';

/**
 * One cached GitHub answer. Only what is needed to replay it: never request headers, so a token
 * can never reach the disk.
 */
export interface CachedResponse {
  readonly url: string;
  readonly etag: string;
  /** The response headers worth replaying (`content-type`, `link` for pagination, `etag`). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Epoch milliseconds of the last time GitHub confirmed this body (200 or 304). */
  readonly storedAt: number;
}

/** Where conditional-request state lives; keyed by request URL. */
export interface ResponseCache {
  get(url: string): Promise<CachedResponse | undefined>;
  set(entry: CachedResponse): Promise<void>;
}

/**
 * The default cache directory: `$XDG_CACHE_HOME/slsa-kit/github`, else `~/.cache/slsa-kit/github`
 * (`%LOCALAPPDATA%\slsa-kit\github` on Windows).
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  return slsaKitCacheDir('github', env, home);
}

/**
 * A {@link ResponseCache} of one JSON file per URL (named by the URL's SHA-256) in a private
 * directory. Writes are atomic (temp file + rename); an unreadable entry is a miss, never an error.
 */
export class DiskResponseCache implements ResponseCache {
  constructor(readonly dir: string) {}

  private file(url: string): string {
    return path.join(this.dir, `${createHash('sha256').update(url).digest('hex')}.json`);
  }

  async get(url: string): Promise<CachedResponse | undefined> {
    let text: string;
    try {
      text = await readFile(this.file(url), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as Partial<CachedResponse>;
      if (entry.url !== url || typeof entry.etag !== 'string' || typeof entry.body !== 'string' || typeof entry.storedAt !== 'number') {
        return undefined;
      }
      return { url, etag: entry.etag, body: entry.body, storedAt: entry.storedAt, headers: { ...entry.headers } };
    } catch {
      return undefined;
    }
  }

  async set(entry: CachedResponse): Promise<void> {
    const target = this.file(entry.url);
    const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      await writeFile(temp, JSON.stringify(entry), { mode: 0o600 });
      await rename(temp, target);
    } catch {
      // A cache that cannot be written only costs requests; resolution goes on.
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }
}
