import type { AnyRule } from '../rule.js';
import { actionInputs } from './action-inputs.js';
import { artifactFlow } from './artifact-flow.js';
import { artipacked } from './artipacked.js';
import { cachePoisoning } from './cache-poisoning.js';
import { dangerousTriggers } from './dangerous-triggers.js';
import { excessivePermissions } from './excessive-permissions.js';
import { expression } from './expression.js';
import { ignoreComment } from './ignore-comment.js';
import { impostorCommit } from './impostor-commit.js';
import { provenancePermissions } from './provenance-permissions.js';
import { publishOrder } from './publish-order.js';
import { refVersionMismatch } from './ref-version-mismatch.js';
import { slsaGeneratorInputs } from './slsa-generator-inputs.js';
import { slsaGeneratorRef } from './slsa-generator-ref.js';
import { subjectsWiring } from './subjects-wiring.js';
import { templateInjection } from './template-injection.js';
import { unknownAction } from './unknown-action.js';
import { unpinnedUses } from './unpinned-uses.js';
import { useTrustedPublishing } from './use-trusted-publishing.js';
import { workflowSchema } from './workflow-schema.js';
import { yamlSyntax } from './yaml-syntax.js';

/**
 * Every built-in rule, in the order they run: the parser's and the schema's diagnostics first,
 * then the rules over the model. Adding a rule is adding it here (the meta-test then requires
 * its test and its doc).
 */
export const builtinRules: readonly AnyRule[] = [
  yamlSyntax,
  workflowSchema,
  ignoreComment,
  // Correctness.
  expression,
  unknownAction,
  actionInputs,
  // The release pipeline: the rules no other linter has.
  slsaGeneratorRef,
  slsaGeneratorInputs,
  provenancePermissions,
  subjectsWiring,
  publishOrder,
  artifactFlow,
  // Supply chain.
  unpinnedUses,
  refVersionMismatch,
  impostorCommit,
  excessivePermissions,
  templateInjection,
  dangerousTriggers,
  useTrustedPublishing,
  artipacked,
  cachePoisoning,
];

/** The built-in rules by id. */
export const builtinRulesById: ReadonlyMap<string, AnyRule> = new Map(builtinRules.map((r) => [r.meta.id, r]));
