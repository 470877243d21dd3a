import { describe, expect, it } from 'vitest';
import { readCorpus, yaml } from '@slsa-kit/core/testing';
import { lintText } from '../engine.js';
import { testRule } from '../testing/rule-tester.js';
import { templateInjection } from './template-injection.js';

/** A one-step workflow whose `run:` is line 6; `script` starts at column 14. */
const run = (script: string, on = 'pull_request_target') => yaml`
  on: ${on}
  jobs:
    greet:
      runs-on: ubuntu-latest
      steps:
        - run: ${script}
`;

testRule(templateInjection, {
  valid: [
    { name: 'env indirection is the safe pattern', code: yaml`
        on: issues
        jobs:
          greet:
            runs-on: ubuntu-latest
            steps:
              - env:
                  TITLE: \${{ github.event.issue.title }}
                run: echo "$TITLE"
      ` },
    { name: 'a SHA is not attacker text', code: run('git checkout ${{ github.event.pull_request.head.sha }}') },
    { name: 'numbers and ids', code: run('echo ${{ github.event.number }} ${{ github.event.pull_request.number }} ${{ github.run_id }}') },
    { name: 'repository and actor (GitHub name character sets)', code: run('echo ${{ github.repository }} ${{ github.actor }} ${{ github.event.pull_request.user.login }}') },
    { name: 'github.ref and ref_name name base-repository refs', code: run('echo ${{ github.ref }} ${{ github.ref_name }}', 'push') },
    { name: 'a ternary that only yields constants', code: run("echo ${{ github.event.pull_request.title == 'x' && 'yes' || 'no' }}") },
    { name: 'a predicate over attacker text yields a boolean', code: run("echo ${{ contains(github.event.pull_request.title, '[skip]') }}") },
    { name: 'a property of a grouped object is a number', code: run('echo ${{ (github.event.pull_request || github.event.issue).number }}', 'issue_comment') },
    { name: 'the left operand of && only renders when falsy', code: run("echo ${{ github.event.pull_request.title && github.sha }}") },
    { name: 'expressions outside scripts (with:, if:, name:) are not this rule', code: yaml`
        on: pull_request_target
        jobs:
          greet:
            runs-on: ubuntu-latest
            steps:
              - name: \${{ github.event.pull_request.title }}
                if: github.event.pull_request.title != ''
                uses: actions/labeler@v5
                with:
                  repo-token: \${{ github.event.pull_request.body }}
      ` },
    { name: 'a boolean or choice input is not free text', code: yaml`
        on:
          workflow_dispatch:
            inputs:
              dry-run: { type: boolean }
              kind: { type: choice, options: [a, b] }
        jobs:
          go:
            runs-on: ubuntu-latest
            steps:
              - run: echo \${{ inputs.dry-run }} \${{ inputs.kind }} \${{ github.event.inputs.kind }}
      ` },
    { name: 'a script input of an action not known to run code', code: yaml`
        on: issues
        jobs:
          go:
            runs-on: ubuntu-latest
            steps:
              - uses: peter-evans/create-or-update-comment@v4
                with:
                  body: \${{ github.event.issue.title }}
      ` },
  ],
  invalid: [
    {
      name: 'a pull request title in run',
      code: run('echo "${{ github.event.pull_request.title }}"'),
      errors: [{ messageId: 'attacker', line: 6, column: 24, endColumn: 55, severity: 'error' }],
    },
    {
      name: 'the message proposes the env variable and its use',
      code: run('echo "${{ github.head_ref }}"'),
      errors: [{ messageId: 'attacker', line: 6, column: 24, data: { reference: 'github.head_ref', sink: '`run:` script', envName: 'HEAD_REF', usage: '"$HEAD_REF"' } }],
    },
    {
      name: 'each attacker reference in a block script, at its own line',
      code: yaml`
        on: [issues, issue_comment]
        jobs:
          triage:
            runs-on: ubuntu-latest
            steps:
              - name: triage
                run: |
                  echo "\${{ github.event.issue.body }}"
                  echo '\${{ github.event.comment.body }}'
                  git log -1 --format=%s \${{ github.sha }}
      `,
      errors: [
        { messageId: 'attacker', line: 8, column: 21 },
        { messageId: 'attacker', line: 9, column: 21 },
      ],
    },
    {
      name: 'commit messages and author names of pushes and workflow runs',
      code: run('echo ${{ github.event.head_commit.message }} ${{ github.event.commits[0].author.name }} ${{ github.event.workflow_run.head_branch }}', 'push'),
      errors: [
        { messageId: 'attacker', line: 6, column: 23 },
        { messageId: 'attacker', line: 6, column: 63 },
        { messageId: 'attacker', line: 6, column: 106 },
      ],
    },
    {
      name: 'functions that pass text through and the non-constant branch of ||',
      code: run("echo ${{ format('{0}', github.event.issue.title) }} ${{ github.event.review.body || 'none' }}", 'issues'),
      errors: [
        { messageId: 'attacker', line: 6, column: 37 },
        { messageId: 'attacker', line: 6, column: 70 },
      ],
    },
    {
      name: 'the whole event dumped as JSON contains attacker text',
      code: run("echo '${{ toJSON(github.event) }}'"),
      errors: [{ messageId: 'attacker', line: 6, column: 31 }],
    },
    {
      name: 'actions/github-script script, with a JavaScript usage hint',
      code: yaml`
        on: issues
        jobs:
          go:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea
                with:
                  script: console.log("\${{ github.event.issue.title }}")
      `,
      errors: [{ messageId: 'attacker', line: 8, column: 36, data: { reference: 'github.event.issue.title', sink: '`script` script of this action', envName: 'ISSUE_TITLE', usage: 'process.env.ISSUE_TITLE' } }],
    },
    {
      name: 'a pwsh run gets a PowerShell usage hint',
      code: yaml`
        on: issues
        jobs:
          go:
            runs-on: windows-latest
            steps:
              - shell: pwsh
                run: Write-Host "\${{ github.event.issue.title }}"
      `,
      errors: [{ messageId: 'attacker', line: 7, column: 30, data: { reference: 'github.event.issue.title', sink: '`run:` script', envName: 'ISSUE_TITLE', usage: '$env:ISSUE_TITLE' } }],
    },
    {
      name: 'a script shared through an anchor is reported at its definition',
      code: yaml`
        on: issues
        env:
          CMD: &cmd "echo \${{ github.event.issue.title }}"
        jobs:
          go:
            runs-on: ubuntu-latest
            steps:
              - run: *cmd
      `,
      errors: [{ messageId: 'attacker', line: 3, column: 23 }],
    },
    {
      name: 'a free-text input of a reusable workflow is a warning',
      code: yaml`
        on:
          workflow_call:
            inputs:
              title: { type: string, required: true }
        jobs:
          go:
            runs-on: ubuntu-latest
            steps:
              - run: echo "\${{ inputs.title }}"
      `,
      errors: [{ messageId: 'caller', line: 9, column: 24, severity: 'warning' }],
    },
    {
      name: 'a free-text workflow_dispatch input is a note',
      code: yaml`
        on:
          workflow_dispatch:
            inputs:
              tag: { required: true }
        jobs:
          go:
            runs-on: ubuntu-latest
            steps:
              - run: git tag \${{ inputs.tag }} && echo \${{ github.event.inputs.tag }}
      `,
      errors: [
        { messageId: 'dispatcher', line: 9, column: 26, severity: 'note' },
        { messageId: 'dispatcher', line: 9, column: 52, severity: 'note' },
      ],
    },
  ],
});

describe('template-injection over real workflows', () => {
  const findings = async (corpus: 'real-world' | 'actionlint-ok' | 'zizmor') => {
    const out: string[] = [];
    for (const f of await readCorpus(corpus)) {
      for (const d of lintText(f.bytes, f.name, { rules: [templateInjection] }).diagnostics) {
        if (d.ruleId === 'template-injection') out.push(`${f.name}:${d.line}:${d.column} ${d.severity}`);
      }
    }
    return out;
  };

  it('finds only dispatch-input notes in the 37 release workflows', async () => {
    // Each is `${{ inputs.tag }}` / `${{ github.event.inputs.tag }}` of a workflow_dispatch input in a run script.
    expect(await findings('real-world')).toEqual([
      'axios__axios__publish.yml:84:63 note',
      'pallets__markupsafe__publish.yml:87:15 note',
      'pallets__markupsafe__publish.yml:95:15 note',
    ]);
  });

  it('reports no attacker-controlled expansion in actionlint ok corpus, only inputs', async () => {
    const found = await findings('actionlint-ok');
    expect(found.filter((f) => f.endsWith(' error'))).toEqual([]);
    // Inputs echoed in run scripts: 7 of reusable workflows (warning), 34 of workflow_dispatch (note).
    expect(found.filter((f) => f.endsWith(' warning'))).toHaveLength(7);
    expect(found.filter((f) => f.endsWith(' note'))).toHaveLength(34);
  });

  it('agrees with zizmor on its template-injection cases where the models overlap', async () => {
    const found = new Set(await findings('zizmor'));
    // zizmor's default-persona error findings that are ours too.
    for (const f of [
      'anchors/basic.yml:13:31 error',
      'anchors/cross-key-scalar.yml:10:42 error',
      'anchors/scalar-cross-context.yml:5:23 error',
      'anchors/steps-list-alias.yml:8:24 error',
      'template-injection/codeql-sinks.yml:17:20 error',
      'template-injection/pwsh-script.yml:16:61 error',
    ]) expect(found).toContain(f);
    // zizmor's false-positive regressions stay clean here too.
    const clean = ['false-positive-menagerie', 'issue-22-repro', 'issue-418-repro', 'issue-749-repro', 'issue-1638-repro', 'issue-1802-repro', 'issue-2197-repro', 'issue-1903-repro'];
    for (const name of clean) expect([...found].filter((f) => f.startsWith(`template-injection/${name}.yml`))).toEqual([]);
  });
});

describe('template-injection with YAML merge keys in the trigger inputs', () => {
  // actionlint's err/merge_key_unsupported.yaml: `<<: *inputs` under workflow_call.inputs used to
  // throw inside the rule ("Merge sources must be maps"), which aborted the whole run (exit 4).
  it('does not crash, and still reports attacker text in the same workflow', async () => {
    const code = yaml`
      on:
        workflow_dispatch:
          inputs: &inputs
            foo:
              type: string
        workflow_call:
          inputs:
            <<: *inputs
            bar:
              type: string
        pull_request_target:
      jobs:
        t:
          runs-on: ubuntu-latest
          steps:
            - run: echo "\${{ github.event.pull_request.title }}"
    `;
    const result = await lintText(code, 'merge.yml', { rules: [templateInjection] });
    expect(result.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['template-injection', 16]]);
  });
});
