import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { SlsaKitError } from '@slsa-kit/core/errors';
import type { ProjectSnapshot } from '../facts.js';
import { findGoFiles } from './find-go-files.js';
import { isFile, readText } from './read-file.js';
import { readGitFiles } from './read-git.js';
import { isTable, parseJsonObject } from './parse-data.js';
import { expandableGlob } from './workspace-globs.js';

/** Small manifests and version pins, read whole. */
const TEXT_FILES = ['pyproject.toml', 'setup.py', 'setup.cfg', '.python-version', 'package.json', '.nvmrc', '.node-version', 'go.mod', '.goreleaser.yml', '.goreleaser.yaml'];

/** Lockfiles can be megabytes and only their existence matters, so they are stored as `''`. */
const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'bun.lockb'];

const WORKFLOWS_DIR = '.github/workflows';

async function readWorkflows(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  let names: string[];
  try {
    names = (await readdir(join(root, WORKFLOWS_DIR))).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch {
    return files;
  }
  for (const name of names) {
    const text = await readText(join(root, WORKFLOWS_DIR, name));
    if (text !== undefined) files.set(`${WORKFLOWS_DIR}/${name}`, text);
  }
  return files;
}

/** The manifests of the workspace packages the root package.json's globs name (at most 200). */
async function readWorkspaceManifests(root: string, manifest: string | undefined): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const field = parseJsonObject(manifest)?.['workspaces'];
  const globs = isTable(field) ? field['packages'] : field;
  if (!Array.isArray(globs)) return files;
  const dirs = new Set<string>();
  for (const glob of globs) {
    const g = typeof glob === 'string' ? expandableGlob(glob) : undefined;
    if (!g) continue;
    if (!g.star) dirs.add(g.dir);
    else for (const entry of await readdir(join(root, g.dir), { withFileTypes: true }).catch(() => [])) if (entry.isDirectory()) dirs.add(`${g.dir}/${entry.name}`);
  }
  for (const dir of [...dirs].sort().slice(0, 200)) {
    const text = await readText(join(root, dir, 'package.json'));
    if (text !== undefined) files.set(`${dir}/package.json`, text);
  }
  return files;
}

/** Error codes {@link readProjectSnapshot} throws with. */
export type SnapshotErrorCode = 'read-failed';

/**
 * Reads the files detection looks at in `dir`: manifests and version pins, lockfile presence,
 * the git remote and branch, existing workflows and, in a Go module, the heads of its sources.
 * The only I/O of detection. Missing or unreadable files are simply absent; a `dir` that is
 * not a readable directory throws a `read-failed` {@link SlsaKitError}.
 */
export async function readProjectSnapshot(dir: string): Promise<ProjectSnapshot> {
  const root = resolve(dir);
  try {
    if (!(await stat(root)).isDirectory()) throw new Error(`${root} is not a directory`);
    await readdir(root);
  } catch (error) {
    throw new SlsaKitError<SnapshotErrorCode>('read-failed', `cannot read the directory ${root}`, { cause: error });
  }
  const files = new Map<string, string>();
  const texts = await Promise.all(TEXT_FILES.map(async (file) => [file, await readText(join(root, file))] as const));
  for (const [file, text] of texts) if (text !== undefined) files.set(file, text);
  const present = await Promise.all(LOCKFILES.map(async (file) => [file, await isFile(join(root, file))] as const));
  for (const [file, exists] of present) if (exists) files.set(file, '');
  for (const [key, text] of await readWorkspaceManifests(root, files.get('package.json'))) files.set(key, text);
  for (const [key, text] of await readGitFiles(root)) files.set(key, text);
  for (const [key, text] of await readWorkflows(root)) files.set(key, text);
  // Only a Go module has main packages to find; other projects skip the walk.
  if (files.has('go.mod')) for (const [key, text] of await findGoFiles(root)) files.set(key, text);
  // The root of the file system has no base name; the name then is a neutral word.
  return { dirName: basename(root) || 'project', files };
}
