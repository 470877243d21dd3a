import { createTwoFilesPatch } from 'diff';

/** A unified diff of `before` → `after` for `file`, or '' when they are equal. */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 3 });
  // The library starts with an `Index:`-style separator line; keep the familiar git header only.
  return patch.replace(/^=+\n/m, '');
}
