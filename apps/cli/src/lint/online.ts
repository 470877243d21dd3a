import { readFile } from 'node:fs/promises';
import { loadWorkflow } from '@slsa-kit/core';
import { createPinService, pinErrorExitCode, type PinService, type PinServiceOptions } from '@slsa-kit/core/pins';
import { collectUsesSites, isIgnoredFile, type LintConfig, type LintServices } from '@slsa-kit/linter';

/** The answer of the impostor check, as lint rules read it. */
type CommitReachability = ReturnType<NonNullable<LintServices['reachability']>>;

/** Impostor checks in flight at once; the GitHub transport bounds its own requests too. */
const CONCURRENCY = 4;

/** One commit to look up: `owner/repo` (lowercase, as rules ask) and a full SHA. */
interface CommitQuery {
  readonly repo: string;
  readonly sha: string;
}

const keyOf = (repo: string, sha: string): string => `${repo.toLowerCase()}@${sha.toLowerCase()}`;

/**
 * Every full-SHA `uses:` of the files, deduplicated. Files the configuration ignores, that cannot
 * be read or that do not parse are skipped here: linting reports those as it always does.
 */
export async function commitsToCheck(files: readonly string[], config: LintConfig): Promise<CommitQuery[]> {
  const found = new Map<string, CommitQuery>();
  for (const file of files) {
    if (isIgnoredFile(config, file)) continue;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch {
      continue;
    }
    const workflow = loadWorkflow(bytes, file).workflow;
    if (!workflow) continue;
    for (const { ref } of collectUsesSites(workflow)) {
      // GitHub's commits are SHA-1: 40 hex digits (a 64-digit id cannot name a GitHub commit).
      if (ref.kind !== 'repository' || !/^[0-9a-f]{40}$/i.test(ref.ref)) continue;
      const repo = `${ref.owner}/${ref.repo}`.toLowerCase();
      found.set(keyOf(repo, ref.ref), { repo, sha: ref.ref.toLowerCase() });
    }
  }
  return [...found.values()];
}

/**
 * Asks the pin service whether each commit is reachable from a branch or tag of its repository,
 * at most {@link CONCURRENCY} at a time. A repository GitHub does not know (or a name it rejects)
 * answers `unknown`: that is another rule's finding, not an impostor. Operational failures (GitHub
 * unreachable, rate limited, a rejected token) stop the pre-fetch and are thrown as the pin
 * service's coded errors, which the CLI turns into exit 4.
 */
export async function checkCommits(pins: PinService, queries: readonly CommitQuery[]): Promise<Map<string, CommitReachability>> {
  const answers = new Map<string, CommitReachability>();
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!failure && next < queries.length) {
      const { repo, sha } = queries[next++]!;
      try {
        const reach = await pins.checkCommit(repo, sha);
        answers.set(keyOf(repo, sha), reach.reachable ? 'reachable' : 'impostor');
      } catch (error) {
        if (pinErrorExitCode(error) === 2) answers.set(keyOf(repo, sha), 'unknown');
        else failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queries.length) }, worker));
  if (failure) throw failure.error;
  return answers;
}

/** What {@link onlineServices} needs: the environment (token, API URL, cache) and pin-service overrides for tests. */
export interface OnlineSetup {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly config: LintConfig;
  readonly pinOptions?: Omit<PinServiceOptions, 'online' | 'env'>;
}

/**
 * The pre-fetch step of `--online`: rules are synchronous visitors and GitHub is not, so every
 * commit the online rules will ask about is looked up first, and the rules get a synchronous
 * lookup over the answers.
 */
export async function onlineServices(files: readonly string[], setup: OnlineSetup): Promise<Partial<LintServices>> {
  const queries = await commitsToCheck(files, setup.config);
  if (queries.length === 0) return { reachability: () => 'unknown' };
  const pins = createPinService({ ...setup.pinOptions, online: true, env: setup.env as NodeJS.ProcessEnv });
  const answers = await checkCommits(pins, queries);
  return { reachability: (repo, sha) => answers.get(keyOf(repo, sha)) ?? 'unknown' };
}
