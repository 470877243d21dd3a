import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { ActionPin, PinMap } from '../pins.js';
import type { PipelinePlan, PlanAction, PlanJob, PlanPermission, PlanStep, PlanValue } from '../plan/types.js';

type Entry = readonly [key: string, value: Node, comment?: string];

function scalar(value: PlanValue, comment?: string): Scalar {
  const node = new Scalar(value);
  if (comment) node.comment = ` ${comment}`;
  return node;
}

/** A block mapping from ordered entries; a comment goes above its key. */
function map(entries: ReadonlyArray<Entry | undefined>): YAMLMap {
  const node = new YAMLMap();
  for (const entry of entries) {
    if (!entry) continue;
    const [key, value, comment] = entry;
    const k = new Scalar(key);
    if (comment) k.commentBefore = ` ${comment}`;
    node.items.push(new Pair(k, value));
  }
  return node;
}

function values(record: Readonly<Record<string, PlanValue>> | undefined): YAMLMap | undefined {
  if (!record) return undefined;
  return map(Object.entries(record).map(([k, v]) => [k, scalar(v)] as const));
}

function pinFor(pins: PinMap, action: PlanAction): ActionPin {
  const pin = pins.get(action.action);
  if (!pin) throw new Error(`no pin for ${action.action}`);
  return pin;
}

/** `owner/repo[/path]@<sha> # vX.Y.Z`, or `@vX.Y.Z` for actions that must be referenced by tag. */
function usesNode(pins: PinMap, action: PlanAction): Scalar {
  const pin = pinFor(pins, action);
  const target = `${action.action}${action.path ?? ''}`;
  return pin.byTag ? scalar(`${target}@${pin.tag}`) : scalar(`${target}@${pin.sha}`, pin.tag);
}

function permissionsNode(permissions: readonly PlanPermission[]): YAMLMap {
  return map(permissions.map((p) => [p.scope, scalar(p.level, p.why)] as const));
}

function stepNode(step: PlanStep, pins: PinMap): YAMLMap {
  const run = step.run === undefined ? undefined : new Scalar(step.run);
  if (run && step.run!.trimEnd().includes('\n')) run.type = Scalar.BLOCK_LITERAL;
  else if (run) run.value = step.run!.trimEnd();
  const node = map([
    step.name === undefined ? undefined : ['name', scalar(step.name)],
    step.id === undefined ? undefined : ['id', scalar(step.id)],
    step.uses === undefined ? undefined : ['uses', usesNode(pins, step.uses)],
    step.with === undefined ? undefined : ['with', values(step.with)!],
    step.env === undefined ? undefined : ['env', values(step.env)!],
    step.workingDirectory === undefined ? undefined : ['working-directory', scalar(step.workingDirectory)],
    run === undefined ? undefined : ['run', run],
  ]);
  if (step.comment) node.commentBefore = ` ${step.comment}`;
  return node;
}

function needsNode(needs: readonly string[]): YAMLSeq {
  const seq = new YAMLSeq();
  seq.flow = true;
  for (const n of needs) seq.items.push(new Scalar(n));
  return seq;
}

function jobNode(job: PlanJob, pins: PinMap): YAMLMap {
  const steps = new YAMLSeq();
  for (const step of job.steps ?? []) steps.items.push(stepNode(step, pins));
  const environment = job.environment && map([['name', scalar(job.environment.name)], job.environment.url ? ['url', scalar(job.environment.url)] : undefined]);
  return map([
    ['name', scalar(job.name)],
    job.needs.length > 0 ? ['needs', needsNode(job.needs)] : undefined,
    job.runsOn === undefined ? undefined : ['runs-on', scalar(job.runsOn)],
    environment ? ['environment', environment] : undefined,
    ['permissions', permissionsNode(job.permissions)],
    job.outputs === undefined ? undefined : ['outputs', values(job.outputs)!],
    job.uses === undefined ? undefined : ['uses', usesNode(pins, job.uses), job.usesComment],
    job.with === undefined ? undefined : ['with', values(job.with)!],
    job.steps === undefined ? undefined : ['steps', steps],
  ]);
}

function triggerNode(trigger: PipelinePlan['trigger']): YAMLMap {
  if (trigger === 'release') {
    return map([['release', map([['types', needsNode(['published'])]])]]);
  }
  const tags = new YAMLSeq();
  const pattern = new Scalar('v*');
  pattern.type = Scalar.QUOTE_DOUBLE;
  tags.items.push(pattern);
  return map([['push', map([['tags', tags]])]]);
}

/**
 * The plan as workflow YAML (without slsa-init's header). Deterministic: the same plan and pins
 * give the same bytes. Jobs are separated by a blank line and carry their reason as a comment.
 */
export function renderWorkflowBody(plan: PipelinePlan, pins: PinMap): string {
  const jobs = new YAMLMap();
  plan.jobs.forEach((job, index) => {
    const key = new Scalar(job.id);
    if (job.comment) key.commentBefore = ` ${job.comment}`;
    if (index > 0) key.spaceBefore = true;
    jobs.items.push(new Pair(key, jobNode(job, pins)));
  });
  const on = triggerNode(plan.trigger);
  const top = map([
    ['name', scalar(plan.workflowName)],
    ['on', on],
    ['permissions', new YAMLMap(), 'No token permissions by default: each job asks for what it needs.'],
    ['jobs', jobs],
  ]);
  for (const item of top.items.slice(1)) (item.key as Scalar).spaceBefore = true;
  const doc = new Document(top);
  return doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: false });
}
