import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caught } from '../testing/error-code.js';
import { fixturePath } from '../testing/fixtures.js';
import { CheckList } from './check-list.js';
import { parseDigest } from './digest.js';
import { fail } from './result.js';
import { verifyArtifact, type VerifyArtifactOptions } from './verify-artifact.js';

/** Tampered and hostile inputs must never PASS, and never crash with an uncoded error. */
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
    ['subject digest re-encoded without re-signing', (b: Bundle) => {
      const st = Buffer.from(b.dsseEnvelope.payload, 'base64').toString('utf8').replace(SHA, `0${SHA.slice(1)}`);
      b.dsseEnvelope.payload = Buffer.from(st).toString('base64');
    }],
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

  it('never passes 300 seeded random one-character mutations', async () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    let passes = 0;
    for (let i = 0; i < 300; i++) {
      const at = Math.floor(rand() * text.length);
      const ch = alphabet[Math.floor(rand() * alphabet.length)]!;
      if (text[at] === ch) continue;
      const mutated = text.slice(0, at) + ch + text.slice(at + 1);
      const r = await verifyArtifact({ ...base, provenance: mutated });
      // Every mutation that still parses to different JSON changes something: it must not pass.
      if (r.passed && !sameJson(mutated, text)) passes++;
    }
    expect(passes).toBe(0);
  }, 120_000);

  it.each([
    ['empty', ''],
    ['truncated JSON', text.slice(0, 500)],
    ['binary', Buffer.from([0x00, 0xff, 0x10, 0x80])],
    ['wrong types', '{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","verificationMaterial":42,"dsseEnvelope":[]}'],
    ['JSON that is no provenance', '{"hello":"world"}'],
    ['a JSON array', '[1,2,3]'],
    ['a huge file', 'x'.repeat(65 * 1024 * 1024)],
  ])('reports %s as FAILED with a message, never a crash', async (_label, provenance) => {
    const r = await verifyArtifact({ ...base, provenance });
    expect(r.passed).toBe(false);
    expect(r.reason).toBeTruthy();
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

function sameJson(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}
