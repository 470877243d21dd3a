import { describe, expect, it } from 'vitest';
import { classifyRef, isFullSha, parseTagVersion, type RefKind } from './ref-kind.js';

describe('classifyRef', () => {
  const cases: ReadonlyArray<readonly [ref: string | undefined, kind: RefKind]> = [
    ['11bd71901bbe5b1630ceea73d27597364c9af683', 'full-sha'],
    ['11BD71901BBE5B1630CEEA73D27597364C9AF683', 'full-sha'],
    ['a'.repeat(64), 'full-sha'], // SHA-256 object id
    ['1'.repeat(40), 'full-sha'], // all digits, still 40 hex
    ['11bd719', 'short-sha'],
    ['deadbeef', 'short-sha'],
    ['11bd71901bbe5b1630ceea73d27597364c9af68', 'short-sha'], // 39
    ['11bd71901bbe5b1630ceea73d27597364c9af6831', 'branch-like'], // 41
    ['abc123', 'branch-like'], // too short for a SHA
    ['1234567', 'semver-partial'], // all digits: a tag, not a SHA
    ['v1234567', 'semver-partial'],
    ['v4', 'semver-partial'],
    ['v4.2', 'semver-partial'],
    ['0', 'semver-partial'],
    ['v4.2.2', 'semver-full'],
    ['4.2.2', 'semver-full'],
    ['v1.2.3-rc.1', 'semver-full'],
    ['v1.2.3-rc.1+build.5', 'semver-full'],
    ['v1.2.3.4', 'branch-like'],
    ['v01.2.3', 'branch-like'], // leading zero is not semver
    ['v1-beta', 'branch-like'],
    ['v2.x', 'branch-like'],
    ['v3-node20', 'branch-like'],
    ['V1', 'branch-like'],
    ['main', 'branch-like'],
    ['release/v1', 'branch-like'],
    ['12345678901234567890', 'branch-like'], // too long for a semver number
    ['', 'missing'],
    [undefined, 'missing'],
  ];
  it.each(cases)('%s → %s', (ref, kind) => {
    expect(classifyRef(ref).refKind).toBe(kind);
  });

  it('exposes the version of tags only', () => {
    expect(classifyRef('v4.2.2').version?.semver.version).toBe('4.2.2');
    expect(classifyRef('main').version).toBeUndefined();
    expect(classifyRef('11bd719').version).toBeUndefined();
  });
});

describe('parseTagVersion', () => {
  it.each([
    ['v4', '4.0.0', 1, 'v'],
    ['4.2', '4.2.0', 2, ''],
    ['v1.2.3-rc.1', '1.2.3-rc.1', 3, 'v'],
  ] as const)('%s', (tag, version, precision, prefix) => {
    const parsed = parseTagVersion(tag);
    expect(parsed?.semver.version).toBe(version);
    expect(parsed?.precision).toBe(precision);
    expect(parsed?.prefix).toBe(prefix);
  });

  it('keeps prerelease parts comparable', () => {
    expect(parseTagVersion('v1.2.3-rc.1')!.semver.compare(parseTagVersion('v1.2.3')!.semver)).toBe(-1);
  });
});

describe('isFullSha', () => {
  it('accepts only full commit ids', () => {
    expect(isFullSha('11bd71901bbe5b1630ceea73d27597364c9af683')).toBe(true);
    expect(isFullSha('11bd719')).toBe(false);
    expect(isFullSha('v4')).toBe(false);
  });
});
