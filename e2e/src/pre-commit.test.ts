import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * slsa-lint as a pre-commit hook, through the real `pre-commit` (Debian's package, installed by
 * .ci/run) and this repository's `.pre-commit-hooks.yaml`. Outside CI a machine without
 * pre-commit skips this file, saying so; in CI it must run.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(repoRoot, 'apps', 'cli', 'bin', 'slsa-lint.js');
const available = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
if (!available && process.env['CI']) throw new Error('pre-commit is required in CI (.ci/run installs it with apt-get)');
if (!available) console.warn('pre-commit not found: skipping the pre-commit e2e test (apt-get install pre-commit)');

const GEN = 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml';
const release = (ref: string) =>
  `on:\n  push:\n    tags: ['v*']\njobs:\n  provenance:\n    permissions:\n      actions: read\n      id-token: write\n      contents: write\n    uses: ${GEN}@${ref}\n    with:\n      base64-subjects: abc\n`;

let work: string;
let env: NodeJS.ProcessEnv;
const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};

describe.skipIf(!available)('pre-commit hook', () => {
  let project: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'slsa-pre-commit-'));
    const binDir = path.join(work, 'bin');
    mkdirSync(binDir);
    // `slsa-lint` on PATH, as `npm install -D` + npx would provide it.
    writeFileSync(path.join(binDir, 'slsa-lint'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(path.join(binDir, 'slsa-lint'), 0o755);
    env = {
      ...process.env,
      PATH: `${binDir}${path.delimiter}${process.env['PATH'] ?? ''}`,
      PRE_COMMIT_HOME: path.join(work, 'cache'),
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.invalid',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.invalid',
      NO_COLOR: '1',
    };
    // The hook repository: this repo's manifest, committed in a throwaway git repository.
    const hooks = path.join(work, 'hooks');
    mkdirSync(hooks);
    copyFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), path.join(hooks, '.pre-commit-hooks.yaml'));
    git(hooks, 'init', '-q');
    git(hooks, 'add', '.');
    git(hooks, 'commit', '-qm', 'hooks');
    const rev = git(hooks, 'rev-parse', 'HEAD');
    project = path.join(work, 'project');
    mkdirSync(path.join(project, '.github', 'workflows'), { recursive: true });
    git(project, 'init', '-q');
    writeFileSync(path.join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: slsa-lint-system\n`);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const run = () => {
    git(project, 'add', '-A');
    return spawnSync('pre-commit', ['run', '--all-files'], { cwd: project, env, encoding: 'utf8' });
  };

  it('passes a correct release workflow', () => {
    writeFileSync(path.join(project, '.github', 'workflows', 'release.yml'), release('v2.1.0'));
    const r = run();
    expect(r.stdout).toMatch(/slsa-lint \(SLSA release pipelines\)\.+Passed/);
    expect(r.status).toBe(0);
  });

  it('fails a SHA-pinned generator with the finding at file:line:column', () => {
    writeFileSync(path.join(project, '.github', 'workflows', 'release.yml'), release('f7dd8c54c2067bafc12ca7a55595d5ee9b75204a'));
    const r = run();
    expect(r.stdout).toMatch(/Failed/);
    expect(r.stdout).toContain('.github/workflows/release.yml:10:');
    expect(r.stdout).toContain('error[slsa-generator-ref]');
    expect(r.status).toBe(1);
  });

  it('does not run on files outside .github/workflows', () => {
    rmSync(path.join(project, '.github'), { recursive: true, force: true });
    writeFileSync(path.join(project, 'notes.yml'), 'not: [a workflow\n');
    const r = run();
    expect(r.stdout).toMatch(/no files to check|Skipped/);
    expect(r.status).toBe(0);
  });
});
