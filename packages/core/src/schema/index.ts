export { validateWorkflowSchema, WORKFLOW_SCHEMA } from './validate-workflow.js';
export type { CompiledValidator, PreparedSchema } from './compiled-validator.js';
