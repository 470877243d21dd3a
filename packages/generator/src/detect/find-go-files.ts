import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readHead } from './read-file.js';

/** How far the search for `package main` goes: nested levels below the root, entries seen, bytes read per file. */
export const GO_SEARCH_LIMITS = { depth: 4, entries: 2000, headBytes: 4096 } as const;

// The go tool itself ignores directories starting with `.` or `_` and `testdata`; vendor and
// node_modules hold other people's code.
const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', 'vendor', 'testdata']);

function isSearchedDir(name: string): boolean {
  return !name.startsWith('.') && !name.startsWith('_') && !SKIPPED_DIRS.has(name);
}

function isBuiltSource(name: string): boolean {
  return name.endsWith('.go') && !name.endsWith('_test.go') && !name.startsWith('.') && !name.startsWith('_');
}

/**
 * The head of every Go source that `go build` would compile, keyed by posix path relative to
 * `root`, breadth first (so a huge tree spends its entry budget near the root) and in name
 * order at each level (so the result does not depend on the file system's order). Symbolic
 * links to directories are not followed, which also rules out cycles.
 */
export async function findGoFiles(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  let visited = 0;
  let level = [''];
  for (let depth = 0; depth <= GO_SEARCH_LIMITS.depth && level.length > 0; depth += 1) {
    const next: string[] = [];
    for (const dir of level) {
      let entries;
      try {
        entries = await readdir(join(root, dir), { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (visited >= GO_SEARCH_LIMITS.entries) return files;
        visited += 1;
        const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
        if (entry.isDirectory() && isSearchedDir(entry.name)) next.push(path);
        else if (entry.isFile() && isBuiltSource(entry.name)) {
          const head = await readHead(join(root, path), GO_SEARCH_LIMITS.headBytes);
          if (head !== undefined) files.set(path, head);
        }
      }
    }
    level = next;
  }
  return files;
}
