import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { initializeCA, initializeTLog } from '@sigstore/mock';
import { ASN1Obj, X509Certificate } from '@sigstore/core';
import { fixturePath } from './fixtures.js';

/** A legacy slsa-github-generator envelope (bare DSSE + PEM certificate), as written to `.intoto.jsonl`. */
export interface LegacyEnvelopeJson {
  readonly payloadType: string;
  readonly payload: string;
  readonly signatures: { sig: string; keyid: string; cert: string }[];
}

/** An envelope made by the kit, with what a test needs to find it in the log. */
export interface SignedLegacyEnvelope {
  readonly envelope: LegacyEnvelopeJson;
  /** sha256 of the decoded payload, hex: Rekor's index key for it. */
  readonly payloadSha256: string;
}

/** One entry of the Rekor double: its UUID, the `LogEntryAnon` and the hashes it is indexed under. */
export interface RekorDoubleEntry {
  readonly uuid: string;
  readonly entry: Record<string, unknown>;
  readonly indexKeys: readonly string[];
}

/** How {@link LegacyTestKit.logEntry} may spoil an entry (for fail-closed tests). */
export type EntryTamper = 'none' | 'set' | 'signature';

/** Test keys (Fulcio CA with a CT log, Rekor) and the TrustedRoot JSON that trusts exactly them. */
export interface LegacyTestKit {
  /** `application/vnd.dev.sigstore.trustedroot+json;version=0.1` over the test keys only. */
  readonly trustedRoot: Record<string, unknown>;
  /** The in-toto statement of the shared fixture (generic generator, slsa-framework/example-package v13.0.30). */
  readonly statement: Record<string, unknown>;
  /** Signs `statement` with a fresh key and a certificate from the test CA carrying the fixture's Fulcio identity. */
  sign(statement: Record<string, unknown>): Promise<SignedLegacyEnvelope>;
  /** Logs the envelope in the test Rekor (intoto 0.0.2 by default) and returns the entry. */
  logEntry(signed: SignedLegacyEnvelope, options?: { kind?: 'intoto' | 'dsse'; tamper?: EntryTamper }): Promise<RekorDoubleEntry>;
}

const FIXTURE = ['slsa-verifier', 'cli', 'slsa-verifier', 'testdata', 'gha_generic', 'v2.1.0', 'binary-linux-amd64-push-v13.0.30.intoto.jsonl'];
const FULCIO = '1.3.6.1.4.1.57264.1';
const IN_TOTO = 'application/vnd.in-toto+json';
const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const pem = (der: Buffer) => `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
const ecKeys = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const spki = (k: KeyObject) => k.export({ format: 'der', type: 'spki' });

function pae(type: string, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${payload.length} `), payload]);
}

/** The statement and the Fulcio identity (SAN + extensions) of a real generator certificate. */
function fixtureIdentity(): { statement: Record<string, unknown>; san: string; extensions: { oid: string; value: string; legacy?: boolean }[] } {
  const bundle = JSON.parse(readFileSync(fixturePath(...FIXTURE), 'utf8').split('\n')[0]!) as {
    verificationMaterial: { certificate: { rawBytes: string } };
    dsseEnvelope: { payload: string };
  };
  const cert = X509Certificate.parse(Buffer.from(bundle.verificationMaterial.certificate.rawBytes, 'base64'));
  const extensions: { oid: string; value: string; legacy?: boolean }[] = [];
  for (let n = 1; n <= 30; n++) {
    if (n === 7) continue; // 1.7 is an otherName SAN type, not a claim.
    const ext = cert.extension(`${FULCIO}.${n}`);
    if (!ext) continue;
    extensions.push(
      n <= 6 ? { oid: ext.oid, value: ext.value.toString('utf8'), legacy: true } : { oid: ext.oid, value: ASN1Obj.parseBuffer(Buffer.from(ext.value)).value.toString('utf8') },
    );
  }
  return {
    statement: JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')) as Record<string, unknown>,
    san: cert.subjectAltName!,
    extensions,
  };
}

/**
 * A CT log issuing RFC 6962 SCTs over the precertificate's TBS. `@sigstore/mock`'s own CT log
 * emits SCTs with an empty signature with the installed pkijs, which `@sigstore/verify` rejects.
 */
function testCtLog(keys: { publicKey: KeyObject; privateKey: KeyObject }, clock: Date): { publicKey: Buffer; logID: Buffer; log(cert: ArrayBuffer, issuerID: ArrayBuffer): Promise<ArrayBuffer> } {
  const publicKey = spki(keys.publicKey);
  const logID = createHash('sha256').update(publicKey).digest();
  return {
    publicKey,
    logID,
    log(cert, issuerID) {
      const tbs = X509Certificate.parse(Buffer.from(cert)).tbsCertificate.toDER();
      const timestamp = Buffer.alloc(8);
      timestamp.writeBigUInt64BE(BigInt(clock.getTime()));
      const len24 = Buffer.from([(tbs.length >> 16) & 0xff, (tbs.length >> 8) & 0xff, tbs.length & 0xff]);
      const signed = Buffer.concat([Buffer.from([0, 0]), timestamp, Buffer.from([0, 1]), Buffer.from(issuerID), len24, tbs, Buffer.from([0, 0])]);
      const sig = sign('sha256', signed, keys.privateKey);
      const sigLen = Buffer.alloc(2);
      sigLen.writeUInt16BE(sig.length);
      const sct = Buffer.concat([Buffer.from([0]), logID, timestamp, Buffer.from([0, 0, 4, 3]), sigLen, sig]);
      // The mock CA writes the SCT list's length itself; each SCT carries its own uint16 length.
      const sctLen = Buffer.alloc(2);
      sctLen.writeUInt16BE(sct.length);
      const out = Buffer.concat([sctLen, sct]);
      return Promise.resolve(out.buffer.slice(out.byteOffset, out.byteOffset + out.length));
    },
  };
}

/**
 * Makes fresh test keys with `@sigstore/mock` (CA, CT log, transparency log) and the matching
 * trusted root. Nothing it signs verifies against a real Sigstore root.
 */
export async function createLegacyTestKit(options: { rekorUrl?: string } = {}): Promise<LegacyTestKit> {
  const clock = new Date();
  const ctLog = testCtLog(ecKeys(), clock);
  const ca = await initializeCA(ecKeys(), ctLog, clock);
  const tlogKeys = ecKeys();
  const tlog = await initializeTLog(options.rekorUrl ?? 'http://rekor.test', tlogKeys, clock);
  const spoiler = await initializeTLog(options.rekorUrl ?? 'http://rekor.test', ecKeys(), clock);
  // The mock makes its root certificate with the real time (not `clock`), so when set-up crosses a
  // second boundary the root's notBefore (whole seconds) would follow the leaf's issuance and the SET's
  // integrated time, and the chain would not verify. Every part holds this Date by reference: move
  // it to now, after the root exists.
  clock.setTime(Date.now());
  const start = new Date(clock.getTime() - 3_600_000).toISOString();
  const key = (raw: Buffer) => ({ rawBytes: b64(raw), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } });
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [{ baseUrl: 'http://rekor.test', hashAlgorithm: 'SHA2_256', publicKey: key(tlog.publicKey), logId: { keyId: b64(createHash('sha256').update(tlog.publicKey).digest()) } }],
    certificateAuthorities: [
      { subject: { organization: 'sigstore.mock', commonName: 'sigstore' }, uri: 'http://fulcio.test', certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] }, validFor: { start } },
    ],
    ctlogs: [{ baseUrl: 'http://ctfe.test', hashAlgorithm: 'SHA2_256', publicKey: key(ctLog.publicKey), logId: { keyId: b64(ctLog.logID) } }],
    timestampAuthorities: [],
  };
  const identity = fixtureIdentity();

  return {
    trustedRoot,
    statement: identity.statement,
    async sign(statement) {
      const signer = ecKeys();
      const certificate = await ca.issueCertificate({ publicKey: spki(signer.publicKey), subjectAltName: identity.san, extensions: identity.extensions });
      const payload = Buffer.from(JSON.stringify(statement));
      const sig = sign('sha256', pae(IN_TOTO, payload), signer.privateKey);
      return {
        envelope: { payloadType: IN_TOTO, payload: b64(payload), signatures: [{ keyid: '', sig: b64(sig), cert: pem(certificate) }] },
        payloadSha256: sha256(payload),
      };
    },
    async logEntry(signed, opts = {}) {
      const s = signed.envelope.signatures[0]!;
      // 'signature': the log records another signature over the same payload (a body mismatch).
      const recordedSig = opts.tamper === 'signature' ? b64(Buffer.from(s.sig, 'base64').reverse()) : s.sig;
      const payloadHash = { algorithm: 'sha256', value: signed.payloadSha256 };
      const proposed =
        opts.kind === 'dsse'
          ? {
              apiVersion: '0.0.1',
              kind: 'dsse',
              spec: {
                envelopeHash: { algorithm: 'sha256', value: sha256(JSON.stringify(signed.envelope)) },
                payloadHash,
                signatures: [{ signature: recordedSig, verifier: b64(s.cert) }],
              },
            }
          : {
              apiVersion: '0.0.2',
              kind: 'intoto',
              spec: {
                content: {
                  envelope: { payloadType: signed.envelope.payloadType, signatures: [{ publicKey: b64(s.cert), sig: b64(recordedSig) }] },
                  hash: { algorithm: 'sha256', value: sha256(JSON.stringify(signed.envelope)) },
                  payloadHash,
                },
              },
            };
      const logged = await tlog.log(proposed);
      const [uuid, entry] = Object.entries(logged)[0]! as [string, Record<string, unknown>];
      if (opts.tamper === 'set') {
        // Same entry, SET signed by a key the trusted root does not know.
        const other = Object.values(await spoiler.log(proposed))[0] as unknown as { verification: { signedEntryTimestamp: string } };
        const verification = entry['verification'] as Record<string, unknown>;
        entry['verification'] = { ...verification, signedEntryTimestamp: other.verification.signedEntryTimestamp };
      }
      return { uuid, entry, indexKeys: [`sha256:${signed.payloadSha256}`] };
    },
  };
}
