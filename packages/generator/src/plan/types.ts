/** An action a step uses, by `owner/repo` (pinned at render time through the pin map). */
export interface PlanAction {
  readonly action: string;
  /** A sub-path inside the repository (`/.github/workflows/x.yml`, `/actions/y`). */
  readonly path?: string | undefined;
}

/** A scalar value written into `with:` / `env:`; strings that hold `${{ }}` stay plain. */
export type PlanValue = string | boolean | number;

/** One step of a job. */
export interface PlanStep {
  readonly name?: string | undefined;
  readonly id?: string | undefined;
  readonly uses?: PlanAction | undefined;
  readonly with?: Readonly<Record<string, PlanValue>> | undefined;
  readonly env?: Readonly<Record<string, PlanValue>> | undefined;
  readonly workingDirectory?: string | undefined;
  readonly run?: string | undefined;
  /** A short comment written above the step: why it is there. */
  readonly comment?: string | undefined;
}

/** A permission scope granted to a job, with the reason written as a comment. */
export interface PlanPermission {
  readonly scope: string;
  readonly level: 'read' | 'write';
  readonly why: string;
}

/** One job: runs steps on a runner, or calls a reusable workflow. */
export interface PlanJob {
  readonly id: string;
  readonly name: string;
  readonly comment?: string | undefined;
  readonly needs: readonly string[];
  readonly permissions: readonly PlanPermission[];
  readonly environment?: { readonly name: string; readonly url?: string | undefined } | undefined;
  readonly outputs?: Readonly<Record<string, string>> | undefined;
  readonly runsOn?: string | undefined;
  readonly steps?: readonly PlanStep[] | undefined;
  /** A reusable workflow (`uses:` on the job); referenced by tag when the pin says so. */
  readonly uses?: PlanAction | undefined;
  readonly usesComment?: string | undefined;
  readonly with?: Readonly<Record<string, PlanValue>> | undefined;
}

/** What the workflow does, before any YAML: the jobs and the facts next steps are written from. */
export interface PipelinePlan {
  readonly workflowName: string;
  readonly trigger: 'tag' | 'release';
  readonly jobs: readonly PlanJob[];
  /** The job that makes provenance, which every publishing job needs. */
  readonly provenanceJob: string;
  /** The workflow artifact holding the built files, and the directory they are built into. */
  readonly artifactName: string;
  readonly artifactDir: string;
  /** The provenance file attached to the release (`x.intoto.jsonl` or `x.sigstore.json`). */
  readonly provenanceFile: string;
  /** The deployment environment of the registry publish job, when there is one. */
  readonly environment?: string | undefined;
}
