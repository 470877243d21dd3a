import { describe, expect, it } from 'vitest';
import { expandableGlob, matchesWorkspaceGlob } from './workspace-globs.js';

describe('workspace globs', () => {
  it.each([
    ['packages/*', { dir: 'packages', star: true }],
    ['./apps/*/', { dir: 'apps', star: true }],
    ['tools', { dir: 'tools', star: false }],
    ['packages/**', undefined],
    ['!packages/x', undefined],
    ['../outside/*', undefined],
    ['{a,b}/*', undefined],
  ])('%s', (glob, expected) => {
    expect(expandableGlob(glob)).toEqual(expected);
  });

  it('matches one level below a star only', () => {
    expect(matchesWorkspaceGlob('packages/*', 'packages/core')).toBe(true);
    expect(matchesWorkspaceGlob('packages/*', 'packages/core/x')).toBe(false);
    expect(matchesWorkspaceGlob('packages/*', 'packages')).toBe(false);
    expect(matchesWorkspaceGlob('tools', 'tools')).toBe(true);
  });
});
