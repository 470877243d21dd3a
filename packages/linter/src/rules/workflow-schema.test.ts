import { describe, expect, it } from 'vitest';
import { yaml } from '@slsa-kit/core/testing';
import { lintText } from '../engine.js';
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
    { name: 'without a validator the rule reports no schema finding', code: 'jobs:\n  build:\n    runs_on: x\n', services: { validateWorkflowSchema: undefined } },
    { name: 'needs naming existing jobs, in any case, some twice (GitHub accepts a repeated need)', code: yaml`
        on: push
        jobs:
          build: { runs-on: x, steps: [{ run: make }] }
          provenance: { needs: BUILD, uses: o/r/.github/workflows/w.yml@v1 }
          publish: { needs: [build, provenance, Build], runs-on: x, steps: [{ run: make }] }
      `, services },
    { name: 'a diamond is not a cycle', code: yaml`
        on: push
        jobs:
          a: { runs-on: x, steps: [{ run: a }] }
          b: { needs: a, runs-on: x, steps: [{ run: b }] }
          c: { needs: a, runs-on: x, steps: [{ run: c }] }
          d: { needs: [b, c], runs-on: x, steps: [{ run: d }] }
      `, services },
    { name: 'a needs value that is not a job id is the schema check’s to report', code: yaml`
        on: push
        jobs:
          build: { needs: 'not a job', runs-on: x, steps: [{ run: make }] }
      `, services },
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
    {
      name: 'a need of a job that does not exist, with the close job id',
      code: yaml`
        on: push
        jobs:
          build: { runs-on: x, steps: [{ run: make }] }
          deploy:
            needs: biuld
            runs-on: x
            steps: [{ run: deploy }]
      `,
      services,
      errors: [
        { messageId: 'needsUnknown', line: 5, column: 12, endColumn: 17, severity: 'error', data: { job: 'deploy', need: 'biuld', hint: '; did you mean `build`?' } },
      ],
    },
    {
      name: 'each unknown entry of a list once, with the jobs to choose from when none is close',
      code: yaml`
        on: push
        jobs:
          lint: { runs-on: x, steps: [{ run: lint }] }
          test: { runs-on: x, steps: [{ run: test }] }
          release:
            needs: [lint, packaging, Packaging, test]
            runs-on: x
            steps: [{ run: release }]
      `,
      services,
      errors: [
        { messageId: 'needsUnknown', line: 6, column: 19, data: { job: 'release', need: 'packaging', hint: '; name one of its jobs (`lint`, `test`) or remove the entry' } },
      ],
    },
    {
      name: 'a two-job cycle, at its need written first',
      code: yaml`
        on: push
        jobs:
          build:
            needs: [test]
            runs-on: x
            steps: [{ run: make }]
          test:
            needs: [build]
            runs-on: x
            steps: [{ run: make test }]
      `,
      services,
      errors: [{ messageId: 'needsCycle', line: 4, column: 13, endColumn: 17, data: { job: 'build', need: 'test', cycle: '`build → test → build`' } }],
    },
    {
      name: 'a job needing itself, whatever the case',
      code: yaml`
        on: push
        jobs:
          build: { needs: [Build], runs-on: x, steps: [{ run: make }] }
      `,
      services,
      errors: [{ messageId: 'needsSelf', line: 3, column: 20, data: { job: 'build', need: 'Build', cycle: '`build → build`' } }],
    },
    {
      name: 'a cycle through jobs in random order is named from where the walk entered it',
      // actionlint's err/random_order_cycle_in_needs.yaml
      code: yaml`
        on: push
        jobs:
          a: { needs: [b], runs-on: x, steps: [{ run: a }] }
          c: { needs: [d], runs-on: x, steps: [{ run: c }] }
          d: { needs: [a], runs-on: x, steps: [{ run: d }] }
          b: { needs: [c], runs-on: x, steps: [{ run: b }] }
      `,
      services,
      errors: [{ messageId: 'needsCycle', line: 3, column: 16, data: { job: 'a', need: 'b', cycle: '`a → b → c → d → a`' } }],
    },
    {
      name: 'two cycles sharing a job are two findings; an unknown need beside them is a third',
      code: yaml`
        on: push
        jobs:
          a: { needs: [c, nope], runs-on: x, steps: [{ run: a }] }
          b: { needs: a, runs-on: x, steps: [{ run: b }] }
          c: { needs: [b, c], runs-on: x, steps: [{ run: c }] }
      `,
      services,
      errors: [
        { messageId: 'needsCycle', line: 3, column: 16, data: { job: 'a', need: 'c', cycle: '`a → c → b → a`' } },
        { messageId: 'needsUnknown', line: 3, column: 19, data: { job: 'a', need: 'nope', hint: '; name one of its jobs (`b`, `c`) or remove the entry' } },
        { messageId: 'needsSelf', line: 5, column: 19, data: { job: 'c', need: 'c', cycle: '`c → c`' } },
      ],
    },
  ],
});

describe('workflow-schema needs cycles', () => {
  it('points at the other needs of the cycle as related locations', () => {
    const code = yaml`
      on: push
      jobs:
        prepare: { needs: [build], runs-on: x, steps: [{ run: a }] }
        install: { needs: [prepare], runs-on: x, steps: [{ run: b }] }
        build: { needs: [install], runs-on: x, steps: [{ run: c }] }
    `;
    const [d, ...rest] = lintText(code, 'w.yml', { rules: [workflowSchema], services: { validateWorkflowSchema: undefined } }).diagnostics;
    expect(rest).toEqual([]);
    expect([d?.line, d?.column, d?.message]).toEqual([
      3,
      22,
      'job `prepare` needs `build`, and the needs lead back to `prepare`: the cycle `prepare → build → install → prepare` (each job needs the next) means none of them can start, so GitHub rejects the workflow; remove one of these needs',
    ]);
    expect(d?.related?.map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual(['5:20 `build` needs `install` here', '4:22 `install` needs `prepare` here']);
  });
});
