import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

const ID = 'workflow-schema';

/**
 * `workflow-schema`: keys and values GitHub's workflow syntax does not allow. The validator lives
 * in `@slsa-kit/core` (SchemaStore's schema, precompiled) and is reached through the services, so
 * this rule only relays its diagnostics; without a validator it reports nothing.
 */
export const workflowSchema = defineRule({
  meta: {
    id: ID,
    description: 'The workflow must follow GitHub Actions workflow syntax (keys, types and allowed values).',
    defaultSeverity: 'error',
    fixable: false,
    requiresNetwork: false,
    docsUrl: docsUrl(ID),
    messages: { schema: '{{message}}' },
  },
  create(ctx) {
    return {
      workflow(workflow) {
        const validate = ctx.services.validateWorkflowSchema;
        if (!validate) return;
        for (const d of validate(workflow.document, workflow.source)) {
          ctx.report({ messageId: 'schema', data: { message: d.message }, at: d.span, severity: d.severity });
        }
      },
    };
  },
});
