import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { noInputs } from './usage-error.js';

const WORKFLOW_FILE = /\.ya?ml$/i;
// Never workflows, and large enough to make a directory walk slow.
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/**
 * The repository root: the nearest directory at or above `from` holding `.git` (a directory, or a
 * file in worktrees and submodules). Found by walking up, so no git binary is needed; undefined
 * outside a repository.
 */
export async function findGitRoot(from: string): Promise<string | undefined> {
  let dir = path.resolve(from);
  for (;;) {
    if (await exists(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** What to lint and the root configuration and `ignore:` globs are relative to. */
export interface Inputs {
  readonly root: string;
  /** Paths as they will be shown: relative to `cwd` when inside it. */
  readonly files: readonly string[];
}

/**
 * Resolves the command line's paths: files as given, directories searched recursively for
 * `*.yml` / `*.yaml`; with no paths, `.github/workflows/*.{yml,yaml}` under the repository root
 * (GitHub reads only that directory, not its subdirectories). Throws `no-inputs` (exit 3) when a
 * path does not exist or nothing is found.
 */
export async function collectInputs(paths: readonly string[], cwd: string): Promise<Inputs> {
  const root = (await findGitRoot(cwd)) ?? path.resolve(cwd);
  const found: string[] = [];
  if (paths.length === 0) {
    const dir = path.join(root, '.github', 'workflows');
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) if (e.isFile() && WORKFLOW_FILE.test(e.name)) found.push(path.join(dir, e.name));
    if (found.length === 0) throw noInputs(`no workflow files in ${shown(cwd, dir)} (looked for *.yml and *.yaml)`);
  }
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    const info = await stat(abs).catch(() => undefined);
    if (!info) throw noInputs(`${p}: no such file or directory`);
    if (info.isDirectory()) {
      const before = found.length;
      await walk(abs, found);
      if (found.length === before) throw noInputs(`no *.yml or *.yaml files under ${p}`);
    } else found.push(abs);
  }
  const unique = [...new Set(found)].sort();
  return { root, files: unique.map((f) => shown(cwd, f)) };
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) await walk(full, out);
    else if (e.isFile() && WORKFLOW_FILE.test(e.name)) out.push(full);
  }
}

/** `file` relative to `dir` (with `..` when needed, so it stays short and clickable); absolute across drives. */
export function shown(dir: string, file: string): string {
  const rel = path.relative(dir, file);
  return rel !== '' && !path.isAbsolute(rel) ? rel : file;
}
