import type { GitHubClient } from './github-client.js';
import type { Reachability } from './types.js';
import { compareVersionsDescending } from './version-tags.js';

/** Compare calls in flight at once during the slow path (the transport bounds them too). */
const BATCH = 4;
const MAX_TAG_CHAIN = 10;

interface NamedRef {
  readonly kind: 'branch' | 'tag';
  readonly name: string;
}

/**
 * The impostor check, after zizmor's `impostor-commit` audit (itself after Chainguard's clank).
 * GitHub serves every commit of a fork network under every repository's name — `GET
 * /repos/{o}/{r}/commits/{sha}` answers 200 for a commit pushed only to a fork — so existence
 * proves nothing. A commit belongs to `owner/repo` when a branch or tag of it reaches the commit:
 *
 * 1. fast path: a branch or tag tip is the commit (`GET …/branches`, `GET …/tags`, which list
 *    peeled tips);
 * 2. the SHA may name an annotated tag object: peel it (`GET …/git/tags/{sha}`) and retry 1;
 * 3. slow path: `GET …/compare/{ref}...{sha}` for the default branch, the other branches, then the
 *    tags newest first; `behind` or `identical` means the ref contains the commit. GitHub answers
 *    404 when the two share no history, which is the fork-only case.
 *
 * None reaching it means an impostor.
 */
export async function checkReachable(
  client: GitHubClient,
  owner: string,
  repo: string,
  sha: string,
  requireRepo: () => Promise<void>,
): Promise<Reachability> {
  const [tags, branches] = await Promise.all([client.listTags(owner, repo), client.listBranches(owner, repo)]);
  if (!tags || !branches) {
    await requireRepo();
    return { reachable: false };
  }
  const tip = (commit: string): Reachability | undefined => {
    const branch = branches.find((b) => b.commit.sha === commit);
    if (branch) return { reachable: true, via: { kind: 'branch', name: branch.name } };
    const tag = tags.find((t) => t.commit.sha === commit);
    if (tag) return { reachable: true, via: { kind: 'tag', name: tag.name } };
    return undefined;
  };

  let commit = sha;
  const fast = tip(commit);
  if (fast) return fast;
  for (let depth = 0, object = await client.getTag(owner, repo, commit); object && depth < MAX_TAG_CHAIN; depth++) {
    if (object.object.type === 'commit') {
      commit = object.object.sha;
      const peeled = tip(commit);
      if (peeled) return peeled;
      break;
    }
    object = await client.getTag(owner, repo, object.object.sha);
  }

  const defaultBranch = (await client.getRepo(owner, repo))?.default_branch;
  const order: NamedRef[] = [
    ...branches
      .map((b) => b.name)
      .sort((a, b) => Number(b === defaultBranch) - Number(a === defaultBranch) || a.localeCompare(b))
      .map((name) => ({ kind: 'branch' as const, name })),
    ...tags
      .map((t) => t.name)
      .sort(compareVersionsDescending)
      .map((name) => ({ kind: 'tag' as const, name })),
  ];
  // The default branch alone first: it contains most legitimate commits. Then batches.
  for (let i = 0, size = 1; i < order.length; i += size, size = BATCH) {
    const batch = order.slice(i, i + size);
    const contains = await Promise.all(
      batch.map(async (ref) => {
        const base = `refs/${ref.kind === 'branch' ? 'heads' : 'tags'}/${ref.name}`;
        const comparison = await client.compare(owner, repo, base, commit);
        return comparison?.status === 'behind' || comparison?.status === 'identical';
      }),
    );
    const hit = contains.indexOf(true);
    if (hit !== -1) return { reachable: true, via: batch[hit]! };
  }
  return { reachable: false };
}
