import type { CompiledValidator, PreparedSchema } from './compiled-validator.js';
import { githubWorkflowSchema, validateGithubWorkflow } from './generated/github-workflow.validate.js';

/** The validator that explains: every error, each with a full schemaPath into `schema`. */
export interface DetailedValidator {
  readonly validate: CompiledValidator;
  readonly schema: PreparedSchema;
}

/**
 * The detailed validator (refs inlined, all errors; ~600 kB of generated code) and its schema.
 * Only a workflow that fails the quick check needs it. The CLI bundle replaces this module with
 * one that loads the validator from a file of its own on the first call
 * (`apps/cli/scripts/bundle.mjs`), so a run over valid workflows never parses or compiles it.
 */
export function detailedWorkflowValidator(): DetailedValidator {
  return { validate: validateGithubWorkflow, schema: githubWorkflowSchema };
}
