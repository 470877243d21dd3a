/**
 * PEP 740 (PyPI) attestations and provenance objects, converted to Sigstore bundles v0.3 with the
 * mapping of pypi-attestations' `Attestation.to_bundle()`: the leaf certificate, the first
 * transparency entry, and the statement + signature as a DSSE envelope of type in-toto JSON.
 */

/** The publisher a PyPI provenance object names (Trusted Publishing identity). */
export interface Pep740Publisher {
  readonly kind?: string;
  readonly repository?: string;
  readonly workflow?: string;
  readonly workflow_filepath?: string;
  readonly environment?: string | null;
  readonly email?: string;
}

/** One converted attestation, with the publisher it was listed under (if any). */
export interface Pep740Converted {
  readonly bundle: Record<string, unknown>;
  readonly publisher?: Pep740Publisher;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when `doc` looks like a PEP 740 attestation object. */
export function isPep740Attestation(doc: unknown): doc is Record<string, unknown> {
  return isObject(doc) && isObject(doc['verification_material']) && isObject(doc['envelope']);
}

/** True when `doc` looks like a PEP 740 provenance object (what PyPI serves per file). */
export function isPep740Provenance(doc: unknown): doc is Record<string, unknown> {
  return isObject(doc) && Array.isArray(doc['attestation_bundles']);
}

/** Converts one attestation object; returns a reason string when its shape is wrong. */
export function pep740ToBundle(att: Record<string, unknown>): Record<string, unknown> | string {
  if (att['version'] !== 1) return `unsupported PEP 740 attestation version ${JSON.stringify(att['version'])}`;
  const vm = att['verification_material'] as Record<string, unknown>;
  const env = att['envelope'] as Record<string, unknown>;
  const entries = vm['transparency_entries'];
  if (typeof vm['certificate'] !== 'string') return 'PEP 740 attestation has no certificate';
  if (!Array.isArray(entries) || entries.length === 0 || !isObject(entries[0])) {
    return 'PEP 740 attestation has no transparency entry';
  }
  if (typeof env['statement'] !== 'string' || typeof env['signature'] !== 'string') {
    return 'PEP 740 envelope needs a base64 statement and signature';
  }
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: {
      certificate: { rawBytes: vm['certificate'] },
      tlogEntries: [entries[0]],
      timestampVerificationData: { rfc3161Timestamps: [] },
    },
    dsseEnvelope: {
      payload: env['statement'],
      payloadType: 'application/vnd.in-toto+json',
      signatures: [{ sig: env['signature'], keyid: '' }],
    },
  };
}

/** Converts a provenance object: every attestation of every attestation bundle. */
export function pep740ProvenanceToBundles(doc: Record<string, unknown>): Pep740Converted[] | string {
  if (doc['version'] !== 1) return `unsupported PEP 740 provenance version ${JSON.stringify(doc['version'])}`;
  const out: Pep740Converted[] = [];
  for (const entry of doc['attestation_bundles'] as unknown[]) {
    if (!isObject(entry) || !Array.isArray(entry['attestations'])) return 'PEP 740 attestation bundle without attestations';
    const publisher = isObject(entry['publisher']) ? (entry['publisher'] as Pep740Publisher) : undefined;
    for (const att of entry['attestations'] as unknown[]) {
      if (!isPep740Attestation(att)) return 'PEP 740 attestation has the wrong shape';
      const bundle = pep740ToBundle(att);
      if (typeof bundle === 'string') return bundle;
      out.push({ bundle, ...(publisher ? { publisher } : {}) });
    }
  }
  return out.length > 0 ? out : 'PEP 740 provenance lists no attestations';
}
