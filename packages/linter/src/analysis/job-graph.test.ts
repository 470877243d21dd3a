import { describe, expect, it } from 'vitest';
import { loadWorkflow } from '@slsa-kit/core';
import { yaml } from '@slsa-kit/core/testing';
import { jobGraph } from './job-graph.js';

const graphOf = (text: string) => {
  const { workflow } = loadWorkflow(text, 'w.yml');
  if (!workflow) throw new Error('test workflow must load');
  return jobGraph(workflow);
};

const sorted = (s: ReadonlySet<string>) => [...s].sort();

describe('jobGraph', () => {
  const chain = graphOf(yaml`
    on: push
    jobs:
      build: { runs-on: x, steps: [{ run: a }] }
      provenance: { needs: build, uses: o/r/.github/workflows/w.yml@v1 }
      Publish: { needs: [provenance, missing], runs-on: x, steps: [{ run: b }] }
      docs: { runs-on: x, steps: [{ run: c }] }
  `);

  it('follows needs transitively and drops needs of jobs that do not exist', () => {
    expect(sorted(chain.ancestors('Publish'))).toEqual(['build', 'provenance']);
    expect(chain.directNeeds('Publish')).toEqual(['provenance']);
    expect(sorted(chain.ancestors('build'))).toEqual([]);
    expect(sorted(chain.descendants('build'))).toEqual(['Publish', 'provenance']);
  });

  it('compares job ids case-insensitively, as GitHub does', () => {
    expect(chain.dependsOn('publish', 'BUILD')).toBe(true);
    expect(chain.job('PUBLISH')?.id).toBe('Publish');
    expect(chain.dependsOn('build', 'publish')).toBe(false);
    expect(chain.dependsOn('docs', 'build')).toBe(false);
  });

  it('answers nothing for unknown jobs', () => {
    expect(sorted(chain.ancestors('nope'))).toEqual([]);
    expect(chain.dependsOn('nope', 'build')).toBe(false);
    expect(chain.dependsOn('publish', 'nope')).toBe(false);
    expect(chain.directNeeds('nope')).toEqual([]);
  });

  it('terminates on cycles and never lists a job as its own ancestor', () => {
    const g = graphOf(yaml`
      on: push
      jobs:
        a: { needs: c, runs-on: x, steps: [{ run: a }] }
        b: { needs: a, runs-on: x, steps: [{ run: b }] }
        c: { needs: [b, c], runs-on: x, steps: [{ run: c }] }
    `);
    expect(sorted(g.ancestors('a'))).toEqual(['b', 'c']);
    expect(sorted(g.descendants('a'))).toEqual(['b', 'c']);
    expect(g.directNeeds('c')).toEqual(['b']);
  });

  it('handles a long chain without recursion', () => {
    const jobs = Array.from({ length: 500 }, (_, i) => `  j${i}: { ${i > 0 ? `needs: j${i - 1}, ` : ''}runs-on: x, steps: [{ run: a }] }`);
    const g = graphOf(`on: push\njobs:\n${jobs.join('\n')}\n`);
    expect(g.ancestors('j499').size).toBe(499);
    expect(g.dependsOn('j499', 'j0')).toBe(true);
  });
});
