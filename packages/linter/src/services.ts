import { validateWorkflowSchema, type Diagnostic, type SourceFile, type Workflow } from '@slsa-kit/core';
import { newestRecordedRelease, releaseTagForCommit } from '@slsa-kit/core/pins/embedded';

/** Validates a parsed workflow against the GitHub workflow schema (`workflow-schema` findings). */
export type SchemaValidator = (doc: Workflow['document'], source: SourceFile) => Diagnostic[];

/**
 * What the impostor check found for a commit: on a branch or tag of the repository, only elsewhere
 * in its fork network (an impostor), or not known (not looked up, or the repository is unknown).
 */
export type CommitReachability = 'reachable' | 'impostor' | 'unknown';

/**
 * Knowledge and capabilities rules get from outside the file. They are injected so tests and the
 * CLI decide where answers come from (embedded data, the pin database, the network) and rules
 * stay pure.
 */
export interface LintServices {
  /** The release tag of `owner/repo` that points at commit `sha`, when known. */
  readonly tagForCommit: (repo: string, sha: string) => string | undefined;
  /** The newest release tag of `owner/repo`, when known. */
  readonly latestRelease: (repo: string) => string | undefined;
  /** The schema validator, or undefined when none is available (the rule then reports nothing). */
  readonly validateWorkflowSchema: SchemaValidator | undefined;
  /**
   * Online only (`--online`): whether commit `sha` is reachable from a branch or tag of
   * `owner/repo`. Rules are synchronous, so the CLI asks GitHub for every full-SHA `uses:` of the
   * files first and this answers from those results; absent offline.
   */
  readonly reachability?: (repo: string, sha: string) => CommitReachability;
}

/** Services backed by core's embedded pin database and schema; no network. */
export function defaultServices(): LintServices {
  return {
    tagForCommit: (repo, sha) => releaseTagForCommit(repo, sha),
    latestRelease: (repo) => newestRecordedRelease(repo),
    validateWorkflowSchema,
  };
}
