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
    { name: 'a computed index into a context with no attacker field (steps, matrix, needs)', code: run('echo ${{ steps[inputs.step].outputs.x }} ${{ matrix[github.event.pull_request.title] }} ${{ needs.build.outputs[matrix.key] }}') },
    { name: 'a computed index into github when no trigger carries an attacker field', code: run('echo ${{ github[matrix.field] }} ${{ github.event[matrix.field] }}', '[schedule, release]') },
    { name: 'a computed index below a login or a SHA', code: run('echo ${{ github.event.pull_request.user[matrix.k] }} ${{ github.event.pull_request.head[matrix.k].login }}') },
    { name: 'a variable of env: read as a shell variable is the safe pattern, at any level', code: yaml`
        on: issues
        env:
          TITLE: \${{ github.event.issue.title }}
        jobs:
          greet:
            runs-on: ubuntu-latest
            env:
              BODY: \${{ github.event.issue.body }}
            steps:
              - run: echo "$TITLE $BODY"
      ` },
    { name: 'env variables with safe values, or overridden by a safe value nearer the step', code: yaml`
        on: pull_request_target
        env:
          TITLE: \${{ github.event.pull_request.title }}
          NUMBER: \${{ github.event.pull_request.number }}
        jobs:
          greet:
            runs-on: ubuntu-latest
            env:
              HEAD: \${{ github.head_ref }}
            steps:
              - env:
                  TITLE: fixed
                  HEAD: \${{ github.event.pull_request.head.ref == 'main' && 'main' || 'topic' }}
                run: echo "\${{ env.TITLE }} \${{ env.NUMBER }} \${{ env.HEAD }} \${{ env.UNSET }}"
      ` },
    { name: 'env read outside a script, compared, or defined for another job', code: yaml`
        on: issues
        jobs:
          a:
            runs-on: ubuntu-latest
            env:
              TITLE: \${{ github.event.issue.title }}
            steps:
              - uses: actions/labeler@v5
                with:
                  repo-token: \${{ env.TITLE }}
              - run: echo "\${{ env.TITLE == 'bug' }}"
          b:
            runs-on: ubuntu-latest
            steps:
              - run: echo "\${{ env.TITLE }}"
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
    // Written-out fields follow the triggers: a field none of the workflow's events carries is always empty.
    { name: 'an issue title on a push and workflow_dispatch workflow is always empty', code: run('echo "${{ github.event.issue.title }}"', '[push, workflow_dispatch]') },
    { name: 'head_ref is set only for pull_request and pull_request_target', code: run('git switch ${{ github.head_ref }}', '[issue_comment, pull_request_review]') },
    { name: 'a pull request title and commit messages on a schedule', code: run('echo ${{ github.event.pull_request.title }} ${{ github.event.head_commit.message }}', 'schedule') },
    { name: 'a dispatch payload or input on a push workflow', code: run('echo ${{ github.event.client_payload.tag }} ${{ github.event.inputs.tag }}', 'push') },
    { name: 'a named field whose index only picks an element, on events without it', code: run('echo ${{ github.event.pages[matrix.i].page_name }} ${{ github.event.commits[matrix.i].message }}', 'pull_request') },
    { name: 'whole objects on events that carry no text someone else chose', code: run("echo '${{ toJSON(github.event) }}' '${{ toJSON(github.event.commits.*) }}'", '[schedule, release]') },
    { name: 'env.X set from a field the events do not carry', code: yaml`
        on:
          push:
            branches: [main]
          workflow_dispatch:
        env:
          TITLE: \${{ github.event.issue.title }}
        jobs:
          greet:
            runs-on: ubuntu-latest
            env:
              BODY: \${{ github.event.pull_request.body }}
            steps:
              - env:
                  HEAD: \${{ env.BODY }}
                run: echo "\${{ env.TITLE }} \${{ env.BODY }} \${{ env.HEAD }}"
      ` },
  ],
  invalid: [
    // Written-out fields on events that can carry them are reported as before.
    {
      name: 'an issue title on an issues workflow',
      code: run('echo "${{ github.event.issue.title }}"', 'issues'),
      errors: [{ messageId: 'attacker', line: 6, column: 24, endColumn: 48, severity: 'error' }],
    },
    {
      name: 'head_ref when one of the events is pull_request_target',
      code: run('git switch ${{ github.head_ref }}', '[push, pull_request_target]'),
      errors: [{ messageId: 'attacker', line: 6, column: 29, endColumn: 44, severity: 'error', data: { reference: 'github.head_ref', sink: '`run:` script', envName: 'HEAD_REF', usage: '"$HEAD_REF"' } }],
    },
    {
      name: 'a called workflow runs with its caller’s event: every field counts',
      code: run('echo "${{ github.event.issue.title }}"', '[workflow_call, push]'),
      errors: [{ messageId: 'attacker', line: 6, column: 24, severity: 'error' }],
    },
    {
      name: 'an event whose payload is not known here may carry anything',
      code: run('echo "${{ github.event.issue.title }}"', '[push, status]'),
      errors: [{ messageId: 'attacker', line: 6, column: 24, severity: 'error' }],
    },
    {
      name: 'an `on:` entry that is not an event name may be any event',
      code: run('echo "${{ github.event.issue.title }}"', '[push, { issues: {} }]'),
      errors: [{ messageId: 'attacker', line: 6, column: 24, severity: 'error' }],
    },
    {
      name: 'whole objects count while the events carry any text someone else chose',
      code: run("echo '${{ toJSON(github.event) }}' '${{ toJSON(github.event.pull_request) }}' '${{ toJSON(github.event.commits.*) }}'", 'push'),
      errors: [
        { messageId: 'attacker', line: 6, column: 31 },
        { messageId: 'attacker', line: 6, column: 61 },
        { messageId: 'attacker', line: 6, column: 104 },
      ],
    },
    {
      name: 'dispatch payloads and inputs when their events start the workflow',
      code: run('echo ${{ github.event.client_payload.tag }} ${{ github.event.inputs.tag }}', '[push, repository_dispatch, workflow_dispatch]'),
      errors: [
        { messageId: 'dispatcher', line: 6, column: 23, severity: 'note' },
        { messageId: 'dispatcher', line: 6, column: 62, severity: 'note' },
      ],
    },
    {
      name: 'env.X follows the field it is set from: reported when the events carry it',
      code: yaml`
        on: [push, pull_request_target]
        env:
          TITLE: \${{ github.event.issue.title }}
          HEAD: \${{ github.head_ref }}
        jobs:
          greet:
            runs-on: ubuntu-latest
            steps:
              - run: echo "\${{ env.TITLE }}" "\${{ env.HEAD }}"
      `,
      errors: [{ messageId: 'envAttacker', line: 9, column: 43, severity: 'error', data: { reference: 'env.HEAD', source: 'github.head_ref', name: 'HEAD', where: "the workflow's `env:`", sink: '`run:` script', usage: '"$HEAD"' } }],
    },
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
      code: run('echo ${{ github.event.head_commit.message }} ${{ github.event.commits[0].author.name }} ${{ github.event.workflow_run.head_branch }}', '[push, workflow_run]'),
      errors: [
        { messageId: 'attacker', line: 6, column: 23 },
        { messageId: 'attacker', line: 6, column: 63 },
        { messageId: 'attacker', line: 6, column: 106 },
      ],
    },
    {
      name: 'functions that pass text through and the non-constant branch of ||',
      code: run("echo ${{ format('{0}', github.event.issue.title) }} ${{ github.event.review.body || 'none' }}", '[issues, pull_request_review]'),
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
      name: 'a computed index into github may read attacker text (pull_request_target carries head_ref)',
      code: run('echo "${{ github[inputs.field] }}"'),
      errors: [
        {
          messageId: 'computedAttacker',
          line: 6,
          column: 24,
          endColumn: 30,
          severity: 'error',
          data: { reference: 'github[inputs.field]', access: 'github[inputs.field]', field: '`github.head_ref`', sink: '`run:` script', envName: 'VALUE', usage: '"$VALUE"' },
        },
      ],
    },
    {
      name: 'a computed index into github.event names an attacker field the triggers carry',
      code: run('echo ${{ github.event[matrix.key] }} ${{ github.event.*[matrix.key] }}', '[issues, push]'),
      errors: [
        { messageId: 'computedAttacker', line: 6, column: 23, data: { reference: 'github.event[matrix.key]', access: 'github.event[matrix.key]', field: '`github.event.issue.title`', sink: '`run:` script', envName: 'VALUE', usage: '"$VALUE"' } },
        { messageId: 'computedAttacker', line: 6, column: 55 },
      ],
    },
    {
      name: 'a named field read through a computed element index is attacker text when a trigger carries it; the index itself is not rendered',
      // actionlint's err/nested_untrusted_input.yaml, with gollum (the event that has pages) added.
      code: run('echo ${{ github.event.pages[github.event.commits[github.event.issue.title].author.name].page_name }}', '[pull_request, gollum]'),
      errors: [
        {
          messageId: 'attacker',
          line: 6,
          column: 23,
          endColumn: 41,
          data: {
            reference: 'github.event.pages[github.event.commits[github.event.issue.title].author.name].page_name',
            sink: '`run:` script',
            envName: 'PAGES',
            usage: '"$PAGES"',
          },
        },
      ],
    },
    {
      name: 'on workflow_dispatch only, a computed index into github can read only dispatch inputs: a note',
      // actionlint's err/workflow_dispatch_type_check_inputs.yaml
      code: yaml`
        on:
          workflow_dispatch:
            inputs:
              string: { type: string }
              boolean: { type: boolean }
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - run: echo "\${{ github[inputs.boolean] }} \${{ github.event.*[inputs.string] }}"
      `,
      errors: [
        { messageId: 'computedDispatcher', line: 10, column: 24, severity: 'note', data: { reference: 'github[inputs.boolean]', access: 'github[inputs.boolean]', field: '`github.event.inputs.string`', sink: '`run:` script', envName: 'VALUE', usage: '"$VALUE"' } },
        { messageId: 'computedDispatcher', line: 10, column: 54, severity: 'note' },
      ],
    },
    {
      name: 'a computed index into the inputs of a reusable workflow is a warning, and its github.event is any event',
      code: yaml`
        on:
          workflow_call:
            inputs:
              title: { type: string }
              dry-run: { type: boolean }
        jobs:
          go:
            runs-on: ubuntu-latest
            steps:
              - run: echo "\${{ inputs[matrix.name] }}" "\${{ github.event[matrix.name] }}"
      `,
      errors: [
        { messageId: 'computedCaller', line: 10, column: 24, severity: 'warning', data: { reference: 'inputs[matrix.name]', access: 'inputs[matrix.name]', field: '`inputs.title`', sink: '`run:` script', envName: 'INPUTS', usage: '"$INPUTS"' } },
        { messageId: 'computedAttacker', line: 10, column: 53, severity: 'error' },
      ],
    },
    {
      name: 'env.X read back into run: from workflow, job and step env',
      code: yaml`
        on: [issues, issue_comment]
        env:
          TITLE: \${{ github.event.issue.title }}
        jobs:
          triage:
            runs-on: ubuntu-latest
            env:
              BODY: "body: \${{ github.event.issue.body }}"
            steps:
              - env:
                  COMMENT: \${{ github.event.comment.body }}
                run: |
                  echo "\${{ env.TITLE }}"
                  echo "\${{ env.BODY }}"
                  echo "\${{ env.COMMENT }}"
      `,
      errors: [
        {
          messageId: 'envAttacker',
          line: 13,
          column: 21,
          endColumn: 30,
          severity: 'error',
          data: { reference: 'env.TITLE', source: 'github.event.issue.title', name: 'TITLE', where: "the workflow's `env:`", sink: '`run:` script', usage: '"$TITLE"' },
        },
        { messageId: 'envAttacker', line: 14, column: 21, data: { reference: 'env.BODY', source: 'github.event.issue.body', name: 'BODY', where: "the job's `env:`", sink: '`run:` script', usage: '"$BODY"' } },
        { messageId: 'envAttacker', line: 15, column: 21, data: { reference: 'env.COMMENT', source: 'github.event.comment.body', name: 'COMMENT', where: "the step's `env:`", sink: '`run:` script', usage: '"$COMMENT"' } },
      ],
    },
    {
      name: 'a step variable set from a job variable is traced to the value it started from',
      code: yaml`
        on: pull_request_target
        jobs:
          greet:
            runs-on: ubuntu-latest
            env:
              HEAD: \${{ github.head_ref }}
            steps:
              - env:
                  BRANCH: \${{ env.HEAD }}
                run: git switch \${{ env.BRANCH }}
      `,
      errors: [{ messageId: 'envAttacker', line: 10, column: 29, data: { reference: 'env.BRANCH', source: 'github.head_ref', name: 'BRANCH', where: "the step's `env:`", sink: '`run:` script', usage: '"$BRANCH"' } }],
    },
    {
      name: 'env in an actions/github-script script, with the JavaScript way to read the variable',
      code: yaml`
        on: issues
        jobs:
          go:
            runs-on: ubuntu-latest
            env:
              TITLE: \${{ github.event.issue.title }}
            steps:
              - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea
                with:
                  script: console.log("\${{ env.TITLE }}")
      `,
      errors: [{ messageId: 'envAttacker', line: 10, column: 36, data: { reference: 'env.TITLE', source: 'github.event.issue.title', name: 'TITLE', where: "the job's `env:`", sink: '`script` script of this action', usage: 'process.env.TITLE' } }],
    },
    {
      name: 'inputs through env keep their severity (warning for a caller, note for a dispatcher)',
      code: yaml`
        on:
          workflow_call:
            inputs:
              title: { type: string }
          workflow_dispatch:
            inputs:
              tag: { type: string }
        env:
          TITLE: \${{ inputs.title }}
          TAG: \${{ github.event.inputs.tag }}
        jobs:
          go:
            runs-on: ubuntu-latest
            steps:
              - run: echo \${{ env.TITLE }} \${{ env.TAG }}
      `,
      errors: [
        { messageId: 'envCaller', line: 15, column: 23, severity: 'warning' },
        { messageId: 'envDispatcher', line: 15, column: 40, severity: 'note' },
      ],
    },
    {
      name: 'a name in another case resolves as on Windows runners; the whole env object reads every variable, a computed index may',
      code: yaml`
        on: issues
        env:
          Title: \${{ github.event.issue.title }}
        jobs:
          go:
            runs-on: windows-latest
            steps:
              - shell: pwsh
                run: Write-Host "\${{ env.TITLE }}" '\${{ toJSON(env) }}' "\${{ env[matrix.v] }}"
      `,
      errors: [
        { messageId: 'envAttacker', line: 9, column: 30, data: { reference: 'env.TITLE', source: 'github.event.issue.title', name: 'Title', where: "the workflow's `env:`", sink: '`run:` script', usage: '$env:Title' } },
        { messageId: 'envAttacker', line: 9, column: 56 },
        {
          messageId: 'computedAttacker',
          line: 9,
          column: 70,
          data: {
            reference: 'env[matrix.v]',
            access: 'env[matrix.v]',
            field: "`github.event.issue.title` (through `Title` in the workflow's `env:`)",
            sink: '`run:` script',
            envName: 'Title',
            usage: '$env:Title',
          },
        },
      ],
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
    for (const f of ['template-injection/codeql-sinks.yml:17:20 error', 'template-injection/pwsh-script.yml:16:61 error']) expect(found).toContain(f);
    // zizmor reports `github.event.issue.title` (also through `env.X` at step, job and workflow
    // level) on `push` and `pull_request` workflows, whose events never carry an issue: empty there.
    for (const name of ['anchors/basic', 'anchors/cross-key-scalar', 'anchors/scalar-cross-context', 'anchors/steps-list-alias', 'template-injection/static-env']) {
      expect([...found].filter((f) => f.startsWith(`${name}.yml`))).toEqual([]);
    }
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

describe('template-injection related locations', () => {
  const related = (code: string) =>
    lintText(code, 'w.yml', { rules: [templateInjection] }).diagnostics.map((d) => [`${d.line}:${d.column}`, ...(d.related ?? []).map((r) => `${r.line}:${r.column} ${r.message}`)]);

  it('points a read of env at the definition it resolves to, then at the script', () => {
    expect(related(yaml`
      on: issues
      jobs:
        go:
          runs-on: ubuntu-latest
          env:
            TITLE: \${{ github.event.issue.title }}
          steps:
            - run: echo "\${{ env.TITLE }}"
    `)).toEqual([['8:24', '6:7 `TITLE` is set here', '8:9 the script it is expanded into']]);
  });

  it('reports a script shared through an alias once per definition its steps resolve to', () => {
    const found = related(yaml`
      on: issues
      jobs:
        a:
          runs-on: ubuntu-latest
          env:
            T: \${{ github.event.issue.title }}
          steps:
            - run: &say echo "\${{ env.T }}"
        b:
          runs-on: ubuntu-latest
          env:
            T: \${{ github.event.issue.body }}
          steps:
            - run: *say
        c:
          runs-on: ubuntu-latest
          env:
            T: \${{ github.event.issue.title }}
          steps:
            - run: *say
    `);
    expect(found.map((f) => f.slice(0, 2))).toEqual([
      ['8:29', '6:7 `T` is set here'],
      ['8:29', '12:7 `T` is set here'],
      ['8:29', '18:7 `T` is set here'],
    ]);
  });
});
