import { describe, expect, it } from 'vitest';
import { readCorpus, yaml } from '@slsa-kit/core/testing';
import { lintText } from '../engine.js';
import { testRule } from '../testing/rule-tester.js';
import { dangerousTriggers } from './dangerous-triggers.js';

const CHECKOUT = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683';

/** A `pull_request_target` workflow (trigger on line 2, column 3) whose one step is `step` (line 8). */
const prt = (step: string) => yaml`
  on:
    pull_request_target:
  jobs:
    test:
      runs-on: ubuntu-latest
      steps:
        - ${step}
`;

testRule(dangerousTriggers, {
  valid: [
    { name: 'pull_request is the safe trigger for untrusted code', code: yaml`
        on: pull_request
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: ${CHECKOUT}
                with:
                  ref: \${{ github.event.pull_request.head.sha }}
      ` },
    { name: 'a workflow that only labels (zizmor makes the same exception)', code: prt('uses: actions/labeler@634933edcd8ababfe52f92936142cc22ac488b1b') },
    { name: 'a workflow without jobs', code: 'on: workflow_run\njobs: {}\n' },
  ],
  invalid: [
    {
      name: 'a pull_request_target workflow that checks out the base is a warning',
      code: prt(`uses: ${CHECKOUT}`),
      errors: [{ messageId: 'trigger', line: 2, column: 3, severity: 'warning', data: { trigger: 'pull_request_target' } }],
    },
    {
      name: 'the string form of on:',
      code: yaml`
        on: workflow_run
        jobs:
          report:
            runs-on: ubuntu-latest
            steps:
              - run: echo done
      `,
      errors: [{ messageId: 'trigger', line: 1, column: 5, severity: 'warning' }],
    },
    {
      name: 'checking out the pull request head SHA is an error at the ref',
      code: yaml`
        on:
          pull_request_target:
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: ${CHECKOUT}
                with:
                  ref: \${{ github.event.pull_request.head.sha }}
              - run: npm ci && npm test
      `,
      errors: [{ messageId: 'headCheckout', line: 9, column: 20, severity: 'error', data: { what: '`github.event.pull_request.head.sha`', trigger: 'pull_request_target' } }],
    },
    {
      name: 'github.head_ref names the fork branch',
      code: yaml`
        on: [pull_request_target]
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: ${CHECKOUT}
                with:
                  repository: \${{ github.event.pull_request.head.repo.full_name }}
                  ref: \${{ github.head_ref }}
      `,
      errors: [{ messageId: 'headCheckout', line: 9, column: 20, severity: 'error' }],
    },
    {
      name: 'workflow_run head SHA, and the other trigger still warns',
      code: yaml`
        on:
          pull_request_target:
          workflow_run:
            workflows: [CI]
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: ${CHECKOUT}
                with:
                  ref: \${{ github.event.workflow_run.head_sha }}
      `,
      errors: [
        { messageId: 'trigger', line: 2, column: 3, data: { trigger: 'pull_request_target' } },
        { messageId: 'headCheckout', line: 11, column: 20, data: { what: '`github.event.workflow_run.head_sha`', trigger: 'workflow_run' } },
      ],
    },
    {
      name: 'refs/pull/<number>/merge and gh pr checkout',
      code: yaml`
        on: pull_request_target
        jobs:
          a:
            runs-on: ubuntu-latest
            steps:
              - uses: ${CHECKOUT}
                with:
                  ref: refs/pull/\${{ github.event.number }}/merge
          b:
            runs-on: ubuntu-latest
            steps:
              - run: gh pr checkout \${{ github.event.number }}
      `,
      errors: [
        { messageId: 'headCheckout', line: 8, column: 16 },
        { messageId: 'headCheckout', line: 12, column: 14 },
      ],
    },
  ],
});

describe('dangerous-triggers over real workflows', () => {
  const findings = async (corpus: 'real-world' | 'actionlint-ok' | 'zizmor') => {
    const out: string[] = [];
    for (const f of await readCorpus(corpus)) {
      for (const d of lintText(f.bytes, f.name, { rules: [dangerousTriggers] }).diagnostics) {
        if (d.ruleId === 'dangerous-triggers') out.push(`${f.name}:${d.line}:${d.column} ${d.severity}`);
      }
    }
    return out;
  };

  it('warns once on the 37 release workflows: typescript-eslint releases on workflow_run', async () => {
    // Upstream silences zizmor's identical finding there (`# zizmor: ignore[dangerous-triggers]`).
    expect(await findings('real-world')).toEqual(['typescript-eslint__typescript-eslint__release.yml:5:3 warning']);
  });

  it('only warns on the actionlint ok files that use the triggers', async () => {
    expect(await findings('actionlint-ok')).toEqual([
      'anchors.yaml:10:3 warning',
      'filters_for_specific_events.yaml:11:3 warning',
      'filters_for_specific_events.yaml:14:3 warning',
      'filters_ignore_for_specific_events.yaml:11:3 warning',
      'filters_ignore_for_specific_events.yaml:14:3 warning',
    ]);
  });

  it('agrees with zizmor on which of its files use the triggers, and on the labeler exception', async () => {
    const files = new Set((await findings('zizmor')).map((f) => f.split(':')[0]));
    for (const f of ['anchors/trigger-block-alias.yml', 'anchors/trigger-paths-anchor.yml', 'bot-conditions.yml']) expect(files).toContain(f);
    expect(files).not.toContain('dangerous-triggers/actions-labeler.yml');
  });
});
