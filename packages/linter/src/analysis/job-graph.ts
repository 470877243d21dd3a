import type { Job, Workflow } from '@slsa-kit/core';

/**
 * The `needs:` graph of one workflow, for rules that ask "has job B finished when job A runs?".
 * GitHub compares job ids case-insensitively in `needs:`, so lookups here do too. Needs naming a
 * job that does not exist are dropped, and cycles never make a query loop; GitHub rejects both,
 * and the `workflow-schema` rule reports them (see needs-problems.ts).
 */
export interface JobGraph {
  /** The job with this id, whatever its case. */
  job(id: string): Job | undefined;
  /** The ids of the existing jobs `id` needs directly, as the jobs spell them. */
  directNeeds(id: string): readonly string[];
  /** Every job `id` needs directly or transitively, never `id` itself (even on a cycle). */
  ancestors(id: string): ReadonlySet<string>;
  /** Whether `job` needs `other` directly or transitively, so `other` has finished when `job` starts. */
  dependsOn(job: string, other: string): boolean;
  /** The jobs that need `id` directly or transitively: they run after it. */
  descendants(id: string): ReadonlySet<string>;
}

/** Builds the needs graph of `workflow`. Answers are computed on demand and memoised. */
export function jobGraph(workflow: Workflow): JobGraph {
  const byKey = new Map<string, Job>();
  for (const job of workflow.jobs) if (!byKey.has(job.id.toLowerCase())) byKey.set(job.id.toLowerCase(), job);
  const canonical = (id: string): string | undefined => byKey.get(id.toLowerCase())?.id;
  const direct = new Map<string, string[]>();
  for (const job of byKey.values()) {
    const ids = job.needs.map((n) => canonical(n.value)).filter((id): id is string => id !== undefined && id !== job.id);
    direct.set(job.id, [...new Set(ids)]);
  }
  const reverse = new Map<string, string[]>();
  for (const [id, needs] of direct) for (const n of needs) reverse.set(n, [...(reverse.get(n) ?? []), id]);
  const up = new Map<string, ReadonlySet<string>>();
  const down = new Map<string, ReadonlySet<string>>();
  const closure = (edges: ReadonlyMap<string, readonly string[]>, memo: Map<string, ReadonlySet<string>>, id: string) => {
    const start = canonical(id);
    if (start === undefined) return new Set<string>();
    const cached = memo.get(start);
    if (cached) return cached;
    // Iterative so a long chain cannot exhaust the stack; `seen` makes cycles terminate.
    const seen = new Set<string>();
    const todo = [...(edges.get(start) ?? [])];
    while (todo.length > 0) {
      const next = todo.pop()!;
      if (next === start || seen.has(next)) continue;
      seen.add(next);
      todo.push(...(edges.get(next) ?? []));
    }
    memo.set(start, seen);
    return seen;
  };
  return {
    job: (id) => byKey.get(id.toLowerCase()),
    directNeeds: (id) => {
      const c = canonical(id);
      return c === undefined ? [] : (direct.get(c) ?? []);
    },
    ancestors: (id) => closure(direct, up, id),
    descendants: (id) => closure(reverse, down, id),
    dependsOn(job, other) {
      const o = canonical(other);
      return o !== undefined && closure(direct, up, job).has(o);
    },
  };
}
