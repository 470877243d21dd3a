export * from './types.js';
export { Cursor } from './cursor.js';
export { buildWorkflow } from './build-workflow.js';
export { readPermissions, permissionLevel } from './permissions.js';
export { readTriggers } from './triggers.js';
export { loadWorkflow, type LoadedWorkflow } from './load-workflow.js';
