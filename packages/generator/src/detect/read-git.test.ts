import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGitFiles } from './read-git.js';
import { useTempProject } from './temp-project.fixture.js';

const project = useTempProject('slsa-git-');
const write = project.write;

const REPO = {
  'repo/.git/config': '[remote "origin"]\n\turl = git@github.com:o/r.git\n',
  'repo/.git/HEAD': 'ref: refs/heads/main\n',
  'repo/.git/refs/remotes/origin/HEAD': 'ref: refs/remotes/origin/main\n',
};

describe('readGitFiles', () => {
  it('reads a .git directory', async () => {
    await write(REPO);
    expect(await readGitFiles(join(project.base(), 'repo'))).toEqual(
      new Map([
        ['.git/config', REPO['repo/.git/config']],
        ['.git/HEAD', REPO['repo/.git/HEAD']],
        ['.git/refs/remotes/origin/HEAD', REPO['repo/.git/refs/remotes/origin/HEAD']],
      ]),
    );
  });

  it('follows a worktree .git file to its HEAD and, through commondir, to the shared config', async () => {
    await write({
      ...REPO,
      'repo/.git/worktrees/wt/HEAD': 'ref: refs/heads/feature\n',
      'repo/.git/worktrees/wt/commondir': '../..\n',
      'wt/.git': `gitdir: ${join(project.base(), 'repo/.git/worktrees/wt')}\n`,
    });
    const files = await readGitFiles(join(project.base(), 'wt'));
    expect(files.get('.git/HEAD')).toBe('ref: refs/heads/feature\n');
    expect(files.get('.git/config')).toBe(REPO['repo/.git/config']);
    expect(files.get('.git/refs/remotes/origin/HEAD')).toBe('ref: refs/remotes/origin/main\n');
  });

  it.each([
    ['no .git', {}],
    ['a .git file without gitdir', { 'p/.git': 'nonsense\n' }],
    ['a gitdir that does not exist', { 'p/.git': 'gitdir: ../nowhere\n' }],
  ])('%s gives no files', async (_name, files) => {
    await write({ 'p/keep': '', ...files });
    expect((await readGitFiles(join(project.base(), 'p'))).size).toBe(0);
  });
});
