import type { FunctionInfo } from '@actions/expressions/funcs/info';

/**
 * The named values (contexts) a workflow expression may read. The parser rejects any other
 * identifier that is not a function call, as GitHub does when it loads the workflow; which of them
 * is available at a given key is a later check, so all are accepted here.
 */
export const WORKFLOW_CONTEXTS: readonly string[] = [
  'github',
  'env',
  'vars',
  'job',
  'jobs',
  'steps',
  'runner',
  'secrets',
  'strategy',
  'matrix',
  'needs',
  'inputs',
];

/**
 * Functions GitHub adds to the expression language for workflows. `@actions/expressions` knows
 * only the pure ones (`contains`, `format`, `fromJSON`, …); the job-status functions and
 * `hashFiles` must be declared or the parser reports them as unrecognized.
 */
export const WORKFLOW_FUNCTIONS: readonly FunctionInfo[] = [
  { name: 'success', minArgs: 0, maxArgs: 0 },
  { name: 'always', minArgs: 0, maxArgs: 0 },
  { name: 'cancelled', minArgs: 0, maxArgs: 0 },
  { name: 'failure', minArgs: 0, maxArgs: 0 },
  { name: 'hashFiles', minArgs: 1, maxArgs: 255 },
];

/**
 * Every function name in GitHub's documented spelling, keyed by its lower-case form. Function
 * names are case-insensitive (`toJson` is `toJSON`), so call sites are reported in this spelling.
 */
export const CANONICAL_FUNCTION_NAMES: ReadonlyMap<string, string> = new Map(
  [
    'contains',
    'startsWith',
    'endsWith',
    'format',
    'join',
    'toJSON',
    'fromJSON',
    'case',
    ...WORKFLOW_FUNCTIONS.map((f) => f.name),
  ].map((name) => [name.toLowerCase(), name]),
);
