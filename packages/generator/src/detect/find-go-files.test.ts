import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GO_SEARCH_LIMITS, findGoFiles } from './find-go-files.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'slsa-go-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), `package ${path.replace(/\W/g, '_')}\n`);
  }
}

describe('findGoFiles', () => {
  it('searches four levels below the root and skips what go build skips', async () => {
    await write(['x.go', 'x_test.go', '_x.go', 'x.txt', '1/2/3/4/four.go', '1/2/3/4/5/five.go', 'node_modules/m.go', 'vendor/v.go', 'testdata/t.go', '.git/g.go', '_tmp/t.go']);
    expect([...(await findGoFiles(root)).keys()]).toEqual(['x.go', '1/2/3/4/four.go']);
  });

  it('does not follow a symbolic link to a directory', async () => {
    await write(['real/r.go']);
    await symlink(join(root, 'real'), join(root, 'link'));
    expect([...(await findGoFiles(root)).keys()]).toEqual(['real/r.go']);
  });

  it(`stops after ${GO_SEARCH_LIMITS.entries} entries, nearest the root first`, async () => {
    await mkdir(join(root, 'a'));
    await writeFile(join(root, 'a', 'a.go'), 'package a\n');
    // `a` is entry 1; 1998 fillers bring the count to 1999, so `y.go` is the last entry seen.
    await Promise.all(Array.from({ length: GO_SEARCH_LIMITS.entries - 2 }, (_, i) => writeFile(join(root, `f${String(i).padStart(4, '0')}.txt`), '')));
    await writeFile(join(root, 'y.go'), 'package y\n');
    await writeFile(join(root, 'z.go'), 'package z\n');
    expect([...(await findGoFiles(root)).keys()]).toEqual(['y.go']);
  });

  it('finds nothing in a missing directory', async () => {
    expect((await findGoFiles(join(root, 'missing'))).size).toBe(0);
  });
});
