import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caught } from '../testing/error-code.js';
import { fixturePath } from '../testing/fixtures.js';
import { NPM_GITHUB_RUNNER } from './builders.js';
import { CheckList } from './check-list.js';
import { hashFile, parseDigest } from './digest.js';
import { fail, type VerificationResult } from './result.js';
import { verifyArtifact, type VerifyArtifactOptions } from './verify-artifact.js';
import { verifyGithubAttestation } from './verify-github-attestation.js';
import { verifyNpmPackage } from './verify-npm-package.js';

/**
 * Fail closed: tampered and hostile inputs must never PASS, and never crash with an uncoded error.
 *
 * The property test mutates real bundles one field at a time (one character, seeded), re-serializes
 * them and verifies offline. Two mutation outcomes are not counted as "PASS of a tampered bundle":
 *  - no-op mutations: a base64 character whose change only touches the unused padding bits decodes
 *    to the same bytes (the verifier sees the identical bundle);
 *  - fields that @sigstore/verify 3.1.1 does not read at all (see UNREAD below). Every PASS in one
 *    of these classes is counted and reported separately, and asserted to occur nowhere else.
 */
const dir = fixturePath('slsa-verifier', 'cli', 'slsa-verifier', 'testdata', 'gha_generic', 'v2.1.0');
const text = readFileSync(path.join(dir, 'binary-linux-amd64-workflow_dispatch.intoto.jsonl'), 'utf8');
const other = readFileSync(path.join(dir, 'binary-linux-amd64-push-v14.intoto.jsonl'), 'utf8');
const SHA = '376e7e01348585b6e6643bc6663146b9d525d9b41228bf180eaeb4d4a3706caa';
const base: VerifyArtifactOptions = {
  provenance: text,
  artifacts: [parseDigest(`sha256:${SHA}`)],
  sourceUri: 'github.com/slsa-framework/example-package',
  testing: true,
};
type Bundle = { dsseEnvelope: { payload: string; signatures: { sig: string }[] }; verificationMaterial: Record<string, unknown> };
const bundle = (): Bundle => JSON.parse(text) as Bundle;
const flip = (b64: string, at: number): string => {
  const buf = Buffer.from(b64, 'base64');
  buf[at % buf.length]! ^= 0x01;
  return buf.toString('base64');
};

// ---------------------------------------------------------------------------------------------
// Targets: real bundles and the verifier that passes them untouched.
type Json = Record<string, unknown>;
interface Target {
  readonly name: string;
  /** The document, parsed; `bundles(doc)` are the Sigstore bundles inside it (mutated in place). */
  readonly doc: () => Json;
  readonly bundles: (doc: Json) => Json[];
  readonly verify: (provenance: string) => Promise<VerificationResult>;
}
const npmRoot = fixturePath('real-world', 'npm');
const npmTarget = async (dirName: string, pkg: string, version: string, repo: string): Promise<Target> => {
  const file = readFileSync(path.join(npmRoot, dirName, `${dirName}.attestations.json`), 'utf8');
  const artifact = await hashFile(path.join(npmRoot, dirName, `${dirName}.tgz`));
  return {
    name: `npm ${dirName}`,
    doc: () => JSON.parse(file) as Json,
    bundles: (d) => (d['attestations'] as Json[]).map((a) => a['bundle'] as Json),
    verify: (p) => verifyNpmPackage({ provenance: p, artifacts: [artifact], sourceUri: repo, builderId: NPM_GITHUB_RUNNER, packageName: pkg, packageVersion: version }),
  };
};
const genericTarget: Target = { name: 'generic generator v2.1.0', doc: () => JSON.parse(text) as Json, bundles: (d) => [d], verify: (p) => verifyArtifact({ ...base, provenance: p }) };

// ---------------------------------------------------------------------------------------------
// Fields: where a string lives in a bundle, and which characters a mutation may write there.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGITS = '0123456789';
interface Slot {
  readonly get: () => string;
  readonly set: (v: string) => void;
  readonly alphabet: string;
  /** base64 fields: a mutation decoding to the same bytes is a no-op. */
  readonly base64: boolean;
}
const slot = (o: unknown, key: string | number, alphabet: string, base64: boolean): Slot | undefined => {
  const holder = o as Record<string | number, unknown> | undefined;
  if (!holder || typeof holder[key] !== 'string') return undefined;
  return { get: () => holder[key] as string, set: (v) => void (holder[key] = v), alphabet, base64 };
};
const tlog = (b: Json): Json | undefined => ((b['verificationMaterial'] as Json)['tlogEntries'] as Json[] | undefined)?.[0];
const proof = (b: Json): Json | undefined => tlog(b)?.['inclusionProof'] as Json | undefined;
const certSlot = (b: Json): Slot | undefined => {
  const vm = b['verificationMaterial'] as Json;
  const chain = (vm['x509CertificateChain'] as Json | undefined)?.['certificates'] as Json[] | undefined;
  return slot(vm['certificate'] ?? chain?.[0], 'rawBytes', B64, true);
};
type FieldPick = (b: Json, r: () => number) => Slot | undefined;
const FIELDS: Record<string, FieldPick> = {
  signature: (b) => slot(((b['dsseEnvelope'] as Json)['signatures'] as Json[])[0], 'sig', B64, true),
  payload: (b) => slot(b['dsseEnvelope'], 'payload', B64, true),
  certificate: certSlot,
  'tlog body': (b) => slot(tlog(b), 'canonicalizedBody', B64, true),
  SET: (b) => slot(tlog(b)?.['inclusionPromise'], 'signedEntryTimestamp', B64, true),
  integratedTime: (b) => slot(tlog(b), 'integratedTime', DIGITS, false),
  logIndex: (b) => slot(tlog(b), 'logIndex', DIGITS, false),
  'logId keyId': (b) => slot(tlog(b)?.['logId'], 'keyId', B64, true),
  'inclusion proof hash': (b, r) => {
    const h = proof(b)?.['hashes'] as string[] | undefined;
    return h && h.length > 0 ? slot(h, Math.floor(r() * h.length), B64, true) : undefined;
  },
  'inclusion proof logIndex': (b) => slot(proof(b), 'logIndex', DIGITS, false),
  'inclusion proof rootHash': (b) => slot(proof(b), 'rootHash', B64, true),
  'inclusion proof treeSize': (b) => slot(proof(b), 'treeSize', DIGITS, false),
  checkpoint: (b) => slot(proof(b)?.['checkpoint'], 'envelope', `${B64}\n -`, false),
};

/**
 * Fields @sigstore/verify 3.1.1 never reads (dist/tlog/{merkle,checkpoint}.js): it recomputes the
 * Merkle root from the log entry and compares it with the root and size *inside the signed
 * checkpoint*, so the bundle's own `inclusionProof.rootHash` / `treeSize` copies went unchecked and
 * mutating them still passed. `signature.ts` now requires both to equal the checkpoint's, so those
 * mutations are rejected like every other and the set below is empty.
 */
// Empty since signature.ts requires the bundle's rootHash/treeSize to equal the signed checkpoint's;
// kept so a field @sigstore/verify ignores can be recorded here, never silently.
const UNREAD = new Set<string>();

function checkpointRegion(envelope: string, at: number): string {
  const sep = envelope.indexOf('\n\n');
  if (sep < 0 || at < sep + 2) return 'checkpoint';
  const lineStart = envelope.lastIndexOf('\n', at - 1) + 1;
  const line = envelope.slice(lineStart, envelope.indexOf('\n', at) < 0 ? undefined : envelope.indexOf('\n', at));
  const m = /^\u2014 (\S+) /.exec(line);
  if (m && at >= lineStart + 2 && at < lineStart + 2 + m[1]!.length) return 'checkpoint signer name';
  return 'checkpoint';
}

interface Tally {
  mutations: number;
  noops: number;
  rejected: number;
  unexpectedPasses: string[];
  unreadPasses: Record<string, number>;
  perField: Record<string, number>;
}

describe('fail closed', () => {
  it('passes the untouched bundle (control), with a test-mode warning', async () => {
    const r = await verifyArtifact(base);
    expect(r.passed).toBe(true);
    expect(r.warnings.length).toBe(1);
    expect(r.checks.every((c) => c.status !== 'failed')).toBe(true);
  });

  it.each([
    ['payload byte', (b: Bundle) => void (b.dsseEnvelope.payload = flip(b.dsseEnvelope.payload, 100))],
    ['signature byte', (b: Bundle) => void (b.dsseEnvelope.signatures[0]!.sig = flip(b.dsseEnvelope.signatures[0]!.sig, 10))],
    ['certificate swapped for another build', (b: Bundle) => void (b.verificationMaterial['certificate'] = (JSON.parse(other) as Bundle).verificationMaterial['certificate'])],
    ['transparency log entry removed', (b: Bundle) => void (b.verificationMaterial['tlogEntries'] = [])],
  ])('fails on a tampered %s', async (_label, mutate) => {
    const b = bundle();
    mutate(b);
    const r = await verifyArtifact({ ...base, provenance: JSON.stringify(b) });
    expect(r.passed).toBe(false);
    expect(r.code).toBeDefined();
  });

  it('fails when the artifact digest is not a subject', async () => {
    const r = await verifyArtifact({ ...base, artifacts: [parseDigest(`sha256:${'0'.repeat(64)}`)] });
    expect(r.passed).toBe(false);
    expect(r.code).toBe('MISMATCH_HASH');
  });

  it('never passes 1,000+ seeded one-character mutations, targeted per field, of real bundles', async () => {
    const targets = [
      genericTarget,
      await npmTarget('sigstore-0.4.0', 'sigstore', '0.4.0', 'github.com/sigstore/sigstore-js'),
      await npmTarget('playwright-cli-0.1.1', '@playwright/cli', '0.1.1', 'github.com/microsoft/playwright-cli'),
    ];
    let seed = 20_260_501;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const PER_FIELD = 22;
    const PER_UNREAD_FIELD = 6;
    const t: Tally = { mutations: 0, noops: 0, rejected: 0, unexpectedPasses: [], unreadPasses: {}, perField: {} };
    for (const target of targets) {
      const control = await target.verify(JSON.stringify(target.doc()));
      expect(control.passed, `${target.name} control: ${control.reason}`).toBe(true);
      const nBundles = target.bundles(target.doc()).length;
      for (let bi = 0; bi < nBundles; bi++) {
        for (const [field, pick] of Object.entries(FIELDS)) {
          for (let k = 0; k < (UNREAD.has(field) ? PER_UNREAD_FIELD : PER_FIELD); k++) {
            const doc = target.doc();
            const s = pick(target.bundles(doc)[bi]!, rand);
            if (!s) break; // the bundle has no such field (e.g. no inclusion proof in v0.1)
            const before = s.get();
            const at = Math.floor(rand() * before.length);
            const choices = s.alphabet.replace(before[at]!, '');
            const after = before.slice(0, at) + choices[Math.floor(rand() * choices.length)]! + before.slice(at + 1);
            if (s.base64 && Buffer.from(after, 'base64').equals(Buffer.from(before, 'base64'))) {
              t.noops++;
              continue;
            }
            s.set(after);
            const label = field === 'checkpoint' ? checkpointRegion(before, at) : field;
            t.mutations++;
            t.perField[label] = (t.perField[label] ?? 0) + 1;
            const r = await target.verify(JSON.stringify(doc));
            if (!r.passed) {
              expect(r.reason).toBeTruthy();
              t.rejected++;
            } else if (UNREAD.has(label)) t.unreadPasses[label] = (t.unreadPasses[label] ?? 0) + 1;
            else t.unexpectedPasses.push(`${target.name} bundle ${bi} ${label} @${at}: ${before.slice(Math.max(0, at - 5), at + 5)} -> ${after.slice(Math.max(0, at - 5), at + 5)}`);
          }
        }
      }
    }
    console.log(`fail-closed mutations: ${t.mutations} applied (${t.noops} no-op base64 padding changes skipped), ${t.rejected} rejected, ${t.unexpectedPasses.length} unexpected PASS, PASS in fields @sigstore/verify does not read: ${JSON.stringify(t.unreadPasses)}; per field ${JSON.stringify(t.perField)}`);
    expect(t.unexpectedPasses).toEqual([]);
    const read = Object.entries(t.perField).filter(([f]) => !UNREAD.has(f)).reduce((n, [, c]) => n + c, 0);
    expect(read).toBeGreaterThanOrEqual(1000);
    // Every unread-field mutation is accounted for (no silent weakening): they pass or fail, nothing else.
    for (const f of UNREAD) expect(t.unreadPasses[f] ?? 0).toBeLessThanOrEqual(t.perField[f] ?? 0);
  }, 120_000);

  it('never passes statement mutations re-encoded without re-signing', async () => {
    const targets = [
      genericTarget,
      await npmTarget('sigstore-0.4.0', 'sigstore', '0.4.0', 'github.com/sigstore/sigstore-js'),
      await npmTarget('sigstore-2.3.1', 'sigstore', '2.3.1', 'github.com/sigstore/sigstore-js'),
      await npmTarget('playwright-cli-0.1.1', '@playwright/cli', '0.1.1', 'github.com/microsoft/playwright-cli'),
    ];
    const edits: [string, (st: string) => string][] = [
      ['subject digest', (st) => st.replace(/("(?:sha256|sha512)":\s*")([0-9a-f])/, (_m, p: string, c: string) => `${p}${c === '0' ? '1' : '0'}`)],
      ['repository', (st) => st.replace(/(github\.com\/)([\w.-]+\/[\w.-]+?)(?=[@"/])/g, '$1evil/fork').replace(/("(?:GITHUB_REPOSITORY|github_repository)":\s*")[^"]+/g, '$1evil/fork')],
      ['ref', (st) => st.replace(/refs\/(tags|heads)\/([\w.-]+)/g, 'refs/$1/$2-evil')],
    ];
    let count = 0;
    for (const target of targets) {
      expect((await target.verify(JSON.stringify(target.doc()))).passed, `${target.name} control`).toBe(true);
      const n = target.bundles(target.doc()).length;
      for (let bi = 0; bi < n; bi++) {
        for (const [label, edit] of edits) {
          const doc = target.doc();
          const env = target.bundles(doc)[bi]!['dsseEnvelope'] as Json;
          const st = Buffer.from(env['payload'] as string, 'base64').toString('utf8');
          const changed = edit(st);
          if (changed === st) continue;
          env['payload'] = Buffer.from(changed).toString('base64');
          const r = await target.verify(JSON.stringify(doc));
          count++;
          expect(r.passed, `${target.name} bundle ${bi}: ${label}`).toBe(false);
          expect(r.reason).toBeTruthy();
        }
      }
    }
    console.log(`fail-closed statement mutations: ${count}, 0 PASS`);
    expect(count).toBeGreaterThanOrEqual(15);
  }, 60_000);

  const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
  const malformed: [string, string | Uint8Array][] = [
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['truncated JSON', text.slice(0, 500)],
    ['truncated at the end', text.slice(0, -2)],
    ['binary', Buffer.from([0x00, 0xff, 0x10, 0x80])],
    ['random binary', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ['wrong types', '{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","verificationMaterial":42,"dsseEnvelope":[]}'],
    ['null fields', '{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","verificationMaterial":null,"dsseEnvelope":null}'],
    ['tlogEntries of the wrong type', JSON.stringify({ ...bundle(), verificationMaterial: { ...bundle().verificationMaterial, tlogEntries: 'x' } })],
    ['signatures empty', JSON.stringify({ ...bundle(), dsseEnvelope: { ...bundle().dsseEnvelope, signatures: [] } })],
    ['JSON that is no provenance', '{"hello":"world"}'],
    ['a JSON array', '[1,2,3]'],
    ['null', 'null'],
    ['a number', '1e999'],
    ['a string', '"bundle"'],
    ['deeply nested arrays', deep],
    ['npm attestations of the wrong type', '{"attestations":[{"predicateType":42,"bundle":"x"}]}'],
    ['npm attestations empty', '{"attestations":[]}'],
    ['a huge file', 'x'.repeat(65 * 1024 * 1024)],
  ];
  it.each(malformed)('reports %s as FAILED with a message, never a crash (every verify command)', async (_label, provenance) => {
    const all = [
      () => verifyArtifact({ ...base, provenance }),
      () => verifyGithubAttestation({ ...base, provenance, builderId: 'https://github.com/O/R/.github/workflows/w.yml' }),
      () => verifyNpmPackage({ ...base, provenance, builderId: NPM_GITHUB_RUNNER, packageName: 'a', packageVersion: '1.0.0' }),
    ];
    for (const v of all) {
      const r = await v();
      expect(r.passed).toBe(false);
      expect(r.reason).toBeTruthy();
    }
  });

  it('throws ONLINE_REQUIRED for a legacy DSSE envelope offline', async () => {
    const legacy = readFileSync(fixturePath('slsa-verifier', 'cli', 'slsa-verifier', 'testdata', 'annotated-tag.intoto.jsonl'));
    expect((await caught(() => verifyArtifact({ ...base, provenance: legacy }))).code).toBe('ONLINE_REQUIRED');
  });

  it('turns a crashing check into a failure and an empty report into no pass', () => {
    const list = new CheckList();
    list.run('boom', () => {
      throw new Error('bad');
    });
    expect(list.finish([]).code).toBe('INTERNAL_ERROR');
    expect(new CheckList().finish([]).passed).toBe(false);
    const partial = new CheckList();
    partial.add('x', fail('MISMATCH_TAG', 'no'));
    expect(partial.finish(['x']).passed).toBe(false);
  });
});
