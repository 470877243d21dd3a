import { yaml } from '@slsa-kit/core/testing';
import type { SchemaValidator } from '../services.js';
import { testRule } from '../testing/rule-tester.js';
import { workflowSchema } from './workflow-schema.js';

/** A stand-in for core's validator: flags a `runs_on` key, as the real schema would. */
const fakeValidator: SchemaValidator = (_doc, source) => {
  const at = source.text.indexOf('runs_on');
  return at === -1 ? [] : [{ ruleId: 'workflow-schema', severity: 'error', message: 'unknown key `runs_on`; did you mean `runs-on`?', span: { start: at, end: at + 7 } }];
};
const services = { validateWorkflowSchema: fakeValidator };

testRule(workflowSchema, {
  valid: [
    { name: 'a valid workflow', code: yaml`
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps: [{ run: echo hi }]
      `, services },
    { name: 'without a validator the rule reports nothing', code: 'jobs:\n  build:\n    runs_on: x\n', services: { validateWorkflowSchema: undefined } },
  ],
  invalid: [
    {
      name: 'the validator diagnostics are relayed at their spans',
      code: yaml`
        on: push
        jobs:
          build:
            runs_on: ubuntu-latest
      `,
      services,
      errors: [{ messageId: 'schema', line: 4, column: 5, endColumn: 12, data: { message: 'unknown key `runs_on`; did you mean `runs-on`?' } }],
    },
  ],
});
