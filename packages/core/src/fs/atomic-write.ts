import writeFileAtomicLib from 'write-file-atomic';
import { SlsaKitError } from '../errors.js';

/**
 * Replaces a file's content so that readers see the old file or the new one, never half of it
 * (write-file-atomic: a temporary file beside the target, fsync, rename; the original's mode is
 * kept). A failure is a coded `write-failed` error and leaves no temporary file behind.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomicLib(file, text);
  } catch (error) {
    throw new SlsaKitError('write-failed', `cannot write ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * {@link writeFileAtomic}, synchronous: for writes that must finish inside a process `exit`
 * handler (the CLI's compile cache), where nothing asynchronous runs any more.
 */
export function writeFileAtomicSync(file: string, data: string | Buffer): void {
  try {
    writeFileAtomicLib.sync(file, data);
  } catch (error) {
    throw new SlsaKitError('write-failed', `cannot write ${file}: ${(error as Error).message}`, { cause: error });
  }
}
