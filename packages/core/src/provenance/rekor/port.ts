import type { LegacyEnvelope, ProvenanceDocument } from '../formats/detect.js';
import type { LegacyEnvelopePort } from '../legacy.js';
import { MAX_INDEX_HITS, RekorClient, type RekorClientOptions } from './client.js';
import { legacySignature, matchEntryBody, parseLogEntry, toBundle } from './entry.js';
import { RekorError } from './errors.js';

/**
 * The online {@link LegacyEnvelopePort}: for each envelope, searches Rekor's index by the payload
 * hash, keeps the entries whose body records exactly this signature, certificate and payload
 * (intoto 0.0.2 or dsse 0.0.1), and turns the one match into a Sigstore bundle v0.1. The SET,
 * inclusion proof, certificate chain and signature are then verified by the bundle pipeline
 * against the trusted root. Fails closed: no entry, no matching entry or several distinct
 * matching entries throw a {@link RekorError}; so do network failures (`REKOR_UNAVAILABLE`).
 */
export function createRekorLegacyPort(options: RekorClientOptions = {}): LegacyEnvelopePort & { readonly url: string } {
  const client = new RekorClient(options);
  return {
    url: client.url,
    async toBundles(doc: Extract<ProvenanceDocument, { kind: 'legacy-dsse' }>): Promise<unknown[]> {
      const out: unknown[] = [];
      for (const envelope of doc.envelopes) out.push(await envelopeToBundle(client, envelope));
      return out;
    },
  };
}

async function envelopeToBundle(client: RekorClient, envelope: LegacyEnvelope): Promise<unknown> {
  const signature = legacySignature(envelope);
  const uuids = await client.searchByHash(signature.payloadSha256);
  if (uuids.length === 0) {
    throw new RekorError('REKOR_ENTRY_NOT_FOUND', `Rekor at ${client.url} has no entry for this envelope (payload sha256:${signature.payloadSha256}): the provenance was never logged, or was logged elsewhere`);
  }
  if (uuids.length > MAX_INDEX_HITS) throw new RekorError('REKOR_ENTRY_AMBIGUOUS', `Rekor at ${client.url} indexes ${uuids.length} entries under this payload; refusing to choose`);
  const matches = new Map<string, { bundle: unknown; logIndex: number }>();
  const reasons: string[] = [];
  for (const [uuid, value] of await client.retrieveEntries(uuids)) {
    const entry = parseLogEntry(value);
    if (typeof entry === 'string') {
      reasons.push(`${uuid.slice(-12)}: ${entry}`);
      continue;
    }
    const match = matchEntryBody(entry, envelope, signature);
    if (match.mismatch) {
      reasons.push(`log index ${entry.logIndex}: ${match.mismatch}`);
      continue;
    }
    // The same entry may come back twice (under a short and a long UUID); distinct ones may not.
    const key = `${entry.logID}/${entry.logIndex}/${entry.body}`;
    if (!matches.has(key)) matches.set(key, { bundle: toBundle(envelope, signature, entry, match.kind, match.version), logIndex: entry.logIndex });
  }
  if (matches.size === 0) {
    throw new RekorError('REKOR_ENTRY_MISMATCH', `no Rekor entry records this envelope's signature and certificate (${reasons.join('; ') || 'Rekor returned no entries'})`);
  }
  if (matches.size > 1) {
    throw new RekorError('REKOR_ENTRY_AMBIGUOUS', `several Rekor entries record this envelope (log indexes ${[...matches.values()].map((m) => m.logIndex).join(', ')}); refusing to choose`);
  }
  return [...matches.values()][0]!.bundle;
}
