import { IGNORE_COMMENT } from '../ignores.js';
import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

/**
 * `ignore-comment`: problems with `# slsa-lint: ignore[…] reason` comments (no reason, unknown
 * rule, malformed, or unused). The engine checks ignore comments after every rule has run, so
 * this rule has no visitors; it is registered for its meta and configuration.
 */
export const ignoreComment = defineRule({
  meta: {
    id: IGNORE_COMMENT,
    description: 'Inline ignore comments must name existing rules, give a reason, and still be needed.',
    defaultSeverity: 'warning',
    fixable: false,
    requiresNetwork: false,
    docsUrl: docsUrl(IGNORE_COMMENT),
    messages: { problem: '{{message}}' },
  },
  create: () => ({}),
});
