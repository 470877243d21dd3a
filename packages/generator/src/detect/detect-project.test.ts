import { describe, expect, it } from 'vitest';
import type { ProjectFacts, ProjectSnapshot } from '../facts.js';
import { detectProject } from './detect-project.js';

function snapshot(files: Record<string, string>): ProjectSnapshot {
  return { dirName: 'my-dir', files: new Map(Object.entries(files)) };
}

describe('detectProject', () => {
  it('an empty directory: no ecosystem, the directory name, defaults', () => {
    const expected: ProjectFacts = {
      ecosystems: [],
      name: 'my-dir',
      python: undefined,
      node: undefined,
      go: undefined,
      repository: undefined,
      defaultBranch: 'main',
      workflows: [],
    };
    expect(detectProject(snapshot({}))).toEqual(expected);
  });

  it.each([
    ['python first', { 'go.mod': 'module example.com/gotool\n', 'package.json': '{"name": "@acme/js"}', 'pyproject.toml': '[project]\nname = "py"\n' }, ['python', 'node', 'go'], 'py'],
    ['setup.cfg alone is python', { 'setup.cfg': '[metadata]\nname = cfg\n' }, ['python'], 'cfg'],
    ['node keeps its scope', { 'package.json': '{"name": "@acme/js"}', 'go.mod': 'module example.com/gotool\n' }, ['node', 'go'], '@acme/js'],
    ['go module last element', { 'go.mod': 'module github.com/acme/gotool\n' }, ['go'], 'gotool'],
    ['an unnamed python project lets node name it', { 'setup.py': 'setup()\n', 'package.json': '{"name": "js"}' }, ['python', 'node'], 'js'],
    ['malformed manifests fall back to the directory', { 'pyproject.toml': '[project\n', 'package.json': '{', 'go.mod': '' }, ['python', 'node', 'go'], 'my-dir'],
    ['lockfiles alone are no ecosystem', { 'package-lock.json': '', '.python-version': '3.12' }, [], 'my-dir'],
  ])('%s', (_name, files, ecosystems, name) => {
    const facts = detectProject(snapshot(files));
    expect({ ecosystems: facts.ecosystems, name: facts.name }).toEqual({ ecosystems, name });
  });

  it('puts every part together', () => {
    const facts = detectProject(
      snapshot({
        'package.json': '{"name": "widget", "scripts": {"build": "tsc"}}',
        'pnpm-lock.yaml': '',
        '.git/config': '[remote "origin"]\n\turl = git@github.com:acme/widget.git\n',
        '.git/HEAD': 'ref: refs/heads/develop\n',
        '.github/workflows/ci.yml': 'on: pull_request\njobs: {}\n',
      }),
    );
    expect(facts).toEqual({
      ecosystems: ['node'],
      name: 'widget',
      python: undefined,
      node: { packageManager: 'pnpm', hasLockfile: true, workspaces: [], workspacePackages: [], nodeVersion: undefined, private: false, hasBuildScript: true },
      go: undefined,
      repository: { host: 'github.com', owner: 'acme', name: 'widget' },
      defaultBranch: 'develop',
      workflows: [{ file: '.github/workflows/ci.yml', release: false, generatedBySlsaInit: false }],
    });
  });
});
