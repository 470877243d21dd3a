import type { Job, Located, Workflow } from '@slsa-kit/core';

/** A `needs:` entry that names no job of the workflow. */
export interface UnknownNeed {
  readonly kind: 'unknown';
  readonly job: Job;
  readonly entry: Located<string>;
}

/** One edge of a cycle: `job` needs the next job of the cycle through `entry`. */
export interface NeedsEdge {
  readonly job: Job;
  readonly entry: Located<string>;
}

/**
 * A `needs:` cycle. `edges` follow the cycle from the need written first in the file; the last
 * edge leads back to the first job (a job needing itself is a cycle of one edge).
 */
export interface NeedsCycle {
  readonly kind: 'cycle';
  readonly edges: readonly NeedsEdge[];
}

export type NeedsProblem = UnknownNeed | NeedsCycle;

/** A job's need of `target`, through `entry`. */
interface Need {
  readonly target: Job;
  readonly entry: Located<string>;
}

// The job-id syntax; other values are the schema check's to report (one finding per mistake).
const JOB_ID = /^[_a-zA-Z][a-zA-Z0-9_-]*$/;

/**
 * The `needs:` mistakes GitHub rejects a workflow for when it parses it: an entry naming no job
 * ("depends on unknown job") and cycles ("must not contain cyclic dependencies"). Job ids are
 * compared case-insensitively, as GitHub does, and a job named twice in one `needs:` is one need
 * (GitHub accepts it). Cycles are found by a depth-first walk in document order, each reported
 * once (found at the entry that leads back to a job still on the walk).
 */
export function needsProblems(workflow: Workflow): NeedsProblem[] {
  const byKey = new Map<string, Job>();
  for (const job of workflow.jobs) if (!byKey.has(job.id.toLowerCase())) byKey.set(job.id.toLowerCase(), job);
  const problems: NeedsProblem[] = [];
  const edges = new Map<Job, Need[]>();
  for (const job of byKey.values()) {
    const seen = new Set<string>();
    const out: Need[] = [];
    for (const entry of job.needs) {
      const key = entry.value.toLowerCase();
      if (!JOB_ID.test(entry.value) || seen.has(key)) continue;
      seen.add(key);
      const target = byKey.get(key);
      if (target) out.push({ target, entry });
      else problems.push({ kind: 'unknown', job, entry });
    }
    edges.set(job, out);
  }
  problems.push(...findCycles([...byKey.values()], edges));
  return problems.sort((a, b) => reportedAt(a).span.start - reportedAt(b).span.start);
}

/** Where a problem is reported: the unknown entry, or a cycle's first need. */
const reportedAt = (p: NeedsProblem): Located<string> => (p.kind === 'unknown' ? p.entry : p.edges[0]!.entry);

/**
 * Depth-first over each job's needs, iterative so a long chain cannot exhaust the stack. A need of
 * a job still on the path closes a cycle; jobs already finished are never walked again.
 */
function findCycles(jobs: readonly Job[], edges: ReadonlyMap<Job, readonly Need[]>): NeedsCycle[] {
  const cycles: NeedsCycle[] = [];
  const done = new Set<Job>();
  for (const start of jobs) {
    if (done.has(start)) continue;
    // The walk's path: each job, the index of its next need to follow, and the edge that led to it.
    const path: { job: Job; next: number; via?: NeedsEdge }[] = [{ job: start, next: 0 }];
    const onPath = new Map<Job, number>([[start, 0]]);
    while (path.length > 0) {
      const top = path.at(-1)!;
      const need = edges.get(top.job)?.[top.next++];
      if (!need) {
        path.pop();
        onPath.delete(top.job);
        done.add(top.job);
        continue;
      }
      const taken = { job: top.job, entry: need.entry };
      const back = onPath.get(need.target);
      if (back !== undefined) {
        const edges = [...path.slice(back + 1).map((p) => p.via!), taken];
        // Start at the need written first in the file, so the cycle reads from where a reader meets it.
        const first = edges.reduce((best, e, i) => (e.entry.span.start < edges[best]!.entry.span.start ? i : best), 0);
        cycles.push({ kind: 'cycle', edges: [...edges.slice(first), ...edges.slice(0, first)] });
      } else if (!done.has(need.target)) {
        onPath.set(need.target, path.length);
        path.push({ job: need.target, next: 0, via: taken });
      }
    }
  }
  return cycles;
}
