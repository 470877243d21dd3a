import { YAML_SYNTAX } from '@slsa-kit/core';
import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

/**
 * `yaml-syntax`: the file is not YAML the workflow loader can use. The findings come from the
 * parser stage (`loadWorkflow`), before any model exists, so this rule has no visitors; it is
 * registered for its meta (docs, SARIF rule metadata, configuration and ignore comments).
 */
export const yamlSyntax = defineRule({
  meta: {
    id: YAML_SYNTAX,
    description: 'The file must be a single, well-formed YAML document that GitHub can load.',
    defaultSeverity: 'error',
    fixable: false,
    requiresNetwork: false,
    docsUrl: docsUrl(YAML_SYNTAX),
    messages: { syntax: '{{message}}' },
  },
  create: () => ({}),
});
