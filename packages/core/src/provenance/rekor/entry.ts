import { createHash } from 'node:crypto';
import type { LegacyEnvelope } from '../formats/detect.js';
import { RekorError } from './errors.js';

/** One Rekor log entry as the API returns it (`LogEntryAnon`), keyed by its UUID in responses. */
export interface RekorLogEntry {
  readonly body: string;
  readonly integratedTime: number;
  readonly logID: string;
  readonly logIndex: number;
  readonly verification?: {
    readonly signedEntryTimestamp?: string;
    readonly inclusionProof?: {
      readonly logIndex: number;
      readonly rootHash: string;
      readonly treeSize: number;
      readonly hashes: readonly string[];
      readonly checkpoint?: string;
    };
  };
}

/** The one signature of a legacy envelope, decoded. */
export interface LegacySignature {
  readonly sig: Buffer;
  readonly keyid: string;
  /** DER of the embedded certificate. */
  readonly certificate: Buffer;
  /** sha256 of the decoded payload, hex. */
  readonly payloadSha256: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBase64 = (s: string) => s.length > 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s) && s.length % 4 === 0;

/** The DER bytes of the first certificate of a PEM text, or undefined. */
export function pemToDer(pem: string): Buffer | undefined {
  const m = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(pem);
  if (!m) return undefined;
  const der = Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
  return der.length > 0 ? der : undefined;
}

/**
 * Reads the single signature and certificate of a legacy envelope. Throws `REKOR_ENTRY_INVALID`
 * for envelopes that do not have exactly one signature with a PEM certificate: the generator
 * writes one, and anything else cannot be matched to a log entry unambiguously.
 */
export function legacySignature(envelope: LegacyEnvelope): LegacySignature {
  if (envelope.signatures.length !== 1) throw new RekorError('REKOR_ENTRY_INVALID', `a legacy envelope must carry exactly one signature, this one has ${envelope.signatures.length}`);
  const s = envelope.signatures[0]!;
  if (typeof s.sig !== 'string' || !isBase64(s.sig)) throw new RekorError('REKOR_ENTRY_INVALID', 'the envelope signature is not base64');
  const certificate = typeof s.cert === 'string' ? pemToDer(s.cert) : undefined;
  if (!certificate) throw new RekorError('REKOR_ENTRY_INVALID', 'the envelope signature carries no PEM certificate');
  if (!isBase64(envelope.payload)) throw new RekorError('REKOR_ENTRY_INVALID', 'the envelope payload is not base64');
  const payloadSha256 = createHash('sha256').update(Buffer.from(envelope.payload, 'base64')).digest('hex');
  return { sig: Buffer.from(s.sig, 'base64'), keyid: typeof s.keyid === 'string' ? s.keyid : '', certificate, payloadSha256 };
}

/** Parses an entry of a Rekor response, or returns a reason. */
export function parseLogEntry(value: unknown): RekorLogEntry | string {
  if (!isObject(value)) return 'entry is not an object';
  const { body, integratedTime, logID, logIndex, verification } = value;
  if (typeof body !== 'string' || !isBase64(body)) return 'entry body is not base64';
  if (typeof integratedTime !== 'number' || !Number.isSafeInteger(integratedTime) || integratedTime <= 0) return 'entry has no integrated time';
  if (typeof logID !== 'string' || !/^[0-9a-f]{64}$/i.test(logID)) return 'entry has no log id';
  if (typeof logIndex !== 'number' || !Number.isSafeInteger(logIndex) || logIndex < 0) return 'entry has no log index';
  if (verification !== undefined && !isObject(verification)) return 'entry verification is not an object';
  return value as unknown as RekorLogEntry;
}

function decodeB64Text(value: unknown): string | undefined {
  return typeof value === 'string' && isBase64(value) ? Buffer.from(value, 'base64').toString('utf8') : undefined;
}

/** The kind and version of an entry body, and why it does not record `signature`, if it does not. */
export function matchEntryBody(entry: RekorLogEntry, envelope: LegacyEnvelope, signature: LegacySignature): { kind: string; version: string; mismatch?: string } {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(entry.body, 'base64').toString('utf8'));
  } catch {
    return { kind: '?', version: '?', mismatch: 'entry body is not JSON' };
  }
  if (!isObject(body) || !isObject(body['spec'])) return { kind: '?', version: '?', mismatch: 'entry body has no spec' };
  const kind = String(body['kind']);
  const version = String(body['apiVersion']);
  const spec = body['spec'];
  let sig: Buffer | undefined;
  let pem: string | undefined;
  let payloadHash: unknown;
  let payloadType: unknown;
  let count = 0;
  if (kind === 'intoto' && version === '0.0.2') {
    const content = isObject(spec['content']) ? spec['content'] : {};
    const env = isObject(content['envelope']) ? content['envelope'] : {};
    const sigs = Array.isArray(env['signatures']) ? (env['signatures'] as unknown[]) : [];
    count = sigs.length;
    const first = isObject(sigs[0]) ? sigs[0] : {};
    // intoto 0.0.2 double-encodes: base64 of the base64 signature, base64 of the PEM.
    const inner = decodeB64Text(first['sig']);
    sig = inner !== undefined && isBase64(inner) ? Buffer.from(inner, 'base64') : undefined;
    pem = decodeB64Text(first['publicKey']);
    payloadHash = content['payloadHash'];
    payloadType = env['payloadType'];
  } else if (kind === 'dsse' && version === '0.0.1') {
    const sigs = Array.isArray(spec['signatures']) ? (spec['signatures'] as unknown[]) : [];
    count = sigs.length;
    const first = isObject(sigs[0]) ? sigs[0] : {};
    sig = typeof first['signature'] === 'string' && isBase64(first['signature']) ? Buffer.from(first['signature'], 'base64') : undefined;
    pem = decodeB64Text(first['verifier']);
    payloadHash = spec['payloadHash'];
  } else {
    return { kind, version, mismatch: `unsupported entry kind ${kind} ${version} (expected intoto 0.0.2 or dsse 0.0.1)` };
  }
  if (count !== 1) return { kind, version, mismatch: `entry records ${count} signatures, not 1` };
  if (!sig || !sig.equals(signature.sig)) return { kind, version, mismatch: 'entry records another signature' };
  const der = pem === undefined ? undefined : pemToDer(pem);
  if (!der || !der.equals(signature.certificate)) return { kind, version, mismatch: 'entry records another certificate' };
  if (!isObject(payloadHash) || payloadHash['algorithm'] !== 'sha256' || String(payloadHash['value']).toLowerCase() !== signature.payloadSha256) {
    return { kind, version, mismatch: 'entry records another payload' };
  }
  if (payloadType !== undefined && payloadType !== envelope.payloadType) return { kind, version, mismatch: 'entry records another payload type' };
  return { kind, version };
}

const hexToB64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

/**
 * Turns a legacy envelope and the log entry that records it into a Sigstore bundle v0.1 (SET
 * required: it is the trusted time of the short-lived certificate), with the inclusion proof when
 * Rekor returned one. The bundle is then verified like any other.
 */
export function toBundle(envelope: LegacyEnvelope, signature: LegacySignature, entry: RekorLogEntry, kind: string, version: string): unknown {
  const set = entry.verification?.signedEntryTimestamp;
  if (typeof set !== 'string' || !isBase64(set)) throw new RekorError('REKOR_ENTRY_INVALID', `Rekor entry ${entry.logIndex} has no signed entry timestamp`);
  const proof = entry.verification?.inclusionProof;
  const inclusionProof =
    isObject(proof) && typeof proof.rootHash === 'string' && Array.isArray(proof.hashes) && typeof proof.checkpoint === 'string'
      ? {
          logIndex: String(proof.logIndex),
          rootHash: hexToB64(proof.rootHash),
          treeSize: String(proof.treeSize),
          hashes: proof.hashes.map((h) => hexToB64(String(h))),
          checkpoint: { envelope: proof.checkpoint },
        }
      : undefined;
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
    verificationMaterial: {
      x509CertificateChain: { certificates: [{ rawBytes: signature.certificate.toString('base64') }] },
      tlogEntries: [
        {
          logIndex: String(entry.logIndex),
          logId: { keyId: hexToB64(entry.logID) },
          kindVersion: { kind, version },
          integratedTime: String(entry.integratedTime),
          inclusionPromise: { signedEntryTimestamp: set },
          ...(inclusionProof ? { inclusionProof } : {}),
          canonicalizedBody: entry.body,
        },
      ],
      timestampVerificationData: { rfc3161Timestamps: [] },
    },
    dsseEnvelope: {
      payload: envelope.payload,
      payloadType: envelope.payloadType,
      signatures: [{ sig: signature.sig.toString('base64'), keyid: signature.keyid }],
    },
  };
}
