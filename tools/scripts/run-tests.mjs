#!/usr/bin/env node
// `npm test`: type-check, lint and test every project through Nx, then print the closing
// `N passed, N failed[, N skipped]` line summed from each project's vitest JSON report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const reports = path.join(root, 'reports', 'vitest');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' };
const nx = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'), 'run-many', '-t', 'build', 'bundle', 'typecheck', 'lint', 'test', '--parallel=2', '--output-style=static', ...process.argv.slice(2)],
  { cwd: root, env, stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const file of readdirSync(reports).filter((f) => f.endsWith('.json')).sort()) {
  try {
    const r = JSON.parse(readFileSync(path.join(reports, file), 'utf8'));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    // A suite that failed to load counts as a failure even when it reported no test.
    if (r.numFailedTestSuites > 0 && r.numFailedTests === 0) failed += r.numFailedTestSuites;
  } catch {
    missing.push(file);
  }
}
if (missing.length > 0) failed += missing.length;
const status = nx.status ?? 1;
// Nx failing outside the test runner (type errors, lint) must not look green.
if (status !== 0 && failed === 0) failed = 1;
const line = `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
if (process.env.SLSA_KIT_SUMMARY_FILE) writeFileSync(process.env.SLSA_KIT_SUMMARY_FILE, `${line}\n`);
else console.log(line);
process.exit(status);
