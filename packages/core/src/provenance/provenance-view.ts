import type { InTotoStatement } from './statement.js';
import { SLSA_PROVENANCE_V02 } from './statement.js';

/**
 * The facts policy needs, read uniformly from the predicate shapes in use: SLSA v0.2 (generic and
 * Go generators, npm CLI pre-GA), SLSA v1 from the BYOB and container-based builders (GitHub
 * context in `internalParameters.GITHUB_*`), and SLSA v1 of the GitHub workflow build type
 * (actions/attest, npm CLI: `externalParameters.workflow`, `internalParameters.github`).
 * Every field is optional: a missing fact makes the check that needs it fail, never pass.
 */
export interface ProvenanceFacts {
  readonly builderId?: string;
  readonly buildType?: string;
  /** URI of the triggering repository and ref, `git+https://github.com/O/R@REF`. */
  readonly triggerUri?: string;
  /** URI of the first material / resolved dependency. */
  readonly sourceUri?: string;
  readonly eventName?: string;
  readonly ref?: string;
  readonly baseRef?: string;
  readonly repository?: string;
  readonly repositoryId?: string;
  readonly repositoryOwnerId?: string;
  readonly sha?: string;
  readonly eventPayload?: Record<string, unknown>;
  readonly workflowInputs?: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Record<string, unknown> => (isObject(v) ? v : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** Reads `github_x` or `GITHUB_X` from a GitHub context map. */
function ctx(env: Record<string, unknown>, key: string): unknown {
  return env[`github_${key}`] ?? env[`GITHUB_${key.toUpperCase()}`];
}

function fromContext(env: Record<string, unknown>): ProvenanceFacts {
  const payload = ctx(env, 'event_payload');
  const baseRef = str(ctx(env, 'base_ref')) || str(obj(payload)['base_ref']);
  const facts: Record<string, unknown> = {
    eventName: str(ctx(env, 'event_name')),
    ref: str(ctx(env, 'ref')),
    baseRef,
    repository: str(ctx(env, 'repository')),
    repositoryId: str(ctx(env, 'repository_id')),
    repositoryOwnerId: str(ctx(env, 'repository_owner_id')),
    sha: str(ctx(env, 'sha')) ?? str(ctx(env, 'sha1')),
    eventPayload: isObject(payload) ? payload : undefined,
    workflowInputs: isObject(obj(payload)['inputs']) ? obj(payload)['inputs'] : undefined,
  };
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined && v !== '')) as ProvenanceFacts;
}

function firstUri(list: unknown): string | undefined {
  return Array.isArray(list) && list.length > 0 ? str(obj(list[0])['uri']) : undefined;
}

/** Extracts {@link ProvenanceFacts} from an SLSA provenance statement. */
export function readProvenance(statement: InTotoStatement): ProvenanceFacts {
  const p = obj(statement.predicate);
  const clean = (f: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as ProvenanceFacts;
  if (statement.predicateType === SLSA_PROVENANCE_V02) {
    const inv = obj(p['invocation']);
    return clean({
      ...fromContext(obj(inv['environment'])),
      builderId: str(obj(p['builder'])['id']),
      buildType: str(p['buildType']),
      triggerUri: str(obj(inv['configSource'])['uri']),
      sourceUri: firstUri(p['materials']),
    });
  }
  const def = obj(p['buildDefinition']);
  const ext = obj(def['externalParameters']);
  const internal = obj(def['internalParameters']);
  const base = {
    builderId: str(obj(obj(p['runDetails'])['builder'])['id']),
    buildType: str(def['buildType']),
    sourceUri: firstUri(def['resolvedDependencies']),
  };
  const workflow = obj(ext['workflow']);
  if (isObject(ext['workflow'])) {
    // GitHub workflow build type: actions/attest, npm CLI.
    const gh = obj(internal['github']);
    const repoUri = str(workflow['repository']);
    const ref = str(workflow['ref']);
    return clean({
      ...base,
      triggerUri: repoUri && ref ? `git+${repoUri}@${ref}` : undefined,
      eventName: str(gh['event_name']),
      ref,
      repository: repoUri?.startsWith('https://github.com/') ? repoUri.slice('https://github.com/'.length) : undefined,
      repositoryId: str(gh['repository_id']),
      repositoryOwnerId: str(gh['repository_owner_id']),
      workflowInputs: isObject(ext['inputs']) ? ext['inputs'] : undefined,
    });
  }
  const context = fromContext(internal);
  const containerSource = str(obj(ext['source'])['uri']);
  const trigger =
    containerSource ?? (context.repository && context.ref ? `git+https://github.com/${context.repository}@${context.ref}` : undefined);
  return clean({ ...context, ...base, triggerUri: trigger });
}
