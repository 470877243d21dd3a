import { readFileSync } from 'node:fs';
import { readCorpus, yaml } from '@slsa-kit/core/testing';
import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { testRule } from '../testing/rule-tester.js';
import { expression } from './expression.js';
import { builtinRules } from './registry.js';
import { subjectsWiring } from './subjects-wiring.js';

const GEN = 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0';

/** A build job and a provenance job that reads `ref` in `base64-subjects` (line 14). */
const pipeline = (ref: string, needs = '[build]') => yaml`
  on: push
  jobs:
    build:
      runs-on: ubuntu-latest
      outputs:
        hashes: \${{ steps.hash.outputs.hashes }}
      steps:
        - id: hash
          run: echo "hashes=$(sha256sum dist/* | base64 -w0)" >> "$GITHUB_OUTPUT"
    provenance:
      needs: ${needs}
      uses: ${GEN}
      with:
        base64-subjects: \${{ ${ref} }}
`;

testRule(expression, {
  valid: [
    { name: 'the SLSA pipeline wired right', code: pipeline('needs.build.outputs.hashes') },
    { name: 'needs.<job>.result and a whole-context read', code: pipeline("needs.build.result == 'success' && toJSON(needs)") },
    { name: 'filters and computed indexes are not judged', code: pipeline('needs.*.result') },
    {
      name: 'contexts where they are available, bare if conditions, functions in any case',
      code: yaml`
        run-name: Release \${{ inputs.tag || github.ref_name }}
        on:
          workflow_call:
            inputs:
              tag: { type: string, default: "\${{ github.ref_name }}" }
            outputs:
              digest: { value: "\${{ jobs.build.outputs.digest }}" }
        env:
          TOKEN: \${{ secrets.TOKEN }}
        jobs:
          build:
            if: github.event_name == 'push' && vars.ENABLED
            runs-on: \${{ matrix.os }}
            strategy:
              matrix:
                os: [ubuntu-latest]
            env:
              OS: \${{ matrix.os }}-\${{ secrets.X }}
            outputs:
              digest: \${{ steps.build.outputs.digest }}
            container:
              image: node:20
              env:
                HOME: \${{ runner.temp }}
            steps:
              - id: build
                run: echo "digest=$(sha256sum x)" >> "$GITHUB_OUTPUT"
                env:
                  ARCH: \${{ runner.arch }} \${{ env.OS }} \${{ job.status }}
              - if: steps.build.outcome == 'success' && toJson(steps.build.outputs) != '' && hashFiles('x') != ''
                run: echo \${{ steps.build.conclusion }} \${{ STEPS.build.outputs.digest }}
      `,
    },
    {
      name: 'outputs of a reusable workflow that is not known are not judged',
      code: yaml`
        on: push
        jobs:
          call:
            uses: octo/wf/.github/workflows/build.yml@v1
          use:
            needs: call
            runs-on: ubuntu-latest
            steps:
              - run: echo \${{ needs.call.outputs.anything }}
      `,
    },
    {
      name: 'a step id written as an expression leaves every id possible',
      code: yaml`
        on: push
        jobs:
          a:
            runs-on: ubuntu-latest
            steps:
              - id: \${{ 'x' }}
                run: "true"
              - run: echo \${{ steps.x.outputs.y }}
      `,
    },
  ],
  invalid: [
    {
      name: 'a syntax error at its own span',
      code: yaml`
        on: push
        jobs:
          a:
            runs-on: ubuntu-latest
            steps:
              - run: echo \${{ github.ref == "main" }}
      `,
      errors: [{ messageId: 'syntax', line: 6, column: 37, endColumn: 43 }],
    },
    {
      name: 'a bare if condition that does not parse',
      code: yaml`
        on: push
        jobs:
          a:
            if: github.ref = 'main'
            runs-on: ubuntu-latest
            steps:
              - run: "true"
      `,
      errors: [{ messageId: 'syntax', line: 4, column: 20 }],
    },
    {
      name: 'a ${{ that is never closed',
      code: yaml`
        on: push
        jobs:
          a:
            runs-on: ubuntu-latest
            steps:
              - run: echo \${{ github.ref
      `,
      errors: [{ messageId: 'unclosed', line: 6, column: 19, endColumn: 22 }],
    },
    {
      name: 'an empty expression, and a string literal left open',
      code: yaml`
        on: push
        jobs:
          a:
            runs-on: ubuntu-latest
            steps:
              - run: echo \${{ }} \${{ format('it's {0}', github.ref) }}
      `,
      errors: [
        { messageId: 'empty', line: 6, column: 22 },
        { messageId: 'unclosedString', line: 6, column: 26 },
      ],
    },
    {
      name: 'an unknown context, with a suggestion',
      code: pipeline('provenance.build.outputs.hashes'),
      errors: [{ messageId: 'unknownContext', line: 14, column: 28, data: { name: 'provenance', hint: '', contexts: expect.any(String) as string } }],
    },
    {
      name: 'a misspelt context',
      code: pipeline('need.build.outputs.hashes'),
      errors: [{ messageId: 'unknownContext', line: 14, column: 28, data: { name: 'need', hint: '; did you mean `needs`?', contexts: expect.any(String) as string } }],
    },
    {
      name: 'an unknown function',
      code: pipeline('toJason(needs.build.outputs)'),
      errors: [{ messageId: 'unknownFunction', line: 14, column: 28, endColumn: 35, data: { name: 'toJason', hint: '; did you mean `toJSON`?', functions: expect.any(String) as string } }],
    },
    {
      name: '`output` for `outputs` is fixed',
      code: pipeline('needs.build.output.hashes'),
      errors: [{ messageId: 'jobOutputTypo', line: 14, column: 28 }],
      output: pipeline('needs.build.outputs.hashes'),
    },
    {
      name: 'a job that is not in needs',
      code: pipeline('needs.build.outputs.hashes', '[]'),
      errors: [{ messageId: 'needsNotDirect', line: 14, column: 28, data: { job: 'build', caller: 'provenance' } }],
    },
    {
      name: 'a job that does not exist',
      code: pipeline('needs.buld.outputs.hashes'),
      errors: [{ messageId: 'needsUnknownJob', line: 14, column: 28, data: { job: 'buld', caller: 'provenance', hint: '; did you mean `build`?' } }],
    },
    {
      name: 'an undefined output (digests vs hashes)',
      code: pipeline('needs.build.outputs.digests'),
      errors: [{ messageId: 'jobUndefinedOutput', line: 14, column: 28, data: { job: 'build', output: 'digests', defined: 'defines `hashes`', hint: '; did you mean `hashes`?' } }],
    },
    {
      name: 'an unknown job property',
      code: pipeline('needs.build.status'),
      errors: [{ messageId: 'jobUnknownProperty', line: 14, column: 28 }],
    },
    {
      name: "the generator's known outputs, and transitive needs that GitHub does not expose",
      code: yaml`
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - run: "true"
          provenance:
            needs: build
            uses: ${GEN}
          publish:
            needs: provenance
            runs-on: ubuntu-latest
            steps:
              - run: echo \${{ needs.provenance.outputs.provenance-name }} \${{ needs.provenance.outputs.attestation-name }}
              - run: echo \${{ needs.build.result }}
      `,
      errors: [
        { messageId: 'jobUndefinedOutput', line: 14, column: 71 },
        { messageId: 'needsNotDirect', line: 15, column: 23 },
      ],
    },
    {
      name: 'steps: unknown, not yet run, typo, unknown property',
      code: yaml`
        on: push
        jobs:
          a:
            runs-on: ubuntu-latest
            outputs:
              v: \${{ steps.versoin.outputs.v }}
            steps:
              - run: echo \${{ steps.late.outputs.x }}
              - id: late
                run: echo \${{ steps.late.outputs.x }}
              - run: echo \${{ steps.late.output.x }} \${{ steps.late.result }}
      `,
      errors: [
        { messageId: 'stepUnknown', line: 6, column: 14 },
        { messageId: 'stepNotYet', line: 8, column: 23 },
        { messageId: 'stepNotYet', line: 10, column: 23 },
        { messageId: 'stepOutputTypo', line: 11, column: 23 },
        { messageId: 'stepUnknownProperty', line: 11, column: 50 },
      ],
      output: yaml`
        on: push
        jobs:
          a:
            runs-on: ubuntu-latest
            outputs:
              v: \${{ steps.versoin.outputs.v }}
            steps:
              - run: echo \${{ steps.late.outputs.x }}
              - id: late
                run: echo \${{ steps.late.outputs.x }}
              - run: echo \${{ steps.late.outputs.x }} \${{ steps.late.result }}
      `,
    },
    {
      name: 'contexts not available at their key',
      code: yaml`
        run-name: \${{ env.X }}
        on: push
        env:
          A: \${{ env.B }}
        jobs:
          a:
            if: \${{ env.DEPLOY == 'true' }}
            runs-on: \${{ runner.os }}
            steps:
              - if: secrets.TOKEN != ''
                run: echo \${{ jobs.a.result }}
              - id: \${{ github.sha }}
                run: "true"
      `,
      errors: [
        { messageId: 'unavailableContext', line: 1, column: 15, data: { context: 'env', where: '`run-name`', allowed: '`github`, `inputs`, `vars`' } },
        { messageId: 'unavailableContext', line: 4, column: 10 },
        { messageId: 'unavailableContext', line: 7, column: 13, data: { context: 'env', where: "a job's `if:`", allowed: '`github`, `needs`, `vars`, `inputs`' } },
        { messageId: 'unavailableContext', line: 8, column: 18 },
        { messageId: 'unavailableContext', line: 10, column: 13 },
        { messageId: 'unavailableContext', line: 11, column: 23 },
        { messageId: 'unavailableContext', line: 12, column: 17 },
      ],
    },
    {
      name: 'status functions outside if:, hashFiles outside steps',
      code: yaml`
        on: push
        jobs:
          a:
            if: \${{ always() && hashFiles('x') != '' }}
            runs-on: ubuntu-latest
            outputs:
              ok: \${{ success() }}
            steps:
              - run: echo \${{ failure() }} \${{ hashFiles('y') }}
                if: cancelled() || hashFiles('z') != ''
      `,
      errors: [
        { messageId: 'unavailableFunction', line: 4, column: 25, data: { name: 'hashFiles', where: "a job's `if:`", available: 'it is available only in steps' } },
        { messageId: 'unavailableFunction', line: 7, column: 15 },
        { messageId: 'unavailableFunction', line: 9, column: 23, endColumn: 30 },
      ],
    },
    {
      name: 'matrix without a strategy, and workflow_call outputs of unknown jobs and outputs',
      code: yaml`
        on:
          workflow_call:
            outputs:
              a: { value: "\${{ jobs.bild.outputs.x }}" }
              b: { value: "\${{ jobs.build.outputs.y }}" }
        jobs:
          build:
            runs-on: \${{ matrix.os }}
            outputs:
              x: "1"
            steps:
              - run: "true"
      `,
      errors: [
        { messageId: 'jobsUnknownJob', line: 4, column: 24, data: { job: 'bild', hint: '; did you mean `build`?' } },
        { messageId: 'jobUndefinedOutput', line: 5, column: 24 },
        { messageId: 'noMatrix', line: 8, column: 18 },
      ],
    },
  ],
});

describe('expression over real workflows', () => {
  it('reports nothing on actionlint ok/ or on the 37 real release workflows', async () => {
    const found: string[] = [];
    for (const corpus of ['actionlint-ok', 'real-world'] as const) {
      for (const f of await readCorpus(corpus)) {
        for (const d of lintText(f.bytes, f.name, { rules: [expression] }).diagnostics) found.push(`${corpus}/${f.name}:${d.line}:${d.column} ${d.message}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('uses message ids distinct from subjects-wiring, which reports the same links on base64-subjects', () => {
    const ours = Object.keys(expression.meta.messages);
    expect(ours.filter((id) => id in subjectsWiring.meta.messages)).toEqual([]);
    const ids = lintText(pipeline('needs.build.output.hashes'), 'w.yml', { rules: [expression, subjectsWiring] }).diagnostics.map((d) => d.ruleId);
    expect(ids.sort()).toEqual(['expression', 'subjects-wiring']);
  });
});

describe('docs/rules/expression.md (what rule-docs.test.ts checks once the rule is registered)', () => {
  const doc = readFileSync(new URL('../../docs/rules/expression.md', import.meta.url), 'utf8');
  const examples = (heading: string): string[] => {
    const start = doc.indexOf(`\n## ${heading}\n`);
    const next = doc.indexOf('\n## ', start + 1);
    return [...doc.slice(start, next === -1 ? undefined : next).matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  };
  const rules = [...builtinRules, expression];

  it('each failing example produces the finding', () => {
    expect(examples('Failing example').length).toBeGreaterThan(0);
    for (const code of examples('Failing example')) expect(lintText(code, 'expression.md', { rules }).diagnostics.map((d) => d.ruleId)).toContain('expression');
  });

  it('each passing example produces no finding of this rule, nor a syntax or schema error', () => {
    expect(examples('Passing example').length).toBeGreaterThan(0);
    for (const code of examples('Passing example')) {
      const found = lintText(code, 'expression.md', { rules }).diagnostics.filter((d) => ['expression', 'yaml-syntax', 'workflow-schema'].includes(d.ruleId));
      expect(found.map((d) => `${d.line}:${d.column} ${d.ruleId}: ${d.message}`)).toEqual([]);
    }
  });
});
