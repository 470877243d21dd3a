import { describe, expect, it } from 'vitest';
import { globsIntersect, nameGlob, neededOutputJobs, patternGlobs } from './artifact-names.js';

describe('artifact names as globs', () => {
  it.each([
    ['dist', 'dist'],
    ['dist-${{ matrix.os }}', 'dist-*'],
    ['${{ inputs.a }}-${{inputs.b}}', '*-*'],
  ])('nameGlob(%j) = %j', (name, glob) => expect(nameGlob(name)).toBe(glob));

  it.each([
    ['dist-*', ['dist-*']],
    ['wheels-**', ['wheels-*']],
    ['{sdist,wheels}-*', ['sdist-*', 'wheels-*']],
    ['cibw-[lm]*', ['cibw-?*']],
    ['${{ env.PREFIX }}*', ['*']],
  ])('patternGlobs(%j) = %j', (pattern, globs) => expect(patternGlobs(pattern)).toEqual(globs));

  it.each([
    ['dist', 'dist', true],
    ['dist', 'Dist', true],
    ['dist', 'dists', false],
    ['dist-*', 'dist-ubuntu', true],
    ['dist-*', 'wheels-*', false],
    ['*-linux', 'cibw-*', true],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['*', '', true],
    ['*.intoto.jsonl', 'provenance.intoto.jsonl', true],
    ['*.intoto.jsonl', 'provenance', false],
  ])('globsIntersect(%j, %j) = %j', (a, b, want) => {
    expect(globsIntersect(a, b)).toBe(want);
    expect(globsIntersect(b, a)).toBe(want);
  });

  it('finds the jobs whose outputs a name reads', () => {
    expect(neededOutputJobs('${{ needs.provenance.outputs.provenance-name }}')).toEqual(['provenance']);
    expect(neededOutputJobs("${{ needs['build'].outputs['name'] }}")).toEqual(['build']);
    expect(neededOutputJobs('${{ needs.build.result }} ${{ matrix.os }}')).toEqual([]);
    expect(neededOutputJobs('needs.build.outputs.x')).toEqual([]);
  });
});
