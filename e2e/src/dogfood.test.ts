import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseWithGitHubParser } from './support/workflow-parser.js';

/**
 * slsa-kit's own workflows: release.yml is written by its own slsa-init (Node, npm trusted
 * publishing, SLSA generator provenance for the tarballs) and must stay exactly what slsa-init
 * would write today; both workflows lint clean and parse clean with GitHub's parser.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name: string) => path.join(repoRoot, 'apps', 'cli', 'bin', `${name}.js`);
const run = (name: string, args: string[]) => spawnSync(process.execPath, [bin(name), ...args], { cwd: repoRoot, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
const workflows = readdirSync(path.join(repoRoot, '.github', 'workflows')).filter((f) => /\.ya?ml$/.test(f)).sort();

describe("slsa-kit's own workflows", () => {
  it('has its release workflow and CI', () => {
    expect(workflows).toEqual(['ci.yml', 'release.yml']);
  });

  it('release.yml is what slsa-init writes today (slsa-init --check)', () => {
    const r = run('slsa-init', ['--check']);
    expect(r.stdout + r.stderr).toBe('.github/workflows/release.yml is up to date\n');
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(repoRoot, '.github', 'workflows', 'release.yml'), 'utf8')).toContain('# slsa-init: ecosystem=node provenance=slsa-generator publish=npm trigger=tag');
  });

  it('both lint clean with slsa-lint', () => {
    const r = run('slsa-lint', ['--format', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { results: Array<{ file: string; diagnostics: unknown[] }> };
    expect(report.results.map((f) => [f.file, f.diagnostics])).toEqual(workflows.map((w) => [path.join('.github', 'workflows', w), []]));
  });

  it.each(workflows)('%s parses clean with GitHub’s workflow parser', async (file) => {
    const parsed = await parseWithGitHubParser(file, readFileSync(path.join(repoRoot, '.github', 'workflows', file), 'utf8'));
    expect(parsed.errors).toEqual([]);
  });
});
