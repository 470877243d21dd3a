export * from './contexts.js';
export * from './template-scan.js';
export * from './parse-expression.js';
export * from './references.js';
export * from './literal-results.js';
export * from './find-expressions.js';
export * from './condition.js';
export * from './walk.js';
