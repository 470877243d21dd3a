import { spanAt, type Trigger, type Workflow } from '@slsa-kit/core';

/**
 * Whether some trigger of the workflow runs it on a tag ref, where the generator's `upload-assets`
 * job finds the release to upload to. `undefined` when it cannot be known: a `workflow_call`
 * workflow runs on whatever ref its caller has.
 */
export function runsOnTags(workflow: Workflow): boolean | undefined {
  if (workflow.triggers.some((t) => t.event === 'workflow_call')) return undefined;
  return workflow.triggers.some((t) => t.event === 'release' || t.event === 'create' || (t.event === 'push' && pushIncludesTags(workflow, t)));
}

/**
 * `push` runs for tags unless its filters name only branches: GitHub skips the kind of ref that a
 * `branches`/`tags` filter pair leaves undefined.
 */
function pushIncludesTags(workflow: Workflow, t: Trigger): boolean {
  const has = (key: string): boolean => spanAt(workflow.document, [...t.route, key], 'key') !== undefined;
  return has('tags') || has('tags-ignore') || !(has('branches') || has('branches-ignore'));
}
