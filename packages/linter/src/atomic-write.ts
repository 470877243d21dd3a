import { randomBytes } from 'node:crypto';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SlsaKitError } from '@slsa-kit/core';

/**
 * Replaces a file's content so that readers see the old file or the new one, never half of it:
 * the text goes to a temporary file beside it (same filesystem, so `rename` is atomic), which
 * keeps the original's permission bits, and is then renamed over the original.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const mode = await stat(file).then(
      (s) => s.mode & 0o7777,
      () => 0o644,
    );
    await writeFile(temp, text, { mode, flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new SlsaKitError('write-failed', `cannot write ${file}`, { cause: error });
  }
}
