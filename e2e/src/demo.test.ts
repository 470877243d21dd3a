import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** `npm run demo`'s script over the built packages: model, lint clean, verify PASSED, exit 0. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('demo', () => {
  it('models the sample workflow, lints it clean and verifies real provenance offline', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'tools', 'scripts', 'demo.mjs')], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('job provenance at 34:3, needs [build]');
    expect(r.stdout).toContain('$ slsa-lint tools/demo/release.yml\nno problems found in 1 file\n(exit 0)');
    expect(r.stdout.trimEnd().split('\n').slice(-2)).toEqual(['PASSED: SLSA verification passed', '(exit 0)']);
    expect(r.status).toBe(0);
  });

  it.each(['slsa-lint', 'slsa-verify'])('npm links %s into node_modules/.bin, so npx finds it after npm ci', (bin) => {
    expect(existsSync(path.join(repoRoot, 'node_modules', '.bin', bin))).toBe(true);
    const r = spawnSync(path.join(repoRoot, 'node_modules', '.bin', bin), ['--version'], { encoding: 'utf8' });
    expect(r.stdout).toMatch(new RegExp(`^${bin} \\d+\\.\\d+\\.\\d+`));
    expect(r.status).toBe(0);
  });
});
