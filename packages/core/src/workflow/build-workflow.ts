import type { Document } from 'yaml';
import type { SourceFile } from '../yaml/source-file.js';
import { Cursor } from './cursor.js';
import { readPermissions } from './permissions.js';
import { readTriggers } from './triggers.js';
import type { Container, Environment, Job, Located, NormalJob, ReusableJob, Step, Strategy, Workflow } from './types.js';

/**
 * Builds the typed view of a workflow document. Never throws: parts of the wrong shape are left
 * out of the model (the schema check reports them).
 */
export function buildWorkflow(document: Document, source: SourceFile): Workflow {
  const root = Cursor.root(document);
  const jobs: Job[] = [];
  for (const entry of root.get('jobs')?.entries() ?? []) {
    const job = readJob(entry);
    if (job) jobs.push(job);
  }
  return {
    source,
    document,
    ...opt('name', root.get('name')?.locatedString()),
    ...opt('runName', root.get('run-name')?.locatedString()),
    triggers: readTriggers(root.get('on') ?? rootTrueKey(root)),
    ...opt('permissions', root.get('permissions') && readPermissions(root.get('permissions')!)),
    env: root.get('env')?.scalarMap() ?? new Map(),
    ...opt('defaults', located(root.get('defaults'))),
    ...opt('concurrency', located(root.get('concurrency'))),
    jobs,
    jobsById: new Map(jobs.map((j) => [j.id, j])),
  };
}

/** YAML 1.1 readers turn a bare `on` key into `true`; the `yaml` library (1.2) keeps `on`, but be safe. */
function rootTrueKey(root: Cursor): Cursor | undefined {
  return root.get('true');
}

/** Spreads `{ [key]: value }` only when value is defined (keeps optional props truly absent). */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

function located(c: Cursor | undefined): Located<unknown> | undefined {
  return c ? c.located(c.node ?? null) : undefined;
}

function readNeeds(c: Cursor | undefined): Located<string>[] {
  if (!c) return [];
  if (c.isSeq) return c.items().flatMap((i) => i.locatedString() ?? []);
  const one = c.locatedString();
  return one ? [one] : [];
}

function readStrategy(c: Cursor | undefined): Strategy | undefined {
  if (!c || !c.isMap) return undefined;
  const matrix = c.get('matrix');
  return {
    route: c.route,
    span: c.span,
    ...opt('matrix', matrix?.node),
    matrixKeys: (matrix?.entries() ?? []).map((e) => e.key).filter((k) => k !== 'include' && k !== 'exclude'),
    ...opt('failFast', c.get('fail-fast')?.locatedScalar()),
    ...opt('maxParallel', c.get('max-parallel')?.locatedScalar()),
  };
}

function readEnvironment(c: Cursor | undefined): Environment | undefined {
  if (!c) return undefined;
  if (c.isMap) {
    return { route: c.route, span: c.span, ...opt('name', c.get('name')?.locatedString()), ...opt('url', c.get('url')?.locatedString()) };
  }
  const name = c.locatedString();
  return name ? { route: c.route, span: c.span, name } : undefined;
}

function readContainer(c: Cursor | undefined): Container | undefined {
  if (!c || !c.node) return undefined;
  const image = c.isMap ? c.get('image')?.locatedString() : c.locatedString();
  return { route: c.route, span: c.span, node: c.node, ...opt('image', image) };
}

function readStep(c: Cursor, index: number): Step {
  return {
    index,
    route: c.route,
    span: c.span,
    ...opt('id', c.get('id')?.locatedString()),
    ...opt('name', c.get('name')?.locatedString()),
    ...opt('uses', c.get('uses')?.locatedString()),
    ...opt('run', c.get('run')?.locatedString()),
    ...opt('shell', c.get('shell')?.locatedString()),
    ...opt('if', c.get('if')?.locatedScalar()),
    ...opt('workingDirectory', c.get('working-directory')?.locatedString()),
    with: c.get('with')?.scalarMap() ?? new Map(),
    env: c.get('env')?.scalarMap() ?? new Map(),
    ...opt('continueOnError', c.get('continue-on-error')?.locatedScalar()),
    ...opt('timeoutMinutes', c.get('timeout-minutes')?.locatedScalar()),
  };
}

function readJob(c: Cursor): Job | undefined {
  if (!c.isMap) return undefined;
  const common = {
    id: c.key,
    route: c.route,
    span: c.span,
    keySpan: c.keySpan ?? c.span,
    ...opt('name', c.get('name')?.locatedString()),
    needs: readNeeds(c.get('needs')),
    ...opt('if', c.get('if')?.locatedScalar()),
    ...opt('permissions', c.get('permissions') && readPermissions(c.get('permissions')!)),
    ...opt('strategy', readStrategy(c.get('strategy'))),
    ...opt('concurrency', located(c.get('concurrency'))),
    outputs: c.get('outputs')?.scalarMap() ?? new Map(),
  };
  const uses = c.get('uses')?.locatedString();
  if (uses) {
    const secrets = c.get('secrets');
    const reusable: ReusableJob = {
      ...common,
      kind: 'reusable',
      uses,
      with: c.get('with')?.scalarMap() ?? new Map(),
      secrets: secrets?.string() === 'inherit' ? secrets.located('inherit' as const) : (secrets?.scalarMap() ?? new Map()),
    };
    return reusable;
  }
  const services = new Map<string, Container>();
  for (const s of c.get('services')?.entries() ?? []) {
    const svc = readContainer(s);
    if (svc) services.set(s.key, svc);
  }
  const job: NormalJob = {
    ...common,
    kind: 'normal',
    ...opt('runsOn', located(c.get('runs-on'))),
    ...opt('environment', readEnvironment(c.get('environment'))),
    env: c.get('env')?.scalarMap() ?? new Map(),
    ...opt('defaults', located(c.get('defaults'))),
    ...opt('container', readContainer(c.get('container'))),
    services,
    steps: (c.get('steps')?.items() ?? []).filter((s) => s.isMap).map((s, i) => readStep(s, i)),
    ...opt('timeoutMinutes', c.get('timeout-minutes')?.locatedScalar()),
  };
  return job;
}
