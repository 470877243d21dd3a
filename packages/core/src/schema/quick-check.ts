import { checkGithubWorkflow } from './generated/github-workflow.check.js';

/**
 * Whether a workflow (as data) certainly conforms to the schema: the quick check, compiled with its
 * refs as functions and stopping at the first error. It follows recursive definitions all the way, so
 * a cyclic value (a YAML alias inside its own anchor) or one nested thousands deep exhausts the stack;
 * that is "not certain", and the detailed validator, whose depth is bounded, decides.
 */
export function passesQuickCheck(data: unknown): boolean {
  try {
    return checkGithubWorkflow(data);
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}
