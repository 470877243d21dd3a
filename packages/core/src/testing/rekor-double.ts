import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RekorDoubleEntry } from './rekor-double-kit.js';

export { createLegacyTestKit, type EntryTamper, type LegacyEnvelopeJson, type LegacyTestKit, type RekorDoubleEntry, type SignedLegacyEnvelope } from './rekor-double-kit.js';
export { legacyScenarios, LEGACY_ARTIFACT, type LegacyScenarios, type LegacyScenarioName } from './rekor-double-scenarios.js';

/** One request the Rekor double received. */
export interface RekorDoubleRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/** A running Rekor double. */
export interface RekorDouble {
  /** The base URL, for `--rekor-url`. `${url}/fault/500` answers 500, `${url}/fault/hang` never answers, `${url}/fault/garbage` non-JSON. */
  readonly url: string;
  readonly requests: readonly RekorDoubleRequest[];
  /** Adds an entry (served by UUID, and by index/retrieve under its index keys). */
  add(entry: RekorDoubleEntry): void;
  close(): Promise<void>;
}

/** Options of {@link startRekorDouble}. */
export interface RekorDoubleOptions {
  readonly entries?: readonly RekorDoubleEntry[];
  /** Extra index keys → UUIDs, to make the index lie (an entry for another artifact). */
  readonly index?: Readonly<Record<string, readonly string[]>>;
}

/**
 * A Rekor v1 API double on 127.0.0.1 (node:http): `POST /api/v1/index/retrieve`,
 * `POST /api/v1/log/entries/retrieve` and `GET /api/v1/log/entries/{uuid}`, with the shapes of
 * the real service. Its entries are signed by test keys (see `createLegacyTestKit`).
 */
export async function startRekorDouble(options: RekorDoubleOptions = {}): Promise<RekorDouble> {
  const entries = new Map<string, Record<string, unknown>>();
  const index = new Map<string, string[]>();
  const requests: RekorDoubleRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const addKey = (key: string, uuid: string) => {
    const k = key.toLowerCase();
    index.set(k, [...(index.get(k) ?? []).filter((u) => u !== uuid), uuid]);
  };
  const add = (e: RekorDoubleEntry) => {
    entries.set(e.uuid, e.entry);
    for (const key of e.indexKeys) addKey(key, e.uuid);
  };
  for (const e of options.entries ?? []) add(e);
  for (const [key, uuids] of Object.entries(options.index ?? {})) for (const u of uuids) addKey(key, u);

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, message: string) => send(res, status, { code: status, message });

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    let path = new URL(req.url ?? '/', 'http://double').pathname;
    let body: unknown;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      body = raw;
    }
    requests.push({ method: req.method ?? 'GET', path, body });
    const fault = /^\/fault\/([a-z0-9]+)(\/.*)$/.exec(path);
    if (fault) {
      if (fault[1] === '500') return error(res, 500, 'internal error (injected)');
      if (fault[1] === 'garbage') return send(res, 200, '<html>not rekor</html>');
      if (fault[1] === 'hang') return void hanging.add(res);
      path = fault[2]!;
    }
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (req.method === 'POST' && path === '/api/v1/index/retrieve') {
      if (typeof b['hash'] !== 'string') return error(res, 422, 'hash or publicKey is required');
      return send(res, 200, index.get(b['hash'].toLowerCase()) ?? []);
    }
    if (req.method === 'POST' && path === '/api/v1/log/entries/retrieve') {
      const uuids = b['entryUUIDs'];
      if (!Array.isArray(uuids) || uuids.length > 10) return error(res, 422, 'entryUUIDs: 1 to 10 UUIDs');
      return send(res, 200, uuids.flatMap((u) => (typeof u === 'string' && entries.has(u) ? [{ [u]: entries.get(u) }] : [])));
    }
    const one = /^\/api\/v1\/log\/entries\/([0-9a-f]{64,80})$/.exec(path);
    if (req.method === 'GET' && one) {
      const e = entries.get(one[1]!);
      return e ? send(res, 200, { [one[1]!]: e }) : error(res, 404, 'entry not found');
    }
    return error(res, 404, `no route ${req.method} ${path}`);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    add,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
