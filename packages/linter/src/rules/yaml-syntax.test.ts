import { yaml } from '@slsa-kit/core/testing';
import { testRule } from '../testing/rule-tester.js';
import { yamlSyntax } from './yaml-syntax.js';

testRule(yamlSyntax, {
  valid: [
    yaml`
      on: push
      jobs:
        build:
          runs-on: ubuntu-latest
          steps:
            - run: echo hi
    `,
  ],
  invalid: [
    {
      name: 'a key defined twice',
      code: yaml`
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            runs-on: macos-latest
      `,
      errors: [{ messageId: 'syntax', line: 5, column: 5, severity: 'error' }],
    },
    {
      name: 'an unclosed flow sequence',
      code: 'on: [push\njobs: {}\n',
      errors: [{ messageId: 'syntax', line: 2, column: 1 }],
    },
  ],
});
