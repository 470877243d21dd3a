export type { Ecosystem, ExistingWorkflow, GoFacts, NodeFacts, ProjectFacts, ProjectSnapshot, PythonFacts, RepositoryFacts } from './facts.js';
export {
  DEFAULT_OUTPUT,
  ECOSYSTEM_CHOICES,
  PROVENANCE_CHOICES,
  TRIGGER_CHOICES,
  answerProblems,
  defaultAnswers,
  publishChoices,
  type Answers,
  type Choice,
  type ProvenanceKind,
  type PublishTarget,
  type Trigger,
} from './answers.js';
export { MARKER_PREFIX, bodyDigest, findMarker, formatMarker, isUnedited, type Marker } from './marker.js';
export { generateWorkflow, markerFields, renderWorkflow, type GeneratedWorkflow } from './generate.js';
export { embeddedPins, requiredActions, type ActionPin, type PinMap } from './pins.js';
export { planPipeline } from './plan/plan-pipeline.js';
export type { PipelinePlan, PlanJob, PlanStep } from './plan/types.js';
export { nextSteps } from './next-steps.js';
export { unifiedDiff } from './diff.js';
export { detectProject, readProjectSnapshot, type SnapshotErrorCode } from './detect/index.js';
