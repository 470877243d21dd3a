import { describe, expect, it } from 'vitest';
import { bestVersionTag, compareVersionsDescending, isFullVersionTag, isOnLine, mostSpecificFirst, parseVersionTag, semverOf } from './version-tags.js';

describe('version tags', () => {
  it.each([
    ['v7', [7], undefined],
    ['v7.0', [7, 0], undefined],
    ['v7.0.1', [7, 0, 1], undefined],
    ['1.14.2', [1, 14, 2], undefined],
    ['v2.0.0-rc.1', [2, 0, 0], 'rc.1'],
  ])('reads %s', (name, numbers, prerelease) => {
    expect(parseVersionTag(name)).toEqual({ name, numbers, prerelease });
  });

  it.each(['main', 'release/v1', 'v1.2.3.4', 'v01.2.3', 'v2-rc', 'latest', ''])('does not read %s as a version', (name) => {
    expect(parseVersionTag(name)).toBeUndefined();
  });

  it('knows full versions and their semver', () => {
    expect(isFullVersionTag('v7.0.1')).toBe(true);
    expect(isFullVersionTag('v7')).toBe(false);
    expect(semverOf('v2.0.0-rc.1')).toBe('2.0.0-rc.1');
    expect(semverOf('v7')).toBeUndefined();
  });

  it('orders by semver, not lexically', () => {
    expect(['v1.9.9', 'v1.10.0', 'v2.0.0-rc.1', 'v2.0.0', 'main'].sort(compareVersionsDescending)).toEqual([
      'v2.0.0',
      'v2.0.0-rc.1',
      'v1.10.0',
      'v1.9.9',
      'main',
    ]);
  });

  it('orders most specific first and picks the tag on the requested line', () => {
    expect(mostSpecificFirst(['v7', 'v7.0.1', 'main', 'v7.0', 'v7.0.1-rc.1'])).toEqual(['v7.0.1', 'v7.0.1-rc.1', 'v7.0', 'v7']);
    expect(bestVersionTag(['v6', 'v6.9.0', 'v7', 'v7.0.1'], 'v7')).toBe('v7.0.1');
    expect(bestVersionTag(['v6.9.0'], 'v7')).toBe('v6.9.0');
    expect(bestVersionTag(['main'])).toBeUndefined();
    expect(isOnLine('v7.0.1', 'v7.0')).toBe(true);
    expect(isOnLine('v7.1.0', 'v7.0')).toBe(false);
  });
});
