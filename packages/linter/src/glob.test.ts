import { describe, expect, it } from 'vitest';
import { matchesAnyGlob } from './glob.js';

describe('matchesAnyGlob', () => {
  it.each([
    ['.github/workflows/*.yml', '.github/workflows/release.yml', true],
    ['.github/workflows/*.yml', '.github/workflows/sub/release.yml', false],
    ['**/release.yml', 'release.yml', true],
    ['**/release.yml', 'a/b/release.yml', true],
    ['.github/**', '.github/workflows/x.yaml', true],
    ['*.{yml,yaml}', 'x.yaml', true],
    ['legacy-?.yml', 'legacy-1.yml', true],
    ['a.b', 'axb', false],
  ])('%s vs %s → %s', (glob, file, expected) => {
    expect(matchesAnyGlob(file, [glob])).toBe(expected);
  });
});
