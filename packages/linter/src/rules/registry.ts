import type { AnyRule } from '../rule.js';
import { ignoreComment } from './ignore-comment.js';
import { slsaGeneratorRef } from './slsa-generator-ref.js';
import { workflowSchema } from './workflow-schema.js';
import { yamlSyntax } from './yaml-syntax.js';

/**
 * Every built-in rule, in the order they run: the parser's and the schema's diagnostics first,
 * then the rules over the model. Adding a rule is adding it here (the meta-test then requires
 * its test and its doc).
 */
export const builtinRules: readonly AnyRule[] = [yamlSyntax, workflowSchema, ignoreComment, slsaGeneratorRef];

/** The built-in rules by id. */
export const builtinRulesById: ReadonlyMap<string, AnyRule> = new Map(builtinRules.map((r) => [r.meta.id, r]));
