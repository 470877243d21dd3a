export { builtinRules, builtinRulesById } from './registry.js';
export { ignoreComment } from './ignore-comment.js';
export { slsaGeneratorRef } from './slsa-generator-ref.js';
export { workflowSchema } from './workflow-schema.js';
export { yamlSyntax } from './yaml-syntax.js';
export { docsUrl, DOCS_BASE_URL } from './docs-url.js';
