import { yaml } from '@slsa-kit/core/testing';
import { testRule } from '../testing/rule-tester.js';
import { provenancePermissions } from './provenance-permissions.js';

const GEN = 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0';
const GO = 'slsa-framework/slsa-github-generator/.github/workflows/builder_go_slsa3.yml@v2.1.0';
const NODE = 'slsa-framework/slsa-github-generator/.github/workflows/builder_nodejs_slsa3.yml@v2.1.0';

/**
 * A provenance job whose `permissions:` lines are `perms` (from line 6, or 7 after a one-line
 * workflow-level `top`), calling `uses`. Built by hand: interpolating lines into `yaml` would
 * break its dedent.
 */
const job = (perms: string, uses = GEN, top = '') =>
  ['on:', '  push:', "    tags: ['v*']", ...(top ? top.trimEnd().split('\n') : []), 'jobs:', '  provenance:', perms, `    uses: ${uses}`, '    with:', '      base64-subjects: abc', ''].join('\n');

const FULL = '    permissions:\n      actions: read\n      id-token: write\n      contents: write';

testRule(provenancePermissions, {
  valid: [
    { name: 'the documented permissions', code: job(FULL) },
    { name: 'write satisfies read', code: job('    permissions:\n      actions: write\n      id-token: write\n      contents: write') },
    { name: 'write-all grants everything', code: job('    permissions: write-all') },
    { name: 'flow-style map', code: job('    permissions: { actions: read, id-token: write, contents: write }') },
    { name: 'nodejs builder needs contents: read only', code: job('    permissions:\n      actions: read\n      id-token: write\n      contents: read', NODE) },
    { name: 'no permissions anywhere: the repository default applies, which the file does not show', code: job('    needs: []') },
    {
      name: 'job-level permissions override a restrictive workflow-level block',
      code: job(FULL, GEN, 'permissions: read-all\n'),
    },
    {
      name: 'workflow-level permissions that grant enough',
      code: job('    needs: []', GEN, 'permissions:\n  actions: read\n  id-token: write\n  contents: write\n'),
    },
    { name: 'other reusable workflows are not this rule', code: job('    permissions: {}', 'octo/wf/.github/workflows/release.yml@v1') },
    { name: 'an expression level is left to the schema rule', code: job('    permissions:\n      actions: read\n      id-token: write\n      contents: ${{ inputs.level }}') },
    {
      name: 'a normal job with the same name is not a generator call',
      code: yaml`
        on: push
        permissions: {}
        jobs:
          provenance:
            runs-on: ubuntu-latest
            steps:
              - run: echo hi
      `,
    },
  ],
  invalid: [
    {
      name: 'missing id-token is inserted after the last scope',
      code: job('    permissions:\n      actions: read\n      contents: write # releases'),
      errors: [{ messageId: 'missing', line: 6, column: 5 }],
      output: job('    permissions:\n      actions: read\n      contents: write # releases\n      id-token: write'),
    },
    {
      name: 'missing actions and contents, fixed over two passes',
      code: job('    permissions:\n      id-token: write'),
      errors: [
        { messageId: 'missing', line: 6, column: 5 },
        { messageId: 'missing', line: 6, column: 5 },
      ],
      output: job('    permissions:\n      id-token: write\n      actions: read\n      contents: write'),
    },
    {
      name: 'contents: read is too low even without upload-assets (GitHub checks the nested upload-assets job at call time)',
      code: job('    permissions:\n      actions: read\n      id-token: write\n      contents: read'),
      errors: [{ messageId: 'tooLow', line: 9, column: 17, endColumn: 21 }],
      output: job('    permissions:\n      actions: read\n      id-token: write\n      contents: write'),
    },
    {
      name: 'the go builder needs contents: write too',
      code: job('    permissions:\n      actions: read\n      id-token: write\n      contents: read', GO),
      errors: [{ messageId: 'tooLow', line: 9, column: 17 }],
      output: job('    permissions:\n      actions: read\n      id-token: write\n      contents: write', GO),
    },
    {
      name: 'a flow map gets its level replaced but no insertion',
      code: job('    permissions: { actions: read, id-token: read }'),
      errors: [
        { messageId: 'tooLow', line: 6, column: 45 },
        { messageId: 'missing', line: 6, column: 5 },
      ].sort((a, b) => a.column - b.column),
      output: job('    permissions: { actions: read, id-token: write }'),
    },
    {
      name: 'read-all is reported on the value without a fix',
      code: job('    permissions: read-all'),
      errors: [
        { messageId: 'tooLow', line: 6, column: 18 },
        { messageId: 'tooLow', line: 6, column: 18 },
      ],
      output: null,
    },
    {
      name: 'an empty map grants nothing',
      code: job('    permissions: {}'),
      errors: [
        { messageId: 'missing', line: 6, column: 5 },
        { messageId: 'missing', line: 6, column: 5 },
        { messageId: 'missing', line: 6, column: 5 },
      ],
      output: null,
    },
    {
      name: 'workflow-level permissions cap the call when the job has none (reported at the job, as GitHub does)',
      code: job('    needs: []', GEN, 'permissions:\n  contents: read\n'),
      errors: [{ messageId: 'capped', line: 7, column: 3, data: {
        job: 'provenance',
        workflow: 'generator_generic_slsa3.yml',
        scopes: '`actions: read`, `id-token: write`, `contents: write`',
        wanted: '`actions: read`, `id-token: write`, `contents: write`',
      } }],
    },
    {
      name: 'read-all at workflow level still caps id-token and contents',
      code: job('    needs: []', GEN, 'permissions: read-all\n'),
      errors: [{ messageId: 'capped', line: 6, column: 3 }],
    },
    {
      name: 'upload-assets: true names the upload as the reason',
      code: yaml`
        on:
          push:
            tags: ['v*']
        jobs:
          provenance:
            permissions:
              actions: read
              id-token: write
            uses: ${GEN}
            with:
              base64-subjects: abc
              upload-assets: true
      `,
      errors: [{ messageId: 'missing', line: 6, column: 5, data: {
        job: 'provenance',
        workflow: 'generator_generic_slsa3.yml',
        scope: 'contents',
        level: 'write',
        granted: 'none',
        why: 'to upload the provenance to the release (`upload-assets: true`)',
      } }],
      output: yaml`
        on:
          push:
            tags: ['v*']
        jobs:
          provenance:
            permissions:
              actions: read
              id-token: write
              contents: write
            uses: ${GEN}
            with:
              base64-subjects: abc
              upload-assets: true
      `,
    },
    {
      name: 'CRLF line endings are kept by the fix',
      code: job('    permissions:\n      actions: read\n      contents: write').replace(/\n/g, '\r\n'),
      errors: [{ messageId: 'missing', line: 6, column: 5 }],
      output: job('    permissions:\n      actions: read\n      contents: write\n      id-token: write').replace(/\n/g, '\r\n'),
    },
  ],
});
