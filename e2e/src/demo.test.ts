import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** `npm run demo`'s script over the built packages: init, lint clean, verify PASSED, exit 0. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('demo', () => {
  it('inits the example project, lints the result clean and verifies real provenance offline', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'tools', 'scripts', 'demo.mjs')], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('$ slsa-init --yes\nWrote .github/workflows/release.yml\n');
    expect(r.stdout).toContain('# slsa-init: ecosystem=python provenance=slsa-generator publish=pypi trigger=tag');
    expect(r.stdout).toContain('--source-uri github.com/acme/hello-slsa --source-tag v1.0.0');
    expect(r.stdout).toContain('$ slsa-lint\nno problems found in 1 file\n(exit 0)');
    expect(r.stdout.trimEnd().split('\n').slice(-2)).toEqual(['PASSED: SLSA verification passed', '(exit 0)']);
    expect(r.status).toBe(0);
  });

  it.each(['slsa-init', 'slsa-lint', 'slsa-verify'])('npm links %s into node_modules/.bin, so npx finds it after npm ci', (bin) => {
    expect(existsSync(path.join(repoRoot, 'node_modules', '.bin', bin))).toBe(true);
    const r = spawnSync(path.join(repoRoot, 'node_modules', '.bin', bin), ['--version'], { encoding: 'utf8' });
    expect(r.stdout).toMatch(new RegExp(`^${bin} \\d+\\.\\d+\\.\\d+`));
    expect(r.status).toBe(0);
  });
});
