import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.js';

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['checkout', 'checkout', 0],
    ['chekout', 'checkout', 1], // deletion
    ['chcekout', 'checkout', 1], // transposition
    ['checkuot', 'checkout', 1],
    ['upload-artifacts', 'upload-artifact', 1],
    ['kitten', 'sitting', 3],
    ['wiht', 'with', 1],
    ['runs-on', 'run-on', 1],
    ['permissions', 'permission', 1],
    ['ca', 'abc', 3], // OSA, unlike unrestricted Damerau-Levenshtein (2), edits no substring twice
  ] as const)('%j ↔ %j = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('stops past the limit', () => {
    expect(editDistance('actions/checkout', 'pypa/gh-action-pypi-publish', 2)).toBe(3);
    expect(editDistance('abcdef', 'abcxyz', 1)).toBe(2);
    expect(editDistance('chekout', 'checkout', 1)).toBe(1);
  });
});
