import { yaml } from '@slsa-kit/core/testing';
import { testRule } from '../testing/rule-tester.js';
import { ignoreComment } from './ignore-comment.js';
import { slsaGeneratorRef } from './slsa-generator-ref.js';

const GEN = 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml';
const withRules = [slsaGeneratorRef];
const ignores = true;

testRule(ignoreComment, {
  valid: [
    {
      name: 'a used ignore with a reason, on the line above',
      code: yaml`
        jobs:
          provenance:
            # slsa-lint: ignore[slsa-generator-ref] fork of the generator, tested by us
            uses: ${GEN}@main
      `,
      withRules,
      ignores,
    },
    {
      name: 'a used ignore at the end of the line',
      code: `jobs:\n  p:\n    uses: ${GEN}@main # slsa-lint: ignore[slsa-generator-ref] our fork\n`,
      withRules,
      ignores,
    },
    {
      name: 'with --no-ignores nothing is checked',
      code: `# slsa-lint: ignore[no-such-rule]\non: push\n`,
      withRules,
      ignores: false,
    },
  ],
  invalid: [
    {
      name: 'no reason',
      code: `jobs:\n  p:\n    uses: ${GEN}@main # slsa-lint: ignore[slsa-generator-ref]\n`,
      withRules,
      ignores,
      errors: [{ messageId: 'problem', line: 3, column: 10 + GEN.length + '@main #'.length, severity: 'warning' }],
    },
    {
      name: 'an unknown rule and an unused one',
      code: yaml`
        on: push # slsa-lint: ignore[no-such-rule, slsa-generator-ref] why not
      `,
      withRules,
      ignores,
      errors: [
        { messageId: 'problem', line: 1, column: 30, endColumn: 42, severity: 'warning' },
        { messageId: 'problem', line: 1, column: 44, severity: 'note' },
      ],
    },
    {
      name: 'malformed',
      code: '# slsa-lint: ignore slsa-generator-ref\non: push\n',
      withRules,
      ignores,
      errors: [{ messageId: 'problem', line: 1, column: 1 }],
    },
  ],
});
