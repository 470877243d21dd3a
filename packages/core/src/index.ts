export * from './diagnostic.js';
export * from './errors.js';
export * from './yaml/index.js';
export * from './workflow/index.js';
export * from './actions/index.js';
export * from './expressions/index.js';
export { editDistance } from './text/edit-distance.js';
export * from './schema/index.js';
export { didYouMean } from './text/did-you-mean.js';
