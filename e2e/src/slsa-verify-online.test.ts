import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRekorDoubleProcess, type RekorDoubleProcess } from './support/rekor-double-process.js';

// e2e drives the built bin against the Rekor double (a separate process on 127.0.0.1). The
// double's entries are signed by fresh test keys; the test trusted root trusts exactly those.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(repoRoot, 'apps', 'cli', 'bin', 'slsa-verify.js');

let rekor: RekorDoubleProcess;
let dir: string;
let root: string;
let artifact: string;

beforeAll(async () => {
  rekor = await startRekorDoubleProcess(repoRoot);
  dir = mkdtempSync(path.join(tmpdir(), 'slsa-verify-online-e2e-'));
  root = path.join(dir, 'test-trusted-root.json');
  writeFileSync(root, JSON.stringify(rekor.trustedRoot));
  artifact = path.join(dir, 'artifact.bin');
  writeFileSync(artifact, rekor.artifact);
  for (const [name, envelope] of Object.entries(rekor.envelopes)) writeFileSync(path.join(dir, `${name}.intoto.jsonl`), `${JSON.stringify(envelope)}\n`);
}, 60_000);
afterAll(async () => {
  await rekor?.stop();
});

function slsaVerify(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env['PATH'] ?? '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const legacy = (scenario: string, ...rest: string[]) => [
  'verify-artifact',
  artifact,
  '--provenance-path',
  path.join(dir, `${scenario}.intoto.jsonl`),
  '--source-uri',
  rekor.sourceUri,
  '--source-tag',
  rekor.sourceTag,
  '--trusted-root',
  root,
  ...rest,
];
const online = (scenario: string, url = rekor.url, ...rest: string[]) => slsaVerify(legacy(scenario, '--online', '--rekor-url', url, ...rest));
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('slsa-verify --online: legacy envelopes through Rekor (built bin, Rekor double)', () => {
  it('is built', () => {
    expect(existsSync(path.join(repoRoot, 'apps', 'cli', 'dist', 'slsa-verify.js')), 'run npm run build first').toBe(true);
  });

  it('PASS: an envelope logged as intoto 0.0.2 (with --trusted-root, no TUF refresh and nothing on stderr)', async () => {
    const r = await online('pass');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ {2}PASS signature: /m);
    expect(lastLine(r.stdout)).toBe('PASSED: SLSA verification passed');
    expect(r.stderr).toBe('');
  });

  it('PASS: an envelope logged as dsse 0.0.1 (JSON output)', async () => {
    const r = await online('pass-dsse', rekor.url, '--format', 'json');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ version: 1, passed: true, artifacts: [{ digests: { sha256: rekor.artifactSha256 } }] });
  });

  it('FAIL: the right entry, but the source tag the user asked for differs', async () => {
    const r = await slsaVerify([...legacy('pass', '--online', '--rekor-url', rekor.url, '--format', 'json')].map((a) => (a === rekor.sourceTag ? 'v0.0.1' : a)));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ passed: false, code: 'MISMATCH_TAG' });
  });

  it('FAIL: the same entry against the public-good root (test keys are not trusted there)', async () => {
    const publicGood = path.resolve(process.env['SLSA_KIT_FIXTURES'] ?? path.join(repoRoot, '..', 'shared', 'fixtures'), 'sigstore-trust', 'trusted_root.json');
    const args = legacy('pass', '--online', '--rekor-url', rekor.url);
    const r = await slsaVerify(args.map((a, i) => (args[i - 1] === '--trusted-root' ? publicGood : a)));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {2}FAIL signature: /m);
  });

  it.each([
    ['body-mismatch', 'INVALID_REKOR_ENTRY', /FAIL rekor: no Rekor entry records this envelope/],
    ['other-artifact', 'INVALID_REKOR_ENTRY', /FAIL rekor: no Rekor entry records this envelope/],
    ['no-entry', 'INVALID_REKOR_ENTRY', /FAIL rekor: Rekor at \S+ has no entry for this envelope/],
    ['wrong-set', 'INVALID_REKOR_ENTRY', /FAIL signature: /],
  ])('FAIL (exit 1): %s', async (scenario, code, line) => {
    const text = await online(scenario);
    expect(text.code, text.stdout + text.stderr).toBe(1);
    expect(text.stdout).toMatch(line);
    expect(lastLine(text.stdout)).toMatch(/^FAILED: .+/);
    noStack(text.stdout + text.stderr);
    const json = await online(scenario, rekor.url, '--format', 'json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ version: 1, passed: false, code });
  });

  it.each([
    ['Rekor answers 500', () => `${rekor.url}/fault/500`, /answered 500/],
    ['Rekor answers garbage', () => `${rekor.url}/fault/garbage`, /non-JSON/],
    ['Rekor unreachable', () => 'http://127.0.0.1:1', /cannot reach Rekor/],
  ])('exit 4: %s, with a hint and no stack', async (_, url, message) => {
    const r = await online('pass', url());
    expect(r.code, r.stdout + r.stderr).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^hint: .*Rekor/m);
    noStack(r.stderr);
  });

  it('offline, a legacy envelope exits 4 saying why and what to do', async () => {
    const r = await slsaVerify(legacy('pass'));
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/legacy DSSE envelope/);
    expect(r.stderr).toMatch(/Re-run with --online/);
    expect(r.stderr).toMatch(/network access to Rekor/);
    noStack(r.stderr);
  });

  it('--rekor-url without --online is a usage error (exit 2)', async () => {
    const r = await slsaVerify(legacy('pass', '--rekor-url', rekor.url));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--rekor-url needs --online/);
  });

  it('--help documents --online, --rekor-url and the TUF refresh', async () => {
    const r = await slsaVerify(['verify-artifact', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--rekor-url URL/);
    expect(r.stdout).toMatch(/refresh the trusted root over TUF/);
    expect(r.stdout).toMatch(/--tuf-url URL/);
  });
});
