import type { PlanStep } from './types.js';

/** Checks out the tagged source without leaving the token in `.git/config` (zizmor's artipacked). */
export function checkoutStep(): PlanStep {
  return {
    name: 'Check out the source',
    uses: { action: 'actions/checkout' },
    with: { 'persist-credentials': false },
  };
}

/**
 * Writes `hashes` (base64 of `sha256sum` lines) for the SLSA generator's `base64-subjects`. It runs
 * inside the artifact directory so subject names are bare file names, as on the release page.
 */
export function hashStep(artifactDir: string): PlanStep {
  return {
    name: 'Hash the artifacts for provenance',
    id: 'hash',
    workingDirectory: artifactDir,
    run: 'echo "hashes=$(sha256sum * | base64 -w0)" >> "$GITHUB_OUTPUT"',
  };
}

/** Hands the built files to later jobs; failing when nothing was built beats empty provenance. */
export function uploadStep(artifactName: string, artifactDir: string): PlanStep {
  return {
    name: `Upload ${artifactName} for later jobs`,
    uses: { action: 'actions/upload-artifact' },
    with: { name: artifactName, path: `${artifactDir}/`, 'if-no-files-found': 'error' },
  };
}

/** Downloads the built files in a later job, into the directory they were built in. */
export function downloadStep(artifactName: string, artifactDir: string): PlanStep {
  return {
    name: `Download ${artifactName}`,
    uses: { action: 'actions/download-artifact' },
    with: { name: artifactName, path: `${artifactDir}/` },
  };
}
