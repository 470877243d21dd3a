import type { Answers } from './answers.js';
import type { ProjectFacts } from './facts.js';
import { formatMarker } from './marker.js';
import type { PinMap } from './pins.js';
import { planPipeline } from './plan/plan-pipeline.js';
import type { PipelinePlan } from './plan/types.js';
import { renderWorkflowBody } from './render/render-workflow.js';

/** A generated workflow: its text and the plan it was rendered from (next steps use the plan). */
export interface GeneratedWorkflow {
  readonly text: string;
  readonly plan: PipelinePlan;
}

const HEADER = '# Release workflow written by slsa-init: build → provenance → publish. Re-run `npx slsa-init` to update it.';

/** The answers recorded in the marker, in a fixed order, so `--check` can regenerate without flags. */
export function markerFields(answers: Answers): Array<readonly [string, string]> {
  const fields: Array<readonly [string, string]> = [
    ['ecosystem', answers.ecosystem],
    ['provenance', answers.provenance],
    ['publish', answers.publish],
    ['trigger', answers.trigger],
  ];
  // Generic builds record their command and glob too; percent-encoding keeps each field one word.
  if (answers.buildCommand !== undefined) fields.push(['build-command', encodeURIComponent(answers.buildCommand)]);
  if (answers.artifacts !== undefined) fields.push(['artifacts', encodeURIComponent(answers.artifacts)]);
  return fields;
}

/** Renders the workflow for `answers` with already-resolved pins. Pure and deterministic. */
export function renderWorkflow(plan: PipelinePlan, answers: Answers, pins: PinMap): string {
  const body = renderWorkflowBody(plan, pins);
  return `${HEADER}\n${formatMarker(markerFields(answers), body)}\n${body}`;
}

/** Facts + answers + pins → the workflow text. */
export function generateWorkflow(facts: ProjectFacts, answers: Answers, pins: PinMap): GeneratedWorkflow {
  const plan = planPipeline(facts, answers);
  return { plan, text: renderWorkflow(plan, answers, pins) };
}
