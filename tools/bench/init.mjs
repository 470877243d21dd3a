#!/usr/bin/env node
// slsa-init start-up, against `node -e ''` in the same run:
//  - `slsa-init --yes --dry-run` on the example Python project: process wall time and peak RSS;
//  - the wizard's time to first frame: the bin runs on a real pseudo-terminal (util-linux
//    `script`), and the clock stops when the first screen's text arrives on the terminal.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const bin = path.join(root, 'apps', 'cli', 'bin', 'slsa-init.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const work = mkdtempSync(path.join(tmpdir(), 'slsa-init-bench-'));
const project = path.join(work, 'hello-slsa');
cpSync(path.join(root, 'tools', 'demo', 'example-python'), project, { recursive: true });
mkdirSync(path.join(project, '.git'));
writeFileSync(path.join(project, '.git', 'config'), '[remote "origin"]\n\turl = https://github.com/acme/hello-slsa.git\n');

function wall(args) {
  const samples = [];
  let rss = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { cwd: project, encoding: 'utf8' });
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    rss = Math.max(rss, Number(r.stderr.trim().split('\n').at(-1)));
  }
  return { ms: median(samples), rssMiB: rss / 1024 };
}

/** Milliseconds from spawn until `text` shows on the pseudo-terminal. */
function firstFrame(text) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', `${process.execPath} ${bin}`, '/dev/null'], { cwd: project, env: { ...process.env, COLUMNS: '120', LINES: '40', TERM: 'xterm-256color' } });
    let seen = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no first frame after 15 s; saw: ${seen.slice(0, 500)}`));
    }, 15_000);
    child.stdout.on('data', (chunk) => {
      seen += chunk.toString('utf8');
      if (seen.includes(text)) {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        clearTimeout(timer);
        child.kill('SIGTERM');
        resolve(ms);
      }
    });
  });
}

const hasTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
const baseline = hasTime ? wall(['-e', '']) : undefined;
if (!baseline) {
  console.log('slsa-init bench skipped: /usr/bin/time is missing (apt-get install time)');
} else {
  const dry = wall([bin, '--yes', '--dry-run']);
  console.log(`node -e '' (baseline):           ${baseline.ms.toFixed(1)} ms, peak RSS ${baseline.rssMiB.toFixed(0)} MiB`);
  console.log(`slsa-init --yes --dry-run:       ${dry.ms.toFixed(1)} ms = ${(dry.ms / baseline.ms).toFixed(2)}× node start-up (+${(dry.ms - baseline.ms).toFixed(0)} ms), peak RSS ${dry.rssMiB.toFixed(0)} MiB`);
  const hasScript = spawnSync('script', ['--version']).status === 0;
  if (hasScript) {
    const frames = [];
    for (let i = 0; i < RUNS; i++) frames.push(await firstFrame('Press Enter'));
    const f = median(frames);
    console.log(`slsa-init wizard, first frame:   ${f.toFixed(1)} ms = ${(f / baseline.ms).toFixed(2)}× node start-up (+${(f - baseline.ms).toFixed(0)} ms)`);
  } else {
    console.log('slsa-init wizard first frame skipped: `script` (util-linux) is missing');
  }
}
rmSync(work, { recursive: true, force: true });
