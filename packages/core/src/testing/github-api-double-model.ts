/** A commit of a double repository. Commits named only as parents or ref targets need no entry. */
export interface DoubleCommit {
  readonly parents?: readonly string[];
  readonly message?: string;
  /** ISO date for author and committer; a fixed date by default. */
  readonly date?: string;
}

/** An annotated tag object. Its `object` is a commit SHA, or the SHA of another tag object (nested tags). */
export interface DoubleTagObject {
  readonly sha: string;
  readonly object: string;
  /** The tag name inside the object; defaults to the ref name that points at it. */
  readonly name?: string;
  readonly message?: string;
  readonly taggerDate?: string;
}

/** A tag ref: a commit SHA (lightweight tag) or an annotated tag object. */
export type DoubleTag = string | DoubleTagObject;

/** A GitHub Release of a double repository. */
export interface DoubleRelease {
  readonly tag: string;
  readonly name?: string;
  readonly draft?: boolean;
  readonly prerelease?: boolean;
  readonly createdAt?: string;
  readonly publishedAt?: string | null;
}

/**
 * A repository the double serves. Commits that no branch or tag reaches model fork-network
 * commits: GitHub serves those under every repository of the network.
 */
export interface DoubleRepo {
  readonly defaultBranch?: string;
  readonly commits?: Readonly<Record<string, DoubleCommit>>;
  readonly branches?: Readonly<Record<string, string>>;
  readonly tags?: Readonly<Record<string, DoubleTag>>;
  /** Tag objects no ref names directly (the inner links of a tag-of-tag chain). */
  readonly tagObjects?: readonly DoubleTagObject[];
  /** In the order GitHub lists them (newest first) unless `createdAt` says otherwise. */
  readonly releases?: readonly DoubleRelease[];
}

const EPOCH = '2026-01-01T00:00:00Z';

interface ModelCommit {
  readonly sha: string;
  readonly parents: readonly string[];
  readonly message: string;
  readonly date: string;
}

interface ModelTagObject {
  readonly sha: string;
  readonly name: string;
  readonly object: { readonly type: 'commit' | 'tag'; readonly sha: string };
  readonly message: string;
  readonly taggerDate: string;
}

/** The relation of head to base in a comparison, as GitHub names it. */
export type ComparisonStatus = 'identical' | 'behind' | 'ahead' | 'diverged';

/** A double repository normalized for serving: commit graph, refs, tag objects, releases. */
export class RepoModel {
  readonly defaultBranch: string;
  readonly commits = new Map<string, ModelCommit>();
  readonly branches = new Map<string, string>();
  readonly tagRefs = new Map<string, { readonly type: 'commit' | 'tag'; readonly sha: string }>();
  readonly tagObjects = new Map<string, ModelTagObject>();
  readonly releases: readonly DoubleRelease[];

  constructor(
    readonly owner: string,
    readonly name: string,
    spec: DoubleRepo,
  ) {
    this.defaultBranch = spec.defaultBranch ?? 'main';
    for (const [sha, c] of Object.entries(spec.commits ?? {})) this.addCommit(sha, c);
    for (const [name, sha] of Object.entries(spec.branches ?? {})) this.branches.set(name, this.addCommit(sha));
    const objects = [...(spec.tagObjects ?? [])];
    for (const [name, tag] of Object.entries(spec.tags ?? {})) {
      if (typeof tag === 'string') this.tagRefs.set(name, { type: 'commit', sha: this.addCommit(tag) });
      else {
        objects.push({ ...tag, name: tag.name ?? name });
        this.tagRefs.set(name, { type: 'tag', sha: tag.sha });
      }
    }
    const objectShas = new Set(objects.map((o) => o.sha));
    for (const o of objects) {
      const inner = objectShas.has(o.object);
      const name = o.name ?? o.sha.slice(0, 7);
      this.tagObjects.set(o.sha, {
        sha: o.sha,
        name,
        object: { type: inner ? 'tag' : 'commit', sha: inner ? o.object : this.addCommit(o.object) },
        message: o.message ?? `${name}\n`,
        taggerDate: o.taggerDate ?? EPOCH,
      });
    }
    this.releases = spec.releases ?? [];
  }

  private addCommit(sha: string, c: DoubleCommit = {}): string {
    const known = this.commits.get(sha);
    if (!known || c.parents || c.message || c.date) {
      this.commits.set(sha, {
        sha,
        parents: c.parents ?? known?.parents ?? [],
        message: c.message ?? known?.message ?? `commit ${sha.slice(0, 7)}`,
        date: c.date ?? known?.date ?? EPOCH,
      });
    }
    for (const p of c.parents ?? []) if (!this.commits.has(p)) this.addCommit(p);
    return sha;
  }

  /** The commit a tag ref peels to, following tag objects. */
  peelTag(name: string): string | undefined {
    let target = this.tagRefs.get(name);
    for (let depth = 0; target?.type === 'tag' && depth < 20; depth++) target = this.tagObjects.get(target.sha)?.object;
    return target?.type === 'commit' ? target.sha : undefined;
  }

  /** What GitHub accepts as a commit-ish in URLs: a SHA (or unique prefix), `refs/heads/…`, `refs/tags/…`, a branch, a tag. */
  resolve(spec: string): string | undefined {
    if (spec.startsWith('refs/heads/')) return this.branches.get(spec.slice(11));
    if (spec.startsWith('refs/tags/')) return this.peelTag(spec.slice(10));
    if (/^[0-9a-f]{40}$/i.test(spec)) return this.commits.has(spec.toLowerCase()) ? spec.toLowerCase() : undefined;
    const branch = this.branches.get(spec);
    if (branch) return branch;
    const tag = this.peelTag(spec);
    if (tag) return tag;
    if (/^[0-9a-f]{7,39}$/i.test(spec)) {
      const hits = [...this.commits.keys()].filter((s) => s.startsWith(spec.toLowerCase()));
      if (hits.length === 1) return hits[0];
    }
    return undefined;
  }

  /** `sha` and every commit it descends from. */
  ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      stack.push(...(this.commits.get(s)?.parents ?? []));
    }
    return seen;
  }

  /** GitHub's comparison of `head` against `base`, or `undefined` when they share no history (GitHub: 404). */
  compare(base: string, head: string):
    | { status: ComparisonStatus; aheadBy: number; behindBy: number; mergeBase: string; commits: string[] }
    | undefined {
    const ofBase = this.ancestors(base);
    const ofHead = this.ancestors(head);
    const common = [...ofHead].filter((s) => ofBase.has(s));
    if (common.length === 0) return undefined;
    // The merge base is the common ancestor no other common ancestor descends from.
    const mergeBase = common.find((c) => common.every((o) => o === c || !this.ancestors(o).has(c)))!;
    const ahead = [...ofHead].filter((s) => !ofBase.has(s));
    const behind = [...ofBase].filter((s) => !ofHead.has(s));
    const status: ComparisonStatus =
      ahead.length === 0 && behind.length === 0 ? 'identical' : ahead.length === 0 ? 'behind' : behind.length === 0 ? 'ahead' : 'diverged';
    return { status, aheadBy: ahead.length, behindBy: behind.length, mergeBase, commits: ahead.reverse() };
  }
}
