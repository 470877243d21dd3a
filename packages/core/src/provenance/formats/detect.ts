import { ProvenanceError } from '../errors.js';
import { isPep740Attestation, isPep740Provenance, pep740ProvenanceToBundles, pep740ToBundle, type Pep740Publisher } from './pep740.js';

/** One npm registry attestation: `{predicateType, bundle}`. */
export interface NpmAttestation {
  readonly predicateType: string;
  readonly bundle: unknown;
}

/** A legacy slsa-github-generator DSSE envelope (signatures carry a PEM certificate). */
export interface LegacyEnvelope {
  readonly payloadType: string;
  readonly payload: string;
  readonly signatures: readonly { readonly sig?: string; readonly cert?: string; readonly keyid?: string }[];
}

/** The provenance formats, detected from the content. */
export type ProvenanceDocument =
  | { readonly kind: 'sigstore-bundles'; readonly bundles: readonly unknown[]; readonly origin: 'bundle' | 'github-attestations' }
  | { readonly kind: 'pep740'; readonly bundles: readonly unknown[]; readonly publishers: readonly (Pep740Publisher | undefined)[] }
  | { readonly kind: 'npm-attestations'; readonly attestations: readonly NpmAttestation[] }
  | { readonly kind: 'legacy-dsse'; readonly envelopes: readonly LegacyEnvelope[] };

/** Provenance files larger than this are refused: real ones are a few hundred KiB. */
export const MAX_PROVENANCE_BYTES = 64 * 1024 * 1024;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const malformed = (message: string): ProvenanceError => new ProvenanceError('PROVENANCE_MALFORMED', message);

function parseDocuments(text: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed === '') throw malformed('provenance file is empty');
  try {
    return [JSON.parse(trimmed) as unknown];
  } catch {
    // Not one document: try JSON Lines (one bundle or envelope per line).
  }
  const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.map((line, i) => {
    try {
      return JSON.parse(line) as unknown;
    } catch (e) {
      throw malformed(`provenance is neither JSON nor JSON Lines (line ${i + 1}: ${(e as Error).message})`);
    }
  });
}

type Classified = { kind: ProvenanceDocument['kind'] | 'github-attestations'; items: unknown[]; publishers?: (Pep740Publisher | undefined)[] };

function classify(doc: unknown): Classified {
  if (!isObject(doc)) throw malformed('provenance must be a JSON object');
  if (typeof doc['mediaType'] === 'string' && doc['mediaType'].startsWith('application/vnd.dev.sigstore.bundle')) {
    return { kind: 'sigstore-bundles', items: [doc] };
  }
  const atts = doc['attestations'];
  if (Array.isArray(atts) && atts.length > 0 && atts.every((a) => isObject(a) && isObject(a['bundle']))) {
    // npm's registry response names the predicate type of each; GitHub's API response does not.
    if (atts.every((a) => typeof (a as Record<string, unknown>)['predicateType'] === 'string')) {
      return { kind: 'npm-attestations', items: atts };
    }
    return { kind: 'github-attestations', items: atts.map((a) => (a as Record<string, unknown>)['bundle']) };
  }
  if (typeof doc['payloadType'] === 'string' && typeof doc['payload'] === 'string' && Array.isArray(doc['signatures'])) {
    return { kind: 'legacy-dsse', items: [doc] };
  }
  if (isPep740Attestation(doc)) {
    const bundle = pep740ToBundle(doc);
    if (typeof bundle === 'string') throw malformed(bundle);
    return { kind: 'pep740', items: [bundle], publishers: [undefined] };
  }
  if (isPep740Provenance(doc)) {
    const converted = pep740ProvenanceToBundles(doc);
    if (typeof converted === 'string') throw malformed(converted);
    return { kind: 'pep740', items: converted.map((c) => c.bundle), publishers: converted.map((c) => c.publisher) };
  }
  throw malformed('unrecognised provenance format: expected a Sigstore bundle, an npm or GitHub attestations response, a DSSE envelope or a PEP 740 attestation');
}

/**
 * Detects the provenance format from the content (never the file name) and normalises it.
 * Throws `PROVENANCE_MALFORMED` for empty, binary, truncated, oversized or unrecognised input.
 */
export function parseProvenance(input: string | Uint8Array): ProvenanceDocument {
  if (input.length > MAX_PROVENANCE_BYTES) throw malformed(`provenance is larger than ${MAX_PROVENANCE_BYTES} bytes`);
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
  if (text.includes('\u0000') || text.includes('\uFFFD')) throw malformed('provenance is binary, not JSON text');
  const parts = parseDocuments(text.replace(/^\uFEFF/, '')).map(classify);
  const kinds = new Set(parts.map((p) => (p.kind === 'github-attestations' ? 'sigstore-bundles' : p.kind)));
  if (kinds.size !== 1) throw malformed('provenance mixes several formats');
  const first = parts[0]!;
  const items = parts.flatMap((p) => p.items);
  switch (first.kind) {
    case 'sigstore-bundles':
    case 'github-attestations':
      return { kind: 'sigstore-bundles', bundles: items, origin: parts.some((p) => p.kind === 'github-attestations') ? 'github-attestations' : 'bundle' };
    case 'pep740':
      return { kind: 'pep740', bundles: items, publishers: parts.flatMap((p) => p.publishers ?? []) };
    case 'npm-attestations':
      if (parts.length !== 1) throw malformed('an npm attestations response must be a single JSON document');
      return { kind: 'npm-attestations', attestations: items as NpmAttestation[] };
    case 'legacy-dsse':
      return { kind: 'legacy-dsse', envelopes: items as LegacyEnvelope[] };
  }
}
