/** Where the bar is drawn: stderr, and only when it is a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Files smaller than this hash in well under a second; a bar would only flicker. */
export const PROGRESS_MIN_BYTES = 64 * 1024 * 1024;

const MIB = 1024 * 1024;

/**
 * A hashing progress callback for `hashFile(path, onProgress)`, or undefined when no bar should be
 * drawn (not a TTY, or a small file). Redraws at most every 100 ms and erases itself when done.
 */
export function progressBar(stream: ProgressStream, label: string, now: () => number = Date.now): ((done: number, total: number) => void) | undefined {
  if (stream.isTTY !== true) return undefined;
  let last = -Infinity;
  let drawn = false;
  return (done, total) => {
    if (total < PROGRESS_MIN_BYTES) return;
    const finished = done >= total;
    if (finished) {
      if (drawn) stream.write('\r\u001b[2K');
      return;
    }
    const t = now();
    if (t - last < 100) return;
    last = t;
    drawn = true;
    stream.write(`\r${renderBar(label, done, total, stream.columns ?? 80)}`);
  };
}

/** `hashing NAME [#####.....]  42% 123/456 MiB`, fitted to `columns`. */
export function renderBar(label: string, done: number, total: number, columns: number): string {
  const ratio = total === 0 ? 1 : Math.min(1, done / total);
  const tail = ` ${String(Math.floor(ratio * 100)).padStart(3)}% ${Math.floor(done / MIB)}/${Math.ceil(total / MIB)} MiB`;
  const name = label.length > 30 ? `…${label.slice(-29)}` : label;
  const width = Math.max(10, Math.min(40, columns - tail.length - name.length - 12));
  const full = Math.round(ratio * width);
  return `hashing ${name} [${'#'.repeat(full)}${'.'.repeat(width - full)}]${tail}`;
}
