/** The colours a diff line can take; undefined leaves the terminal's own colour. */
export type DiffColor = 'green' | 'red' | 'cyan' | undefined;

/** The text as lines, without the empty line after a final newline (it is not a line of the file). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * The colour of a unified-diff line: additions green, removals red, hunk headers cyan. The
 * `---`/`+++` file headers stay uncoloured: they name the files, they are not changes.
 */
export function diffLineColor(line: string): DiffColor {
  if (line.startsWith('+++ ') || line.startsWith('--- ')) return undefined;
  if (line.startsWith('+')) return 'green';
  if (line.startsWith('-')) return 'red';
  if (line.startsWith('@@')) return 'cyan';
  return undefined;
}

/** `offset` kept within the lines so that the window never scrolls past the last line. */
export function clampOffset(offset: number, total: number, rows: number): number {
  return Math.max(0, Math.min(offset, total - rows));
}

/** The footer of a window onto `total` lines: `lines 1–20 of 57` (1-based, inclusive). */
export function windowFooter(offset: number, shown: number, total: number): string {
  return total === 0 ? 'no lines' : `lines ${offset + 1}–${offset + shown} of ${total}`;
}
