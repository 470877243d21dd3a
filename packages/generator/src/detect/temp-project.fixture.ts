import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** A fresh temp directory per test (removed after it) and a helper that writes files into it. */
export function useTempProject(prefix: string): { readonly base: () => string; readonly write: (files: Record<string, string>) => Promise<void> } {
  let base = '';
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });
  return {
    base: () => base,
    write: async (files) => {
      for (const [path, text] of Object.entries(files)) {
        await mkdir(dirname(join(base, path)), { recursive: true });
        await writeFile(join(base, path), text);
      }
    },
  };
}
