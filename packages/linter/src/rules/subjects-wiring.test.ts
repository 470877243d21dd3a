import { describe, expect, it } from 'vitest';
import { readCorpus, yaml } from '@slsa-kit/core/testing';
import { lintText } from '../engine.js';
import { testRule } from '../testing/rule-tester.js';
import { subjectsWiring } from './subjects-wiring.js';

const GEN = 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0';

/**
 * The SLSA pipeline with its parts replaceable. Line numbers: the build job's `outputs:` value is
 * line 5, `id:` line 9, the `run:` script starts on line 11 (`echo …` on line 12), the provenance
 * job's `needs:` line 16 and `base64-subjects:` line 20.
 */
const pipeline = (p: { outputs?: string; id?: string; script?: string; needs?: string; subjects?: string; runsOn?: string } = {}) => yaml`
  on: push
  jobs:
    build:
      outputs:
        ${p.outputs ?? 'hashes: ${{ steps.hash.outputs.hashes }}'}
      runs-on: ${p.runsOn ?? 'ubuntu-latest'}
      steps:
        - run: python -m build
        - ${p.id ?? 'id: hash'}
          run: |
            cd dist
            ${p.script ?? 'echo "hashes=$(sha256sum * | base64 -w0)" >> "$GITHUB_OUTPUT"'}
    provenance:
      permissions: { actions: read, id-token: write, contents: write }
      uses: ${GEN}
      needs: ${p.needs ?? '[build]'}
      with:
        upload-assets: true
        base64-subjects: ${p.subjects ?? '"${{ needs.build.outputs.hashes }}"'}
`;

/** GitHub's starter workflow (generator-generic-ossf-slsa3-publish.yml), with its output-name bug. */
const STARTER = yaml`
  on:
    workflow_dispatch:
    release:
      types: [created]
  jobs:
    build:
      runs-on: ubuntu-latest
      outputs:
        digests: \${{ steps.hash.outputs.digests }}
      steps:
        - uses: actions/checkout@v4
        - name: Build artifacts
          run: |
            echo "artifact1" > artifact1
            echo "artifact2" > artifact2
        - name: Generate subject for provenance
          id: hash
          run: |
            set -euo pipefail
            files=$(ls artifact*)
            echo "hashes=$(sha256sum $files | base64 -w0)" >> "\${GITHUB_OUTPUT}"
    provenance:
      needs: [build]
      permissions:
        actions: read
        id-token: write
        contents: write
      uses: ${GEN}
      with:
        base64-subjects: "\${{ needs.build.outputs.digests }}"
        upload-assets: true
`;

const AS_FILE = yaml`
  on: push
  jobs:
    build:
      runs-on: ubuntu-latest
      outputs:
        handle: \${{ steps.subjects.outputs.handle }}
      steps:
        - run: sha256sum dist/* > subjects.sha256
        - id: subjects
          uses: slsa-framework/slsa-github-generator/actions/generator/generic/create-base64-subjects-from-file@v2.1.0
          with:
            path: subjects.sha256
    provenance:
      needs: [build]
      permissions: { actions: read, id-token: write, contents: write }
      uses: ${GEN}
      with:
        base64-subjects-as-file: \${{ needs.build.outputs.handle }}
`;

testRule(subjectsWiring, {
  valid: [
    { name: 'the documented pipeline', code: pipeline() },
    { name: 'names compare case-insensitively', code: pipeline({ subjects: '${{ needs.Build.outputs.HASHES }}' }) },
    { name: 'the deprecated set-output still names the output (its warning aside)', code: pipeline({ script: 'echo hashes=x >> "$GITHUB_OUTPUT"' }) },
    { name: 'a shell variable computed with base64 -w0', code: pipeline({ script: 'H=$(sha256sum * | base64 -w0); echo "hashes=$H" >> $GITHUB_OUTPUT' }) },
    { name: 'a checksum file encoded', code: pipeline({ script: 'echo "hashes=$(base64 -w0 < SHA256SUMS)" >> $GITHUB_OUTPUT' }) },
    { name: 'a grouped write', code: pipeline({ script: '{ echo "hashes=$(sha256sum * | base64 -w0)"; } >> "$GITHUB_OUTPUT"' }) },
    { name: 'a program writing outputs is not second-guessed', code: pipeline({ script: './scripts/subjects.sh >> "$GITHUB_OUTPUT"' }) },
    { name: 'a script that delegates entirely', code: pipeline({ script: 'make subjects' }) },
    { name: 'base64 does not wrap on macOS', code: pipeline({ runsOn: 'macos-latest', script: 'echo "hashes=$(shasum -a 256 * | base64)" >> $GITHUB_OUTPUT' }) },
    { name: 'a literal value is not wiring', code: pipeline({ subjects: 'c2hhMjU2' }) },
    { name: 'an input of a reusable workflow is not followed', code: pipeline({ subjects: '${{ inputs.subjects }}' }) },
    { name: 'base64-subjects-as-file from the generator action', code: AS_FILE },
    {
      name: 'a job output of a reusable workflow comes from the workflow it calls',
      code: yaml`
        on: push
        jobs:
          release:
            uses: ./.github/workflows/goreleaser.yml
          provenance:
            needs: [release]
            uses: ${GEN}
            with:
              base64-subjects: \${{ needs.release.outputs.hashes }}
      `,
    },
    {
      name: 'an action step is trusted to write what it declares',
      code: yaml`
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            outputs:
              hashes: \${{ steps.hash.outputs.digests }}
            steps:
              - id: hash
                uses: ./.github/actions/hash
          provenance:
            needs: build
            uses: ${GEN}
            with:
              base64-subjects: \${{ needs.build.outputs.hashes }}
      `,
    },
  ],
  invalid: [
    {
      name: "GitHub's starter workflow: the step writes hashes, the output reads digests",
      code: STARTER,
      errors: [{ messageId: 'notWritten', line: 9, column: 20, data: { step: 'hash', name: 'digests', output: 'build.digests', hint: '; did you mean `hashes`?' } }],
    },
    {
      name: 'needs.x.output.y is fixed to outputs',
      code: pipeline({ subjects: '"${{ needs.build.output.hashes }}"' }),
      errors: [{ messageId: 'outputTypo', line: 19, column: 29 }],
      output: pipeline({ subjects: '"${{ needs.build.outputs.hashes }}"' }),
    },
    {
      name: 'steps.x.output.y in the job output',
      code: pipeline({ outputs: 'hashes: ${{ steps.hash.output.hashes }}' }),
      errors: [{ messageId: 'outputTypo', line: 5, column: 19 }],
      output: pipeline({ outputs: 'hashes: ${{ steps.hash.outputs.hashes }}' }),
    },
    {
      name: 'the provenance job does not need the build',
      code: pipeline({ needs: '[]' }),
      errors: [{ messageId: 'missingNeeds', line: 19, column: 29, data: { input: 'base64-subjects', job: 'build', caller: 'provenance' } }],
    },
    {
      name: 'a job that does not exist',
      code: pipeline({ subjects: '${{ needs.biuld.outputs.hashes }}' }),
      errors: [{ messageId: 'unknownJob', line: 19, column: 28, data: { input: 'base64-subjects', job: 'biuld', hint: '; did you mean `build`?' } }],
    },
    {
      name: 'an output name the job does not declare',
      code: pipeline({ subjects: '${{ needs.build.outputs.digests }}' }),
      errors: [{ messageId: 'missingOutput', line: 19, column: 28, data: { job: 'build', name: 'digests', input: 'base64-subjects', hint: '; did you mean `hashes`?' } }],
    },
    {
      name: 'a build job without outputs',
      code: pipeline({ outputs: '{}' }),
      errors: [{ messageId: 'noOutputs', line: 19, column: 29, data: { job: 'build', name: 'hashes' } }],
    },
    {
      name: 'the output reads a step id that does not exist',
      code: pipeline({ outputs: 'hashes: ${{ steps.hashes.outputs.hashes }}' }),
      errors: [{ messageId: 'unknownStep', line: 5, column: 19, data: { job: 'build', step: 'hashes', output: 'build.hashes', hint: '; did you mean `hash`?' } }],
    },
    {
      name: 'the step that writes the output has no id',
      code: pipeline({ id: 'name: hash' }),
      errors: [{ messageId: 'stepWithoutId', line: 9, column: 9, data: { name: 'hashes', step: 'hash' } }],
    },
    {
      name: 'the step writes other outputs',
      code: pipeline({ script: 'echo "digest=$(sha256sum * | base64 -w0)" >> "$GITHUB_OUTPUT"' }),
      errors: [{ messageId: 'notWritten', line: 5, column: 19, data: { step: 'hash', name: 'hashes', output: 'build.hashes', hint: '; did you mean `digest`?' } }],
    },
    {
      name: 'the step hashes but writes nothing',
      code: pipeline({ script: 'sha256sum * | base64 -w0' }),
      errors: [{ messageId: 'notWritten', line: 5, column: 19, data: { step: 'hash', name: 'hashes', output: 'build.hashes', hint: '' } }],
    },
    {
      name: 'base64 without -w0 wraps',
      code: pipeline({ script: 'echo "hashes=$(sha256sum * | base64)" >> "$GITHUB_OUTPUT"' }),
      errors: [{ messageId: 'wrapped', line: 12, column: 40, endColumn: 46 }],
    },
    {
      name: 'the checksums are not encoded',
      code: pipeline({ script: 'echo "hashes=$(sha256sum *)" >> "$GITHUB_OUTPUT"' }),
      errors: [{ messageId: 'notEncoded', line: 12, column: 26 }],
    },
    {
      name: 'the deprecated set-output is a warning',
      code: pipeline({ script: 'echo "::set-output name=hashes::$(sha256sum * | base64 -w0)"' }),
      errors: [{ messageId: 'setOutput', line: 12, column: 35, severity: 'warning' }],
    },
    {
      name: 'set-output with a wrapped value reports both',
      code: pipeline({ script: 'echo "::set-output name=hashes::$(sha256sum * | base64)"' }),
      errors: [
        { messageId: 'setOutput', line: 12, column: 35 },
        { messageId: 'wrapped', line: 12, column: 59 },
      ],
    },
    {
      name: 'base64-subjects-as-file reading an output the action does not have',
      code: AS_FILE.replace('steps.subjects.outputs.handle', 'steps.subjects.outputs.hashes'),
      errors: [{ messageId: 'actionOutput', line: 6, column: 19 }],
    },
  ],
});

describe('subjects-wiring over real workflows', () => {
  const run = async (corpus: 'real-world' | 'actionlint-ok') =>
    (await readCorpus(corpus)).flatMap((f) =>
      lintText(f.bytes, f.name, { rules: [subjectsWiring] })
        .diagnostics.filter((d) => d.ruleId === subjectsWiring.meta.id)
        .map((d) => `${f.name}:${d.line}:${d.column} ${d.message}`),
    );

  it('finds nothing in the 37 real release workflows except the deprecated set-output of requests', async () => {
    expect(await run('real-world')).toEqual([
      expect.stringMatching(/^psf__requests__publish--5f33844\.yml:48:46 `::set-output` is deprecated/),
    ]);
  });

  it('finds nothing in actionlint’s ok corpus', async () => {
    expect(await run('actionlint-ok')).toEqual([]);
  });
});
