import type { Route } from '../yaml/routes.js';

/**
 * Where a schema problem points: the value at `route`, the key naming it, or (for a missing key)
 * the mapping that lacks it, shown at the mapping's own key.
 */
export type ProblemPart = 'value' | 'key' | 'mapping';

/** One human-sized schema finding, before it is placed in the file. */
export interface SchemaProblem {
  readonly message: string;
  readonly route: Route;
  readonly part: ProblemPart;
  /** The instance location ajv reported, used to rank `oneOf` branches. */
  readonly instance: Route;
  /** The ajv keyword behind the problem; `type` marks "this is the wrong kind of value". */
  readonly keyword: string;
  /** For `enum` problems: the suggestion, so a merged message can keep it. */
  readonly suggestion?: string;
  /** For `enum` problems: how many values are allowed. */
  readonly choices?: number;
}
