import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * `npm run release:check` under the Node.js running the tests: the four packages are packed,
 * installed from their tarballs alone into an empty project in a temp dir (npm must not ask a
 * registry for @slsa-kit/*), and the three bins run there through npx: init on a Python sample,
 * lint on what it wrote, verify on real provenance offline. Nothing may come from the repository.
 * Third-party dependencies come through the npm cache (`--prefer-offline`), so a cold cache needs
 * the npm registry.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = path.join(repoRoot, 'tools', 'scripts', 'release-check.mjs');

describe('installed from the packed tarballs', () => {
  it('installs without the repository or the registry for @slsa-kit/*, and init → lint → verify pass', () => {
    const r = spawnSync(process.execPath, [SCRIPT, '--node', 'current', '--runs', '3'], { cwd: repoRoot, encoding: 'utf8', timeout: 110_000 });
    const output = `${r.stdout}\n${r.stderr}`;
    expect(r.status, output).toBe(0);
    for (const line of [
      'ok  tarball contents and manifests',
      'none for @slsa-kit/*',
      'ok  no installed file resolves into the repository',
      'ok  every import in the installed packages stays inside them or names a declared dependency',
      'ok  npx slsa-init --yes in the Python sample project — Wrote .github/workflows/release.yml',
      'ok  npx slsa-lint on what slsa-init wrote — no problems found in 1 file',
      'ok  npx slsa-verify verify-artifact on real provenance, offline — PASSED',
      'ok  every module those processes loaded is outside the repository',
      `release-check: OK — ${process.version}`,
    ]) {
      expect(output).toContain(line);
    }
    for (const bin of ['slsa-init', 'slsa-lint', 'slsa-verify']) expect(output).toContain(`ok  npx ${bin} --version — ${bin} 0.1.0`);
  }, 120_000);
});
