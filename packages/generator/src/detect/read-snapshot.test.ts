import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSlsaKitError } from '@slsa-kit/core/errors';
import { detectProject } from './detect-project.js';
import { MAX_TEXT_BYTES } from './read-file.js';
import { readProjectSnapshot } from './read-snapshot.js';
import { useTempProject } from './temp-project.fixture.js';

const project = useTempProject('slsa-detect-');
const write = project.write;

describe('readProjectSnapshot', () => {
  it('reads the detection files of a project whose .git is a file pointing elsewhere', async () => {
    await write({
      'proj/package.json': '\uFEFF{"name": "@acme/proj"}',
      'proj/package-lock.json': '{"lockfileVersion": 3}',
      'proj/.nvmrc': 'v20.11.1\n',
      'proj/go.mod': 'module github.com/acme/proj\n\ngo 1.22\n',
      'proj/.goreleaser.yaml': 'version: 2\n',
      'proj/.git': 'gitdir: ../gitdata/modules/proj\n',
      'gitdata/modules/proj/config': '[remote "origin"]\n\turl = https://github.com/acme/proj.git\n',
      'gitdata/modules/proj/HEAD': 'ref: refs/heads/dev\n',
      'gitdata/modules/proj/refs/remotes/origin/HEAD': 'ref: refs/remotes/origin/trunk\n',
      'proj/.github/workflows/ci.yml': 'on: pull_request\n',
      'proj/.github/workflows/release.yaml': 'on: release\n',
      'proj/.github/workflows/README.md': '# not a workflow\n',
      'proj/.github/workflows/huge.yml': `# ${'x'.repeat(MAX_TEXT_BYTES)}\n`,
      'proj/.github/workflows/old/nested.yml': 'on: release\n',
      'proj/main.go': `package main\n// ${'y'.repeat(5000)}\n`,
      'proj/main_test.go': 'package main\n',
      'proj/cmd/tool/main.go': '//go:build linux\n\npackage main\n',
      'proj/internal/lib/lib.go': 'package lib\n',
      'proj/a/b/c/d/deep.go': 'package main\n',
      'proj/a/b/c/d/e/deeper.go': 'package main\n',
      'proj/node_modules/x/main.go': 'package main\n',
      'proj/vendor/v/main.go': 'package main\n',
      'proj/testdata/t/main.go': 'package main\n',
      'proj/.hidden/main.go': 'package main\n',
      'proj/_scratch/main.go': 'package main\n',
    });
    // A directory where a file is expected is unreadable as text and simply skipped.
    await mkdir(join(project.base(), 'proj', 'setup.py'));

    const snapshot = await readProjectSnapshot(join(project.base(), 'proj'));

    expect(snapshot.dirName).toBe('proj');
    expect([...snapshot.files.keys()].sort()).toEqual([
      '.git/HEAD',
      '.git/config',
      '.git/refs/remotes/origin/HEAD',
      '.github/workflows/ci.yml',
      '.github/workflows/release.yaml',
      '.goreleaser.yaml',
      '.nvmrc',
      'a/b/c/d/deep.go',
      'cmd/tool/main.go',
      'go.mod',
      'internal/lib/lib.go',
      'main.go',
      'package-lock.json',
      'package.json',
    ]);
    expect(snapshot.files.get('package.json')).toBe('{"name": "@acme/proj"}');
    expect(snapshot.files.get('package-lock.json')).toBe('');
    expect(snapshot.files.get('.git/HEAD')).toBe('ref: refs/heads/dev\n');
    expect(snapshot.files.get('main.go')).toHaveLength(4096);

    const facts = detectProject(snapshot);
    expect(facts.name).toBe('@acme/proj');
    expect(facts.go?.mainPackages).toEqual(['.', 'a/b/c/d', 'cmd/tool']);
    expect(facts.repository).toEqual({ host: 'github.com', owner: 'acme', name: 'proj' });
    expect(facts.defaultBranch).toBe('trunk');
    expect(facts.workflows.map((w) => [w.file, w.release])).toEqual([
      ['.github/workflows/ci.yml', false],
      ['.github/workflows/release.yaml', true],
    ]);
  });

  it('does not search for Go sources outside a Go module', async () => {
    await write({ 'p/package.json': '{}', 'p/main.go': 'package main\n' });
    expect([...(await readProjectSnapshot(join(project.base(), 'p'))).files.keys()]).toEqual(['package.json']);
  });

  it('an empty directory gives an empty snapshot', async () => {
    await mkdir(join(project.base(), 'empty'));
    expect(await readProjectSnapshot(join(project.base(), 'empty'))).toEqual({ dirName: 'empty', files: new Map() });
  });

  it.each([
    ['a missing directory', 'missing'],
    ['a file', 'file.txt'],
  ])('%s throws read-failed', async (_name, path) => {
    await write({ 'file.txt': 'x' });
    const error: unknown = await readProjectSnapshot(join(project.base(), path)).catch((e: unknown) => e);
    expect(isSlsaKitError(error, 'read-failed')).toBe(true);
  });
});
