import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRekorDoubleProcess } from './support/rekor-double-process.js';
import { startTufDoubleProcess, type TufDoubleProcess } from './support/tuf-double-process.js';

/**
 * `slsa-verify --online` refreshes the trusted root over TUF: the built bin (tuf-js for real)
 * against TUF repository doubles on 127.0.0.1 that serve, as `trusted_root.json`, either the
 * public-good root or a root of test keys. Real generator provenance PASSES only with the first,
 * so the root really comes from TUF; a tampered repository is exit 4, never a silent fall-back.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(repoRoot, 'apps', 'cli', 'bin', 'slsa-verify.js');
const fixtures = process.env['SLSA_KIT_FIXTURES'] ?? path.resolve(repoRoot, '..', 'shared', 'fixtures');
const PROVENANCE = path.join(repoRoot, 'tools', 'demo', 'binary-linux-amd64-push-v13.0.30.intoto.jsonl');
const ARGS = ['verify-artifact', '--artifact-digest', 'sha256:376e7e01348585b6e6643bc6663146b9d525d9b41228bf180eaeb4d4a3706caa', '--provenance-path', PROVENANCE, '--source-uri', 'github.com/slsa-framework/example-package', '--source-tag', 'v13.0.30'];

let dir: string;
let publicGood: TufDoubleProcess;
let testKeys: TufDoubleProcess;
let tampered: TufDoubleProcess;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'slsa-verify-tuf-'));
  const rekor = await startRekorDoubleProcess(repoRoot);
  const testRoot = path.join(dir, 'test-keys-root.json');
  writeFileSync(testRoot, JSON.stringify(rekor.trustedRoot));
  await rekor.stop();
  const goodRoot = path.join(fixtures, 'sigstore-trust', 'trusted_root.json');
  [publicGood, testKeys, tampered] = await Promise.all([
    startTufDoubleProcess(repoRoot, goodRoot),
    startTufDoubleProcess(repoRoot, testRoot),
    startTufDoubleProcess(repoRoot, goodRoot, 'targets.json'),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([publicGood?.stop(), testKeys?.stop(), tampered?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

function verifyOnline(tuf: TufDoubleProcess, name: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const rootFile = path.join(dir, `${name}.root.json`);
  writeFileSync(rootFile, tuf.rootJson);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...ARGS, '--online', '--tuf-url', tuf.url, '--tuf-root', rootFile], {
      cwd: repoRoot,
      env: { PATH: process.env['PATH'] ?? '', XDG_CACHE_HOME: path.join(dir, `${name}-cache`) },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('slsa-verify --online: the trusted root refreshed over TUF (built bin, TUF doubles)', () => {
  it('PASSES real provenance when TUF serves the public-good root', async () => {
    const r = await verifyOnline(publicGood, 'good');
    expect(r.stderr).toBe('');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('PASSED: SLSA verification passed');
    expect(r.code).toBe(0);
  });

  it('FAILS the same provenance when TUF serves another root (the root really comes from TUF)', async () => {
    const r = await verifyOnline(testKeys, 'test-keys');
    expect(r.stdout).toMatch(/^FAILED: /m);
    expect(r.code).toBe(1);
  });

  it('exit 4 with a hint when the repository’s metadata is tampered, never a fall-back to the embedded root', async () => {
    const r = await verifyOnline(tampered, 'tampered');
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('cannot refresh the Sigstore trusted root over TUF');
    expect(r.stderr).toContain('hint: check the network access to the TUF repository');
  });

  it('--tuf-url without --online is a usage error (exit 2)', async () => {
    const r = await new Promise<number | null>((resolve) => {
      spawn(process.execPath, [BIN, ...ARGS, '--tuf-url', publicGood.url, '--tuf-root', 'x'], { stdio: 'ignore' }).on('close', resolve);
    });
    expect(r).toBe(2);
  });
});
