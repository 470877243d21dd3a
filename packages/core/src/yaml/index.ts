export * from './source-file.js';
export * from './limits.js';
export * from './parse.js';
export * from './routes.js';
export { firstInvalidUtf8 } from './decode.js';
export * from './scalar-offsets.js';
