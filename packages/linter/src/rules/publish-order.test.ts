import { describe, expect, it } from 'vitest';
import { readCorpus, yaml } from '@slsa-kit/core/testing';
import { lintText } from '../engine.js';
import { testRule } from '../testing/rule-tester.js';
import { publishOrder } from './publish-order.js';

const GEN = 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0';

/** build → provenance (generator) and a publishing job whose `needs` and steps vary (its first step at line 18). */
const pipeline = (needs: string, steps: string) => yaml`
  on:
    push:
      tags: ['v*']
  jobs:
    build:
      runs-on: ubuntu-latest
      outputs: { hashes: '\${{ steps.hash.outputs.hashes }}' }
      steps: [{ id: hash, run: echo }]
    provenance:
      needs: [build]
      permissions: { actions: read, id-token: write, contents: write }
      uses: ${GEN}
      with: { base64-subjects: '\${{ needs.build.outputs.hashes }}' }
    publish:
      needs: ${needs}
      runs-on: ubuntu-latest
      steps:
${steps}
`;
const PYPI = '        - uses: pypa/gh-action-pypi-publish@ed0c53931b1dc9bd32cbe73a98c7f6766f8a527e # v1.13.0';

testRule(publishOrder, {
  valid: [
    { name: 'the publishing job needs the provenance job', code: pipeline('[build, provenance]', PYPI) },
    {
      name: 'a transitive need is enough',
      code: yaml`
        on: push
        jobs:
          provenance: { uses: '${GEN}', with: { base64-subjects: x } }
          release: { needs: provenance, runs-on: x, steps: [{ run: echo }] }
          publish: { needs: release, runs-on: x, steps: [{ run: npm publish --provenance }] }
      `,
    },
    { name: 'no provenance in the workflow: nothing to order', code: yaml`
        on: push
        jobs:
          publish: { runs-on: x, steps: [{ run: twine upload dist/* }] }
      ` },
    {
      name: 'a job that attests before it publishes (pypa/build, cibuildwheel)',
      code: yaml`
        on: push
        jobs:
          publish:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/attest-build-provenance@0f67c3f4856b2e3261c31976d6725780e5e4c373 # v4.1.1
                with: { subject-path: 'dist/*' }
              - uses: pypa/gh-action-pypi-publish@ba38be9e461d3875417946c167d0b5f3d385a247 # v1.14.1
      `,
    },
    { name: 'a release without files publishes no artifact', code: pipeline('[build]', '        - run: gh release create "$TAG" --generate-notes --title "$TAG"') },
    { name: 'a flag array is not a file', code: pipeline('[build]', '        - run: gh release create "$TAG" --notes-file n.md "${flags[@]}"') },
    { name: 'a dry run publishes nothing', code: pipeline('[build]', '        - run: npm publish --dry-run') },
    { name: 'a commented-out command', code: pipeline('[build]', '        - run: "# twine upload dist/*"') },
    { name: 'a word that only contains the command', code: pipeline('[build]', '        - run: echo my-npm publish-notes') },
    {
      name: 'a real-world shape: sigstore-python (attest job, then PyPI and GitHub release)',
      code: yaml`
        on: { release: { types: [published] } }
        jobs:
          build: { runs-on: x, steps: [{ run: make }] }
          generate-provenance:
            needs: [ build ]
            runs-on: x
            steps:
              - uses: actions/attest-build-provenance@4d101475d8b20a2381f78447822ac1eab6504dd8 # v4.2.2
                with: { subject-path: 'dist/*' }
          release-pypi:
            needs: [ build, generate-provenance ]
            runs-on: x
            steps: [{ uses: pypa/gh-action-pypi-publish@dc37677b2e1c63e2034f94d8a5b11f265b73ba33 }]
          release-github:
            needs: [ build, generate-provenance ]
            runs-on: x
            steps: [{ uses: softprops/action-gh-release@3d0d9888cb7fd7b750713d6e236d1fcb99157228 }]
      `,
    },
  ],
  invalid: [
    {
      name: 'a PyPI upload that needs only the build',
      code: pipeline('[build]', PYPI),
      errors: [{ messageId: 'notNeeded', line: 18, column: 15, data: { job: 'publish', what: 'pypa/gh-action-pypi-publish', provenance: '`provenance`', suggestion: '`provenance`' } }],
    },
    {
      name: 'a command is pointed at inside its script',
      code: pipeline('build', '        - run: |\n            ls dist\n            python -m twine upload dist/*'),
      errors: [{ messageId: 'notNeeded', line: 20, column: 11, endColumn: 33, data: { job: 'publish', what: 'twine upload', provenance: '`provenance`', suggestion: '`provenance`' } }],
    },
    ...(
      [
        ['uv publish', 'uv publish --trusted-publishing always'],
        ['npm publish', 'cd pkg && npm publish --provenance'],
        ['pnpm publish', 'pnpm -r publish --no-git-checks'],
        ['yarn npm publish', 'yarn npm publish --access public'],
        ['gh release upload', 'gh release upload "$TAG" dist/*'],
        ['gh release create', 'gh release create --draft "$TAG" dist/*'],
      ] as const
    ).map(([what, run]) => ({
      name: `${what} is publishing`,
      code: pipeline('[]', `        - run: ${run}`),
      errors: [{ messageId: 'notNeeded', line: 18, column: 14 + run.indexOf(what.split(' ')[0]!), data: { job: 'publish', what, provenance: '`provenance`', suggestion: '`provenance`' } }],
    })),
    {
      name: 'a GitHub release action in a job without needs',
      code: pipeline('[]', '        - uses: softprops/action-gh-release@3d0d9888cb7fd7b750713d6e236d1fcb99157228 # v3.0.2\n          with: { files: dist/* }'),
      errors: [{ messageId: 'notNeeded', line: 18, column: 15 }],
    },
    {
      name: 'provenance that needs the publishing job runs after it',
      code: yaml`
        on: push
        jobs:
          publish:
            runs-on: ubuntu-latest
            outputs: { hashes: x }
            steps:
              - run: npm publish
          provenance:
            needs: publish
            uses: ${GEN}
            with: { base64-subjects: x }
      `,
      errors: [{ messageId: 'runsBefore', line: 7, column: 14, data: { job: 'publish', what: 'npm publish', provenance: '`provenance`' } }],
    },
    {
      name: 'an attestation after the upload in the same job',
      code: yaml`
        on: push
        jobs:
          publish:
            runs-on: ubuntu-latest
            steps:
              - run: uv publish
              - uses: actions/attest@1e69f48acb82d1966a394da916b4c1698aa569d6 # v4.2.2
                with: { subject-path: 'dist/*' }
      `,
      errors: [{ messageId: 'attestsAfter', line: 6, column: 14, data: { job: 'publish', what: 'uv publish' } }],
    },
    {
      name: 'one finding per job, at its first publishing step; a cyclic needs graph terminates (provenance → a → b)',
      code: yaml`
        on: push
        jobs:
          provenance: { needs: a, uses: '${GEN}', with: { base64-subjects: x } }
          a: { needs: b, runs-on: x, steps: [{ run: echo }] }
          b: { needs: a, runs-on: x, steps: [{ run: twine upload x }, { run: twine upload y }] }
      `,
      errors: [{ messageId: 'runsBefore', line: 5, column: 45, data: { job: 'b', what: 'twine upload', provenance: '`provenance`' } }],
    },
  ],
});

describe('publish-order over real workflows', () => {
  // The 37 real release workflows and actionlint's accepted workflows: every publisher in them
  // either has no provenance job in its workflow or needs it (see the report in the rule's notes).
  it.each(['real-world', 'actionlint-ok'] as const)('finds nothing in %s', async (corpus) => {
    const files = await readCorpus(corpus);
    expect(files.length).toBeGreaterThan(30);
    const findings = files.flatMap((f) =>
      lintText(f.bytes, f.name, { rules: [publishOrder] })
        .diagnostics.filter((d) => d.ruleId === publishOrder.meta.id)
        .map((d) => `${f.name}:${d.line}:${d.column} ${d.message}`),
    );
    expect(findings).toEqual([]);
  });
});
