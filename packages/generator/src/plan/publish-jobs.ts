import type { Answers } from '../answers.js';
import type { ProjectFacts } from '../facts.js';
import { downloadStep } from './common-steps.js';
import { npmPackages } from './names.js';
import type { PlanJob, PlanStep } from './types.js';

/** Where a package's page lives on its registry, for the environment's URL. */
function registryUrl(publish: 'pypi' | 'npm', name: string): string {
  return publish === 'pypi' ? `https://pypi.org/project/${name}/` : `https://www.npmjs.com/package/${name}`;
}

/** PyPI Trusted Publishing: OIDC instead of a token, PEP 740 attestations by default. */
function pypiSteps(artifactName: string, artifactDir: string): PlanStep[] {
  return [
    downloadStep(artifactName, artifactDir),
    { name: 'Publish to PyPI with Trusted Publishing', uses: { action: 'pypa/gh-action-pypi-publish' } },
  ];
}

/** npm trusted publishing needs npm ≥ 11.5.1, which Node 24 ships; `--provenance` links the build. */
function npmSteps(artifactName: string, artifactDir: string): PlanStep[] {
  return [
    downloadStep(artifactName, artifactDir),
    {
      name: 'Set up Node.js for publishing',
      uses: { action: 'actions/setup-node' },
      with: { 'node-version': '24', 'registry-url': 'https://registry.npmjs.org', 'package-manager-cache': false },
    },
    {
      name: 'Publish to npm with trusted publishing',
      run: `for tarball in ${artifactDir}/*.tgz; do\n  npm publish "$tarball" --provenance --access public\ndone\n`,
    },
  ];
}

/** The registry job, inside an environment so releases can require a reviewer. */
export function registryJob(facts: ProjectFacts, answers: Answers, artifactName: string, artifactDir: string): PlanJob | undefined {
  if (answers.publish !== 'pypi' && answers.publish !== 'npm') return undefined;
  const pypi = answers.publish === 'pypi';
  return {
    id: pypi ? 'publish-pypi' : 'publish-npm',
    name: pypi ? 'Publish to PyPI' : 'Publish to npm',
    comment: 'Publishes only after the provenance exists: a release never ships without it.',
    needs: ['build', 'provenance'],
    runsOn: 'ubuntu-latest',
    environment: { name: answers.publish, url: registryUrl(answers.publish, answers.publish === 'npm' ? npmPackages(facts)[0]! : facts.name) },
    permissions: [{ scope: 'id-token', level: 'write', why: 'trusted publishing (OIDC), no long-lived token' }],
    steps: pypi ? pypiSteps(artifactName, artifactDir) : npmSteps(artifactName, artifactDir),
  };
}

/**
 * Attaches the artifacts (and, for attestations, the bundle; the generator attaches its own
 * provenance) to the GitHub Release, creating the release for a tag push when none exists yet.
 */
export function releaseJob(answers: Answers, artifactName: string, artifactDir: string): PlanJob | undefined {
  if (answers.publish === 'none') return undefined;
  const attestations = answers.provenance === 'attestations';
  const steps: PlanStep[] = [downloadStep(artifactName, artifactDir)];
  if (attestations) steps.push(downloadStep('provenance', 'provenance'));
  const files = attestations ? `${artifactDir}/* provenance/*` : `${artifactDir}/*`;
  const create =
    answers.trigger === 'tag'
      ? 'gh release view "$GITHUB_REF_NAME" --repo "$GITHUB_REPOSITORY" >/dev/null 2>&1 ||\n  gh release create "$GITHUB_REF_NAME" --repo "$GITHUB_REPOSITORY" --verify-tag --generate-notes\n'
      : '';
  steps.push({
    name: 'Attach the files to the GitHub Release',
    env: { GH_TOKEN: '${{ github.token }}' },
    run: `${create}gh release upload "$GITHUB_REF_NAME" ${files} --repo "$GITHUB_REPOSITORY" --clobber\n`,
  });
  return {
    id: 'release',
    name: 'Attach to the GitHub Release',
    needs: ['build', 'provenance'],
    runsOn: 'ubuntu-latest',
    permissions: [{ scope: 'contents', level: 'write', why: 'upload release assets' }],
    steps,
  };
}
