import { describe, expect, it } from 'vitest';
import { parseActionRef } from './action-ref.js';
import { KNOWN_ACTIONS, findKnownAction, suggestKnownAction } from './known-actions.js';

const GENERIC = 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml';

describe('known actions', () => {
  it('covers the actions and workflows slsa-kit lints', () => {
    for (const name of [
      'actions/checkout',
      'actions/setup-python',
      'actions/setup-node',
      'actions/setup-go',
      'actions/upload-artifact',
      'actions/download-artifact',
      'actions/cache',
      'actions/attest',
      'actions/attest-build-provenance',
      'pypa/gh-action-pypi-publish',
      'softprops/action-gh-release',
      'sigstore/gh-action-sigstore-python',
      GENERIC,
      'slsa-framework/slsa-github-generator/.github/workflows/generator_container_slsa3.yml',
      'slsa-framework/slsa-github-generator/.github/workflows/builder_go_slsa3.yml',
      'slsa-framework/slsa-github-generator/.github/workflows/builder_nodejs_slsa3.yml',
    ]) {
      expect(KNOWN_ACTIONS.has(name), name).toBe(true);
    }
  });

  it('describes the generic generator workflow', () => {
    const generic = findKnownAction(GENERIC)!;
    expect(generic.kind).toBe('workflow');
    expect([...generic.inputs.keys()]).toEqual(
      expect.arrayContaining([
        'base64-subjects',
        'base64-subjects-as-file',
        'upload-assets',
        'upload-tag-name',
        'provenance-name',
        'attestation-name',
        'private-repository',
        'continue-on-error',
        'draft-release',
        'compile-generator',
      ]),
    );
    expect(generic.inputs.get('attestation-name')?.deprecated).toContain('provenance-name');
    expect(generic.outputs).toEqual(new Set(['release-id', 'provenance-name', 'outcome']));
    expect(generic.secrets).toEqual(new Set());
  });

  it('decodes required, deprecated and case', () => {
    const upload = findKnownAction('Actions/Upload-Artifact')!;
    expect(upload.kind).toBe('action');
    expect(upload.secrets).toBeUndefined();
    expect(upload.inputs.get('path')).toEqual({ name: 'path', required: true });
    expect(upload.inputs.get('name')).toEqual({ name: 'name', required: false });
    expect(findKnownAction('pypa/gh-action-pypi-publish')!.inputs.get('skip_existing')?.deprecated).toBe('use `skip-existing` instead');
    expect(findKnownAction('actions/cache')!.inputs.get('enablecrossosarchive')?.name).toBe('enableCrossOsArchive');
    expect(findKnownAction('actions/cache')!.inputs.get('save-always')?.deprecated).toBeDefined();
  });

  it('finds the entry for a parsed ref', () => {
    const ref = parseActionRef(`${GENERIC}@v2.1.0`);
    expect(ref.kind === 'repository' && findKnownAction(ref.name)?.name).toBe(GENERIC);
  });
});

describe('suggestKnownAction', () => {
  it.each([
    ['actions/upload-artifacts', 'actions/upload-artifact', 1],
    ['actions/chekout', 'actions/checkout', 1],
    ['actions/chcekout', 'actions/checkout', 1],
    ['action/checkout', 'actions/checkout', 1],
    ['actoins/setup-python', 'actions/setup-python', 1],
    ['pypa/gh-action-pypi-publsh', 'pypa/gh-action-pypi-publish', 1],
    ['slsa-framwork/slsa-github-generator/.github/workflows/builder_go_slsa3.yml', 'slsa-framework/slsa-github-generator/.github/workflows/builder_go_slsa3.yml', 1],
    ['slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa.yml', GENERIC, 1],
    ['actions/upload-artifactss', 'actions/upload-artifact', 2], // long names allow two edits
    // A look-alike repository holding the real workflow path: far in edit distance, caught by path.
    ['slsa-framework/slsa-github-builder/.github/workflows/generator_generic_slsa3.yml', GENERIC, 0],
  ] as const)('%s → %s', (name, expected, distance) => {
    expect(suggestKnownAction(name)).toMatchObject({ action: { name: expected }, distance });
  });

  it.each([
    'actions/checkout', // known
    'Actions/Checkout',
    'actions/setup-java', // real, unrelated
    'actions/setup-r', // two edits from setup-go, but short names allow one
    'actions/upload-pages-artifact',
    'actions/cache/restore',
    'actions/attest-sbom',
    'someone/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml', // a fork, not a typo
    'slsa-framework/slsa-github-builder', // no path to match on
  ])('%s has no suggestion', (name) => {
    expect(suggestKnownAction(name)).toBeUndefined();
  });
});
