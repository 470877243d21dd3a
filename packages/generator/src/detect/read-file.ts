import { open, readFile, stat } from 'node:fs/promises';

/** Workflows and manifests larger than this are not source a person wrote; they are skipped. */
export const MAX_TEXT_BYTES = 1024 * 1024;

// Every helper here returns `undefined` for a file that is missing, not a regular file, too
// large or unreadable: detection works with what it can read and never fails on one file.

/** True when `path` is a regular file (following symlinks). */
export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The UTF-8 text of a regular file of at most `limit` bytes, without a byte-order mark. */
export async function readText(path: string, limit = MAX_TEXT_BYTES): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > limit) return undefined;
    return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** The first `bytes` bytes of a file as UTF-8 (a character cut at the end decodes as U+FFFD). */
export async function readHead(path: string, bytes: number): Promise<string | undefined> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}
