import { describe, expect, it } from 'vitest';
import { loadWorkflow } from '@slsa-kit/core';
import { yaml } from '@slsa-kit/core/testing';
import { ghCreateUploadsFiles, provenanceJobs, provenanceSource, publishCommands } from './release-jobs.js';

const what = (script: string) => publishCommands(script).map((c) => `${c.what}@${c.start}`);

describe('publishCommands', () => {
  it.each([
    ['twine upload dist/*', ['twine upload@0']],
    ['python -m twine upload --skip-existing dist/*', ['twine upload@0']],
    ['cd dist; uv publish', ['uv publish@9']],
    ['npm ci && npm publish --provenance', ['npm publish@10']],
    ['pnpm --filter ./pkg publish', ['pnpm publish@0']],
    ['pnpm -r publish', ['pnpm publish@0']],
    ['yarn workspaces foreach -A npm publish', ['yarn npm publish@0']],
    ['if [ x ]; then gh release upload v1 a.whl; fi', ['gh release upload@15']],
    ['gh release create v1 dist/*', ['gh release create@0']],
    ['gh release create v1 --notes "x" --draft', []],
    ['gh release create "$T" \\\n  --title "$T" \\\n  dist/*.whl', ['gh release create@0']],
    ['gh release create --title=x v1', []],
    ['gh release create v1 -- dist/a', ['gh release create@0']],
    ['npm publish --dry-run', []],
    ['# npm publish\necho ok', []],
    ['echo "run npm publish later"', []],
    ['npm-publish-helper', []],
  ])('%j', (script, expected) => expect(what(script)).toEqual(expected));

  it('reads gh release create arguments up to the end of the command', () => {
    expect(ghCreateUploadsFiles(' v1 && ls dist')).toBe(false);
    expect(ghCreateUploadsFiles(' v1 -R o/r a.tgz')).toBe(true);
  });
});

describe('provenance jobs', () => {
  it('are generator calls and jobs with an attest step', () => {
    const { workflow } = loadWorkflow(
      yaml`
        on: push
        jobs:
          gen: { uses: 'Slsa-Framework/slsa-github-generator/.github/workflows/builder_go_slsa3.yml@v2.1.0' }
          other: { uses: 'octo/reusable/.github/workflows/x.yml@v1' }
          attest: { runs-on: x, steps: [{ run: echo }, { uses: 'actions/attest@v4' }] }
          plain: { runs-on: x, steps: [{ uses: 'actions/checkout@v6' }] }
      `,
      'w.yml',
    );
    expect(provenanceJobs(workflow!).map((j) => j.id)).toEqual(['gen', 'attest']);
    expect(provenanceSource(workflow!.jobsById.get('gen')!)).toEqual({ kind: 'generator', file: 'builder_go_slsa3.yml' });
    expect(provenanceSource(workflow!.jobsById.get('attest')!)).toEqual({ kind: 'attest', stepIndex: 1 });
  });
});
