import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../facts.js';
import { detectDefaultBranch, detectRepository } from './detect-git.js';

function snapshot(files: Record<string, string>): ProjectSnapshot {
  return { dirName: 'dir', files: new Map(Object.entries(files)) };
}

const config = (...remotes: ReadonlyArray<readonly [string, string]>): string =>
  ['[core]', '\trepositoryformatversion = 0', ...remotes.flatMap(([name, url]) => [`[remote "${name}"]`, `\turl = ${url}`, `\tfetch = +refs/heads/*:refs/remotes/${name}/*`]), '[branch "main"]', '\tremote = origin'].join('\n');

describe('detectRepository', () => {
  it.each([
    ['origin', { '.git/config': config(['upstream', 'https://github.com/up/r.git'], ['origin', 'git@github.com:me/r.git']) }, { host: 'github.com', owner: 'me', name: 'r' }],
    ['the first remote without origin', { '.git/config': config(['fork', 'https://gitlab.com/f/r'], ['upstream', 'https://github.com/up/r']) }, { host: 'gitlab.com', owner: 'f', name: 'r' }],
    ['the next remote when origin is a local path', { '.git/config': config(['origin', '/srv/r.git'], ['upstream', 'ssh://git@github.com/up/r.git']) }, { host: 'github.com', owner: 'up', name: 'r' }],
    ['no remote', { '.git/config': config() }, undefined],
    ['no .git/config', {}, undefined],
    ['garbage config', { '.git/config': '\u0000[remote "origin"\nurl' }, undefined],
  ])('%s', (_name, files, expected) => {
    expect(detectRepository(snapshot(files))).toEqual(expected);
  });
});

describe('detectDefaultBranch', () => {
  it.each([
    ['origin/HEAD', { '.git/refs/remotes/origin/HEAD': 'ref: refs/remotes/origin/main\n', '.git/HEAD': 'ref: refs/heads/dev\n' }, 'main'],
    ['origin/HEAD with a slash', { '.git/refs/remotes/origin/HEAD': 'ref: refs/remotes/origin/release/v2\n' }, 'release/v2'],
    ['HEAD', { '.git/HEAD': 'ref: refs/heads/dev\n' }, 'dev'],
    ['detached HEAD', { '.git/HEAD': '4b825dc642cb6eb9a060e54bf8d69288fbee4904\n' }, 'main'],
    ['malformed origin/HEAD falls back to HEAD', { '.git/refs/remotes/origin/HEAD': 'ref: refs/heads/x', '.git/HEAD': 'ref: refs/heads/trunk' }, 'trunk'],
    ['nothing', {}, 'main'],
  ])('%s', (_name, files, expected) => {
    expect(detectDefaultBranch(snapshot(files))).toBe(expected);
  });
});
