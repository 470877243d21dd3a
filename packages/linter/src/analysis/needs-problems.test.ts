import { describe, expect, it } from 'vitest';
import { loadWorkflow } from '@slsa-kit/core';
import { yaml } from '@slsa-kit/core/testing';
import { needsProblems, type NeedsProblem } from './needs-problems.js';

const problemsOf = (text: string) => {
  const { workflow } = loadWorkflow(text, 'w.yml');
  if (!workflow) throw new Error('test workflow must load');
  return needsProblems(workflow);
};

/** `job>need` for an unknown need; `a>b>…>a` (the jobs of each edge, then the first again) for a cycle. */
const show = (p: NeedsProblem): string =>
  p.kind === 'unknown' ? `unknown ${p.job.id}>${p.entry.value}` : `cycle ${[...p.edges.map((e) => e.job.id), p.edges[0]!.job.id].join('>')} from ${p.edges[0]!.entry.value}`;

describe('needsProblems', () => {
  it('finds nothing in an acyclic graph with repeated and differently cased needs', () => {
    expect(problemsOf(yaml`
      on: push
      jobs:
        build: { runs-on: x, steps: [{ run: a }] }
        test: { needs: [BUILD, build], runs-on: x, steps: [{ run: b }] }
        publish: { needs: [test, Build], runs-on: x, steps: [{ run: c }] }
    `)).toEqual([]);
  });

  it('lists unknown needs once per job and cycles in file order of their first need', () => {
    const found = problemsOf(yaml`
      on: push
      jobs:
        a: { needs: [c, ghost, Ghost], runs-on: x, steps: [{ run: a }] }
        b: { needs: [a, ghost], runs-on: x, steps: [{ run: b }] }
        c: { needs: [b, C], runs-on: x, steps: [{ run: c }] }
    `);
    expect(found.map(show)).toEqual(['cycle a>c>b>a from c', 'unknown a>ghost', 'unknown b>ghost', 'cycle c>c from C']);
  });

  it('reports a cycle once even when several jobs lead into it', () => {
    const found = problemsOf(yaml`
      on: push
      jobs:
        x: { needs: [a], runs-on: x, steps: [{ run: x }] }
        y: { needs: [b], runs-on: x, steps: [{ run: y }] }
        a: { needs: [b], runs-on: x, steps: [{ run: a }] }
        b: { needs: [a], runs-on: x, steps: [{ run: b }] }
    `);
    expect(found.map(show)).toEqual(['cycle a>b>a from b']);
  });

  it('starts a cycle at its need written first, wherever the walk entered it', () => {
    const found = problemsOf(yaml`
      on: push
      jobs:
        x: { needs: [b], runs-on: x, steps: [{ run: x }] }
        a: { needs: [b], runs-on: x, steps: [{ run: a }] }
        b: { needs: [a], runs-on: x, steps: [{ run: b }] }
    `);
    expect(found.map(show)).toEqual(['cycle a>b>a from b']);
  });

  it('walks a long chain and a long cycle without recursion', () => {
    const jobs = (n: number, closed: boolean) =>
      Array.from({ length: n }, (_, i) => `  j${i}: { ${i > 0 ? `needs: j${i - 1}` : closed ? `needs: j${n - 1}` : 'if: true'}, runs-on: x, steps: [{ run: a }] }`);
    expect(problemsOf(`on: push\njobs:\n${jobs(2000, false).join('\n')}\n`)).toEqual([]);
    const [cycle, ...rest] = problemsOf(`on: push\njobs:\n${jobs(2000, true).join('\n')}\n`);
    expect(rest).toEqual([]);
    expect(cycle?.kind === 'cycle' && cycle.edges.length).toBe(2000);
  });
});
