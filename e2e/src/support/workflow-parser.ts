import { register } from 'node:module';
import type { WorkflowTemplate } from '@actions/workflow-parser';
import type { Step } from '@actions/workflow-parser/model/workflow-template';

/**
 * `@actions/workflow-parser` (GitHub's own parser, from actions/languageservices) imports its
 * schema JSON without `with { type: 'json' }`, which Node's ESM loader refuses; vitest hands
 * node_modules to that loader. A load hook adds the attribute for that package's JSON only.
 */
const HOOK = `export async function load(url, context, next) {
  if (url.endsWith('.json') && url.includes('/@actions/workflow-parser/')) {
    return next(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } });
  }
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(HOOK)}`);
const parser = await import('@actions/workflow-parser');

/** What GitHub's parser made of a workflow: every error message, and the converted template. */
export interface ParsedWorkflow {
  readonly errors: string[];
  readonly template: WorkflowTemplate | undefined;
}

/**
 * Parses a workflow as GitHub does (`parseWorkflow`, schema validation) and converts it
 * (`convertWorkflowTemplate`: jobs, needs, the job graph), collecting the errors of both steps.
 * Reusable workflows are not fetched (depth 0): they are checked by reference only.
 */
export async function parseWithGitHubParser(name: string, content: string): Promise<ParsedWorkflow> {
  const result = parser.parseWorkflow({ name, content }, new parser.NoOperationTraceWriter());
  const template = result.value === undefined ? undefined : await parser.convertWorkflowTemplate(result.context, result.value);
  const errors = result.context.errors.getErrors().map((e) => e.message);
  for (const e of template?.errors ?? []) if (!errors.includes(e.Message)) errors.push(e.Message);
  return { errors, template };
}

/**
 * Every `uses:` value the parser saw: the action of each step (`owner/repo@ref`) and the reusable
 * workflow of each job that calls one.
 */
export function usesValues(template: WorkflowTemplate): string[] {
  const out: string[] = [];
  const visit = (steps: readonly Step[]): void => {
    for (const step of steps) {
      if ('uses' in step) out.push(step.uses.value);
      if ('parallel' in step) visit(step.parallel);
    }
  };
  for (const job of template.jobs) {
    if (job.type === 'reusableWorkflowJob') out.push(job.ref.value);
    else visit(job.steps);
  }
  return out;
}
