import { describe, expect, it } from 'vitest';
import { lowerBound, majorMinor } from './version-bound.js';

describe('lowerBound', () => {
  it.each([
    ['>=3.9', [3, 9]],
    ['~=3.10', [3, 10]],
    ['>=3.8,<4', [3, 8]],
    ['<4, >= 3.8.1', [3, 8, 1]],
    ['==3.11.*', [3, 11]],
    ['>=3.8,>=3.9', [3, 9]],
    ['^3.9', [3, 9]],
    ['>=20.19', [20, 19]],
    ['^18 || >=20', [18]],
    ['>=22 || ^20.19', [20, 19]],
    ['>= 20', [20]],
    ['18.x', [18]],
    ['v20.11.1', [20, 11, 1]],
    ['18 - 20', [18]],
    ['>=18 <21', [18]],
  ])('%s → %j', (range, expected) => {
    expect(lowerBound(range)).toEqual(expected);
  });

  it.each(['*', '<4', '!=3.9', 'lts/*', '', 'node'])('%j has no lower bound', (range) => {
    expect(lowerBound(range)).toBeUndefined();
  });
});

describe('majorMinor', () => {
  it.each([
    [[3, 12, 4], '3.12'],
    [[3, 12], '3.12'],
    [[3], '3'],
  ])('%j → %s', (parts, expected) => {
    expect(majorMinor(parts)).toBe(expected);
  });
});
