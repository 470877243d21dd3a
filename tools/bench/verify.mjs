#!/usr/bin/env node
// Verification benchmarks (issue 5), each against a baseline measured in the same run:
//  1. one Sigstore bundle verified offline by the built `slsa-verify` bin: process wall time over
//     `node -e ''` (goal: under 250 ms over it);
//  2. a 1 GiB artifact (sparse temp file) hashed by `slsa-verify verify-artifact` and by the
//     library's hashFile (sha256 only, and sha256+sha512) against `sha256sum`, with peak RSS
//     (goal: at most 0.8x sha256sum's time and under 150 MB).
// Needs a build (`nx run-many -t build -p core cli`). Numbers are medians; BENCH_RUNS overrides.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const HASH_RUNS = Number(process.env.BENCH_HASH_RUNS ?? 3);
const bin = path.join(root, 'apps', 'cli', 'bin', 'slsa-verify.js');
const fixtures = process.env.SLSA_KIT_FIXTURES ?? path.resolve(root, '..', 'shared', 'fixtures');
const bundle = path.join(fixtures, 'slsa-verifier', 'cli', 'slsa-verifier', 'testdata', 'gha_generic', 'v2.1.0', 'binary-linux-amd64-workflow_dispatch.intoto.jsonl');
const SHA = '376e7e01348585b6e6643bc6663146b9d525d9b41228bf180eaeb4d4a3706caa';
const hasTime = existsSync('/usr/bin/time');

/** Runs a command, returns wall ms and peak RSS (KiB, via /usr/bin/time when present). */
function run(cmd, args, { env, okStatus = [0] } = {}) {
  const full = hasTime ? ['/usr/bin/time', ['-f', '%M', cmd, ...args]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(full[0], full[1], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!okStatus.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const rssKiB = hasTime ? Number(r.stderr.trim().split('\n').at(-1)) : NaN;
  return { ms, rssKiB, stdout: r.stdout };
}
function median(cmd, args, opts, n = RUNS) {
  const xs = Array.from({ length: n }, () => run(cmd, args, opts));
  const by = (k) => xs.map((x) => x[k]).sort((a, b) => a - b)[Math.floor(n / 2)];
  return { ms: by('ms'), rssKiB: Math.max(...xs.map((x) => x.rssKiB)) };
}
const mb = (kib) => (Number.isFinite(kib) ? `${(kib / 1024).toFixed(0)} MB` : 'n/a (no /usr/bin/time)');

if (!existsSync(bin)) throw new Error(`${bin} not found: build first`);
// 1. One bundle, offline.
const baseline = median(process.execPath, ['-e', '']);
const verifyArgs = [bin, 'verify-artifact', '--artifact-digest', `sha256:${SHA}`, '--provenance-path', bundle, '--source-uri', 'github.com/slsa-framework/example-package'];
const verify = median(process.execPath, verifyArgs, { env: { SLSA_VERIFIER_TESTING: '1' } });
const over = verify.ms - baseline.ms;
console.log(`node -e '' start-up:               ${baseline.ms.toFixed(1)} ms (baseline)`);
console.log(`slsa-verify one bundle offline:    ${verify.ms.toFixed(1)} ms → ${over.toFixed(1)} ms over node (goal < 250 ms) ${over < 250 ? 'OK' : 'MISSED'}, peak RSS ${mb(verify.rssKiB)}`);

// 2. 1 GiB artifact, sparse (reads as zeros without touching the disk).
const dir = mkdtempSync(path.join(tmpdir(), 'slsa-bench-'));
const big = path.join(dir, 'artifact-1GiB.bin');
try {
  const fd = openSync(big, 'w');
  writeSync(fd, 'slsa-kit bench');
  ftruncateSync(fd, 1 << 30);
  closeSync(fd);
  const sum = median('sha256sum', [big], {}, HASH_RUNS);
  // verify-artifact hashes the file (sha256 + sha512 today), then fails the subject match: exit 1.
  const cli = median(process.execPath, [bin, 'verify-artifact', big, '--provenance-path', bundle, '--source-uri', 'github.com/slsa-framework/example-package'], { okStatus: [1] }, HASH_RUNS);
  const core = path.join(root, 'packages', 'core', 'dist', 'provenance', 'index.js');
  const lib = (algs) => median(process.execPath, ['--input-type=module', '-e', `const { hashFile } = await import(${JSON.stringify(core)}); await hashFile(${JSON.stringify(big)}, undefined, ${JSON.stringify(algs)});`], {}, HASH_RUNS);
  const lib256 = lib(['sha256']);
  const libBoth = lib(['sha256', 'sha512']);
  const line = (label, r) => {
    const ratio = r.ms / sum.ms;
    const ok = ratio <= 0.8 && (!Number.isFinite(r.rssKiB) || r.rssKiB < 150 * 1024);
    console.log(`${label.padEnd(35)}${(r.ms / 1000).toFixed(2)} s = ${ratio.toFixed(2)}× sha256sum, peak RSS ${mb(r.rssKiB)} (goal ≤ 0.8×, < 150 MB) ${ok ? 'OK' : 'MISSED'}`);
  };
  console.log(`sha256sum 1 GiB:                   ${(sum.ms / 1000).toFixed(2)} s (baseline), peak RSS ${mb(sum.rssKiB)}`);
  line('slsa-verify 1 GiB (sha256+sha512):', cli);
  line('hashFile 1 GiB, sha256 only:', lib256);
  line('hashFile 1 GiB, sha256+sha512:', libBoth);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
