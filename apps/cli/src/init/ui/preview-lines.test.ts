import { describe, expect, it } from 'vitest';
import { clampOffset, diffLineColor, splitLines, windowFooter } from './preview-lines.js';

describe('preview lines', () => {
  it('splits without the empty line after a final newline', () => {
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\r\n\nb')).toEqual(['a', '', 'b']);
    expect(splitLines('')).toEqual([]);
  });

  it('colours additions, removals and hunks but not file headers or context', () => {
    expect(['+++ b/x', '--- a/x', '+on: release', '-on: push', '@@ -1 +1 @@', ' name: x'].map(diffLineColor)).toEqual([undefined, undefined, 'green', 'red', 'cyan', undefined]);
  });

  it('clamps the window to the text and numbers it from 1', () => {
    expect(clampOffset(-3, 12, 5)).toBe(0);
    expect(clampOffset(9, 12, 5)).toBe(7);
    expect(clampOffset(4, 3, 5)).toBe(0);
    expect(windowFooter(7, 5, 12)).toBe('lines 8–12 of 12');
    expect(windowFooter(0, 0, 0)).toBe('no lines');
  });
});
