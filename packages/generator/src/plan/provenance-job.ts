import type { Answers } from '../answers.js';
import { downloadStep, uploadStep } from './common-steps.js';
import type { PlanJob } from './types.js';

export const GENERATOR_REPO = 'slsa-framework/slsa-github-generator';
export const GENERATOR_WORKFLOW = '/.github/workflows/generator_generic_slsa3.yml';

/**
 * The SLSA generator's generic workflow: it signs in its own isolated job (Build L3). It must be
 * called by its `@vX.Y.Z` tag (it checks its own ref), with the permissions its nested jobs need.
 */
export function generatorJob(answers: Answers, provenanceFile: string): PlanJob {
  const attach = answers.publish !== 'none';
  return {
    id: 'provenance',
    name: 'Generate SLSA provenance',
    needs: ['build'],
    permissions: [
      { scope: 'actions', level: 'read', why: 'read the workflow run' },
      { scope: 'id-token', level: 'write', why: 'sign the provenance with Sigstore' },
      { scope: 'contents', level: 'write', why: 'attach the provenance to the release (checked even when upload-assets is false)' },
    ],
    uses: { action: GENERATOR_REPO, path: GENERATOR_WORKFLOW },
    usesComment:
      'Referenced by its vX.Y.Z tag, never a SHA: the generator verifies its own ref and a SHA pin fails the build.',
    with: {
      'base64-subjects': '${{ needs.build.outputs.hashes }}',
      'provenance-name': provenanceFile,
      'upload-assets': attach,
    },
  };
}

/**
 * GitHub artifact attestations in a job of their own, so the build job never holds an OIDC token.
 * The Sigstore bundle is kept as an artifact so it can be attached to the release too.
 */
export function attestJob(artifactName: string, artifactDir: string, provenanceFile: string): PlanJob {
  return {
    id: 'provenance',
    name: 'Attest build provenance',
    needs: ['build'],
    runsOn: 'ubuntu-latest',
    permissions: [
      { scope: 'id-token', level: 'write', why: 'sign the attestation with Sigstore' },
      { scope: 'attestations', level: 'write', why: 'store the attestation on GitHub' },
    ],
    steps: [
      downloadStep(artifactName, artifactDir),
      {
        name: 'Attest the artifacts',
        id: 'attest',
        uses: { action: 'actions/attest-build-provenance' },
        with: { 'subject-path': `${artifactDir}/*` },
      },
      {
        name: 'Keep the attestation bundle',
        env: { BUNDLE: '${{ steps.attest.outputs.bundle-path }}' },
        run: `mkdir -p provenance\ncp "$BUNDLE" provenance/${provenanceFile}\n`,
      },
      uploadStep('provenance', 'provenance'),
    ],
  };
}
