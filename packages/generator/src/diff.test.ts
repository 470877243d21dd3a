import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './diff.js';

describe('unifiedDiff', () => {
  it('is empty for equal texts and a git-style patch otherwise', () => {
    expect(unifiedDiff('w.yml', 'a\n', 'a\n')).toBe('');
    const patch = unifiedDiff('.github/workflows/release.yml', 'a\nb\nc\n', 'a\nB\nc\n');
    expect(patch.split('\n').slice(0, 7)).toEqual([
      '--- a/.github/workflows/release.yml',
      '+++ b/.github/workflows/release.yml',
      '@@ -1,3 +1,3 @@',
      ' a',
      '-b',
      '+B',
      ' c',
    ]);
  });
});
