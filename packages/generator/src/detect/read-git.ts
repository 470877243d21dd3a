import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { readText } from './read-file.js';

/**
 * The git directory of `dir`: `.git` itself, or where a `.git` file (`gitdir: …`, written for
 * worktrees and submodules) points, resolved against the `.git` file's own directory.
 */
async function gitDirectory(dir: string): Promise<string | undefined> {
  const dotGit = join(dir, '.git');
  try {
    if ((await stat(dotGit)).isDirectory()) return dotGit;
  } catch {
    return undefined;
  }
  const target = /^gitdir:\s*(.+?)\s*$/m.exec((await readText(dotGit, 64 * 1024)) ?? '')?.[1];
  return target === undefined ? undefined : resolve(dirname(dotGit), target);
}

/**
 * The git files detection reads, keyed as if `.git` were a directory in `dir`. A linked
 * worktree keeps only HEAD in its own git directory; config and remote refs live in the one
 * its `commondir` file names.
 */
export async function readGitFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const gitDir = await gitDirectory(dir);
  if (gitDir === undefined) return files;
  const commonDir = (await readText(join(gitDir, 'commondir'), 64 * 1024))?.trim();
  const common = commonDir ? resolve(gitDir, commonDir) : gitDir;
  const sources: ReadonlyArray<readonly [string, string]> = [
    ['.git/config', join(common, 'config')],
    ['.git/HEAD', join(gitDir, 'HEAD')],
    ['.git/refs/remotes/origin/HEAD', join(common, 'refs', 'remotes', 'origin', 'HEAD')],
  ];
  for (const [key, path] of sources) {
    const text = await readText(path);
    if (text !== undefined) files.set(key, text);
  }
  return files;
}
