#!/usr/bin/env node
// `npm run release:check` (after building): are the published packages usable by someone who
// has nothing but the four tarballs? It packs @slsa-kit/core, generator, linter and cli, checks
// what each tarball holds, then for each Node.js version installs ONLY the tarballs into an empty
// project in a temp dir (npm must take @slsa-kit/* from them and never ask a registry) and runs
// there `slsa-init --yes` on a Python sample, `slsa-lint` on what it wrote, `slsa-verify` on real
// provenance offline and the three `--version`s, all through npx with that Node first in PATH. It
// also checks that nothing installed or loaded comes from the repository, and times the bins'
// start-up against `node -e ''`.
//
//   node tools/scripts/release-check.mjs [--node 20|24|all|current] [--runs N] [--keep]
//
//   --node    20: the Node.js running this script (must be 20); 24: node-<platform>-<arch>@24
//             from npm, cached in $XDG_CACHE_HOME/slsa-kit/node24 or node_modules/.cache/slsa-kit/node24;
//             all (default): 20 and 24; current: the Node.js running this script, whatever its version
//   --runs    runs per start-up timing (median; default 5)
//   --keep    keep the temp projects
//
// Third-party dependencies come from the npm registry through the npm cache (`--prefer-offline`).
// Exits 1 on any failure, after printing the failed command and its output.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CheckError, checkInstalled, checkTarballs, formatPacks, formatResult, nodeBinary, packShippedPackages } from './release-check-lib.mjs';

function parseArgs(argv) {
  const opts = { node: 'all', runs: 5, keep: false };
  const usage = 'usage: release-check.mjs [--node 20|24|all|current] [--runs N] [--keep]';
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--node') {
      opts.node = value();
      if (!['20', '24', 'all', 'current'].includes(opts.node)) throw new Error(`--node ${opts.node}: expected 20, 24, all or current\n${usage}`);
    } else if (flag === '--runs') {
      opts.runs = Number(value());
      if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error(`--runs needs a positive integer\n${usage}`);
    } else if (flag === '--keep') opts.keep = true;
    else throw new Error(`unknown argument ${argv[i]}\n${usage}`);
  }
  return opts;
}

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(e.message);
  process.exit(2);
}

const started = performance.now();
const log = (line) => console.log(line);
const packDir = mkdtempSync(path.join(tmpdir(), 'slsa-kit-packs-'));
const results = [];
let failure;
try {
  log('== npm pack');
  const packs = packShippedPackages(packDir);
  log(formatPacks(packs));
  const problems = checkTarballs(packs);
  if (problems.length > 0) throw new CheckError('the tarballs are not ready to publish', problems.map((p) => `  ${p}`).join('\n'));
  log('  ok  tarball contents and manifests');

  for (const which of opts.node === 'all' ? ['20', '24'] : [opts.node]) {
    const node = nodeBinary(which, { log: (l) => log(`  ${l}`) });
    log(`\n== ${node.label}`);
    results.push(checkInstalled({ node, packs, runs: opts.runs, keep: opts.keep, log }));
  }
} catch (e) {
  failure = e;
} finally {
  rmSync(packDir, { recursive: true, force: true });
}

log('\n== summary');
for (const r of results) log(formatResult(r));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (failure) {
  console.error(`\nrelease-check: FAILED after ${seconds} s\n${failure instanceof CheckError ? failure.message : (failure?.stack ?? String(failure))}`);
  process.exit(1);
}
log(`release-check: OK — ${results.map((r) => r.nodeVersion).join(', ')} in ${seconds} s`);
