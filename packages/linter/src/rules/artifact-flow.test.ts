import { describe, expect, it } from 'vitest';
import { readCorpus, yaml } from '@slsa-kit/core/testing';
import { lintText } from '../engine.js';
import { testRule } from '../testing/rule-tester.js';
import { artifactFlow } from './artifact-flow.js';

const UP_REF = 'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f';
const DOWN_REF = 'actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c';
/** Block-style `uses:` values with their version comments. */
const UP = `${UP_REF} # v7.0.0`;
const DOWN = `${DOWN_REF} # v8.0.1`;
const GEN = 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0';

/**
 * A build job uploading with `up` and a publish job (needs: `needs`) downloading with `down`; the
 * download's `uses:` is line 12 and its `with:` entry line 14, its value at column 17 for `name:`.
 */
const flow = (up: string, needs: string, down: string) => yaml`
  on: push
  jobs:
    build:
      runs-on: ubuntu-latest
      steps:
        - uses: ${UP}
          with: { path: dist/, ${up} }
    publish:
      needs: ${needs}
      runs-on: ubuntu-latest
      steps:
        - uses: ${DOWN}
          with:
            ${down}
`;

testRule(artifactFlow, {
  valid: [
    { name: 'by name, from a needed job', code: flow('name: dist', '[build]', 'name: dist') },
    { name: 'names compare case-insensitively', code: flow('name: Dist', 'build', 'name: dist') },
    { name: 'an unnamed upload is called `artifact`', code: flow('retention-days: 1', '[build]', 'name: artifact') },
    { name: 'all artifacts, from a needed job', code: flow('name: dist', '[build]', 'path: dist') },
    { name: 'a pattern', code: flow('name: dist-sdist', '[build]', 'pattern: dist-*') },
    { name: 'a matrix name matched by a pattern', code: flow("name: 'wheels-${{ matrix.os }}'", '[build]', 'pattern: wheels-{ubuntu,macos}*') },
    { name: 'a name read from a needed job\'s outputs', code: flow('name: dist', '[build]', "name: '${{ needs.build.outputs.artifact }}'") },
    { name: 'by artifact id (flask, urllib3)', code: flow('name: dist', '[build]', "artifact-ids: '${{ needs.build.outputs.artifact-id }}'") },
    { name: 'from another run', code: flow('name: dist', '[]', "{ name: old, run-id: '${{ inputs.run }}', github-token: '${{ secrets.T }}' }") },
    { name: 'allowed to be missing', code: flow('name: dist', '[build]', '{ name: maybe, allow-not-found: true }') },
    {
      name: 'transitively needed, and earlier in the same job',
      code: yaml`
        on: push
        jobs:
          build: { runs-on: x, steps: [{ uses: '${UP_REF}', with: { name: dist, path: d } }] }
          test: { needs: build, runs-on: x, steps: [{ run: echo }] }
          publish:
            needs: test
            runs-on: x
            steps:
              - { uses: '${UP_REF}', with: { name: notes, path: n } }
              - { uses: '${DOWN_REF}', with: { name: dist } }
              - { uses: '${DOWN_REF}', with: { name: notes } }
      `,
    },
    {
      name: 'the generator\'s provenance, by its output or its default name',
      code: yaml`
        on: push
        jobs:
          provenance: { uses: '${GEN}', with: { base64-subjects: x } }
          release:
            needs: [provenance]
            runs-on: x
            steps:
              - uses: ${DOWN}
                with: { name: '\${{ needs.provenance.outputs.provenance-name }}' }
              - uses: ${DOWN}
                with: { pattern: '*.intoto.jsonl' }
      `,
    },
    {
      name: 'the generator\'s provenance, by its provenance-name input',
      code: yaml`
        on: push
        jobs:
          provenance: { uses: '${GEN}', with: { base64-subjects: x, provenance-name: attestation.intoto.jsonl } }
          release: { needs: provenance, runs-on: x, steps: [{ uses: '${DOWN_REF}', with: { name: attestation.intoto.jsonl } }] }
      `,
    },
    {
      name: 'local actions and other reusable workflows may upload anything',
      code: yaml`
        on: push
        jobs:
          build: { runs-on: x, steps: [{ uses: ./.github/actions/build }] }
          wheels: { uses: ./.github/workflows/wheels.yml }
          publish: { needs: [build, wheels], runs-on: x, steps: [{ uses: '${DOWN_REF}', with: { name: anything } }] }
      `,
    },
    {
      name: 'a real-world shape: pypa/build (hynek/build-and-inspect-python-package uploads Packages)',
      code: yaml`
        on: push
        jobs:
          dist:
            runs-on: ubuntu-latest
            steps:
              - uses: hynek/build-and-inspect-python-package@2abe76da66d0a6a4a227101f9348ee855797cfa5 # v3.0.1
          publish:
            needs: [dist]
            runs-on: ubuntu-latest
            steps:
              - uses: ${DOWN}
                with: { name: Packages, path: dist }
      `,
    },
    {
      name: 'a called workflow may download what its caller uploaded (astral-sh/uv)',
      code: yaml`
        on: { workflow_call: { inputs: { plan: { required: true, type: string } } } }
        jobs:
          publish: { runs-on: x, steps: [{ uses: '${DOWN_REF}', with: { pattern: wheels_uv-* } }] }
      `,
    },
    { name: 'other actions are not this rule', code: flow('name: dist', '[]', 'name: dist').replace(/actions\/download-artifact@\S+/, 'dawidd6/action-download-artifact@v6') },
  ],
  invalid: [
    {
      name: 'a name nobody uploads lists what could be downloaded',
      code: flow('name: dist', '[build]', 'name: dists'),
      errors: [{ messageId: 'missing', line: 14, column: 17, data: { job: 'publish', selector: 'named `dists`', available: ' (it can download `dist`)' } }],
    },
    {
      name: 'an unnamed upload is not found by its path',
      code: flow('retention-days: 1', '[build]', 'name: dist'),
      errors: [{ messageId: 'missing', line: 14, column: 17, data: { job: 'publish', selector: 'named `dist`', available: ' (it can download `artifact`)' } }],
    },
    {
      name: 'a pattern that matches nothing',
      code: flow('name: dist', '[build]', 'pattern: wheels-*'),
      errors: [{ messageId: 'missing', line: 14, column: 20, data: { job: 'publish', selector: 'matching `wheels-*`', available: ' (it can download `dist`)' } }],
    },
    {
      name: 'uploaded by a job that is not needed (ember.js)',
      code: flow('name: dist', '[]', 'name: dist'),
      errors: [{ messageId: 'notNeeded', line: 14, column: 17, data: { job: 'publish', uploader: 'build', name: 'dist' } }],
    },
    {
      name: 'all artifacts, with the only upload in a job that is not needed',
      code: flow('name: dist', '[]', 'path: dist'),
      errors: [{ messageId: 'notNeeded', line: 12, column: 15, data: { job: 'publish', uploader: 'build', name: 'dist' } }],
    },
    {
      name: 'all artifacts, with no upload at all',
      code: yaml`
        on: push
        jobs:
          publish: { runs-on: x, steps: [{ uses: '${DOWN_REF}' }] }
      `,
      errors: [{ messageId: 'noneAvailable', line: 3, column: 42, data: { job: 'publish' } }],
    },
    {
      name: 'uploaded by a job that runs after the download',
      code: yaml`
        on: push
        jobs:
          publish: { runs-on: x, steps: [{ uses: '${DOWN_REF}', with: { name: dist } }] }
          build: { needs: publish, runs-on: x, steps: [{ uses: '${UP_REF}', with: { name: dist, path: d } }] }
      `,
      errors: [{ messageId: 'runsAfter', line: 3, column: 126, data: { job: 'publish', uploader: 'build', name: 'dist' } }],
    },
    {
      name: 'uploaded by a later step of the same job',
      code: yaml`
        on: push
        jobs:
          build:
            runs-on: x
            steps:
              - uses: ${DOWN}
                with: { name: dist }
              - uses: ${UP}
                with: { name: dist, path: d }
      `,
      errors: [{ messageId: 'laterStep', line: 7, column: 23, data: { job: 'build', uploader: 'build', name: 'dist' } }],
    },
    {
      name: 'the generator\'s default provenance name is not an arbitrary name',
      code: yaml`
        on: push
        jobs:
          provenance: { uses: '${GEN}', with: { base64-subjects: x } }
          release: { needs: provenance, runs-on: x, steps: [{ uses: '${DOWN_REF}', with: { name: provenance } }] }
      `,
      errors: [{ messageId: 'missing', line: 4, column: 145, data: { job: 'release', selector: 'named `provenance`', available: ' (it can download `<subject>.intoto.jsonl`)' } }],
    },
    {
      name: 'a cyclic needs graph terminates',
      code: yaml`
        on: push
        jobs:
          a: { needs: b, runs-on: x, steps: [{ uses: '${DOWN_REF}', with: { name: dist } }] }
          b: { needs: a, runs-on: x, steps: [{ run: echo }] }
      `,
      errors: [{ messageId: 'missing', line: 3, column: 130, data: { job: 'a', selector: 'named `dist`', available: '' } }],
    },
  ],
});

describe('artifact-flow over real workflows', () => {
  const findingsIn = async (corpus: 'real-world' | 'actionlint-ok') =>
    (await readCorpus(corpus)).flatMap((f) =>
      lintText(f.bytes, f.name, { rules: [artifactFlow] })
        .diagnostics.filter((d) => d.ruleId === artifactFlow.meta.id)
        .map((d) => `${f.name}:${d.line}:${d.column}`),
    );

  it('finds nothing in the 37 real release workflows', async () => {
    expect(await findingsIn('real-world')).toEqual([]);
  });

  it('finds only the download without any upload in actionlint\'s ok corpus', async () => {
    // That file tests actionlint's action metadata; it downloads `my-artifact` that no job uploads,
    // which GitHub accepts as syntax but which fails when it runs.
    expect(await findingsIn('actionlint-ok')).toEqual(['issue-442-download-artifact-v3-workaround.yaml:9:17']);
  });
});
