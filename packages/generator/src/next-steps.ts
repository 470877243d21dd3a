import type { Answers } from './answers.js';
import type { ProjectFacts } from './facts.js';
import { binaryName } from './plan/build-go.js';
import { npmPackages, safeName } from './plan/names.js';
import type { PipelinePlan } from './plan/types.js';

/** A first release's tag for the examples. */
const EXAMPLE_TAG = 'v1.0.0';

function repoOf(facts: ProjectFacts): { owner: string; repo: string; known: boolean } {
  return facts.repository
    ? { owner: facts.repository.owner, repo: facts.repository.name, known: true }
    : { owner: 'OWNER', repo: 'REPO', known: false };
}

function firstArtifact(facts: ProjectFacts, answers: Answers): string {
  const version = EXAMPLE_TAG.slice(1);
  const base = npmPackages(facts)[0]!.replace(/^@/, '').replace('/', '-');
  switch (answers.ecosystem) {
    case 'python':
      return `${facts.name.replace(/[-.]+/g, '_').toLowerCase()}-${version}.tar.gz`;
    case 'node':
      return `${base}-${version}.tgz`;
    case 'go': {
      const main = facts.go?.mainPackages[0];
      return main === undefined ? `${safeName(facts.name)}-${EXAMPLE_TAG}.tar.gz` : `${binaryName(facts, main)}-linux-amd64`;
    }
    default:
      return answers.artifacts?.split('/').pop()?.includes('*') === false ? answers.artifacts.split('/').pop()! : 'ARTIFACT';
  }
}

/** The verify command a user runs on the first release's files. */
function verifyCommand(facts: ProjectFacts, answers: Answers, plan: PipelinePlan): string {
  const { owner, repo } = repoOf(facts);
  const artifact = firstArtifact(facts, answers);
  if (answers.provenance === 'slsa-generator') {
    return `npx slsa-verify verify-artifact ${artifact} --provenance-path ${plan.provenanceFile} --source-uri github.com/${owner}/${repo} --source-tag ${EXAMPLE_TAG}`;
  }
  const workflow = `https://github.com/${owner}/${repo}/${answers.output}`;
  return `npx slsa-verify verify-github-attestation ${artifact} --attestation-path ${plan.provenanceFile} --source-uri github.com/${owner}/${repo} --signer-workflow ${workflow} --source-tag ${EXAMPLE_TAG}`;
}

function publisherLines(facts: ProjectFacts, answers: Answers, plan: PipelinePlan): string[] {
  const { owner, repo } = repoOf(facts);
  const workflow = answers.output.split('/').pop() ?? answers.output;
  const fields = `owner ${owner}, repository ${repo}, workflow ${workflow}, environment ${plan.environment ?? '(none)'}`;
  if (answers.publish === 'pypi') {
    return [
      `Register the trusted publisher on PyPI: https://pypi.org/manage/project/${facts.name}/settings/publishing/`,
      `  (a project not yet on PyPI: a "pending publisher" at https://pypi.org/manage/account/publishing/) with ${fields}.`,
    ];
  }
  if (answers.publish === 'npm') {
    const packages = npmPackages(facts);
    return [
      `Register a trusted publisher (GitHub Actions) on npm for ${packages.length > 1 ? 'each package' : 'the package'} with ${fields}:`,
      ...packages.map((name) => `  https://www.npmjs.com/package/${name}/access`),
      '  (the first version of a new package must be published once by hand).',
    ];
  }
  return [];
}

/** The numbered "next steps" printed after the workflow is written. */
export function nextSteps(facts: ProjectFacts, answers: Answers, plan: PipelinePlan): string {
  const { owner, repo, known } = repoOf(facts);
  const steps: string[][] = [];
  if (!known) steps.push(['No GitHub remote was found: replace OWNER/REPO below with your repository.']);
  steps.push([`Review and commit ${answers.output}, then push it to ${facts.defaultBranch}.`]);
  const publisher = publisherLines(facts, answers, plan);
  if (publisher.length > 0) steps.push(publisher);
  if (plan.environment) {
    steps.push([
      `Create the environment "${plan.environment}": https://github.com/${owner}/${repo}/settings/environments`,
      '  (add required reviewers so that every release is approved by a person).',
    ]);
  }
  steps.push([
    answers.trigger === 'tag'
      ? `Release by pushing a tag: git tag ${EXAMPLE_TAG} && git push origin ${EXAMPLE_TAG}`
      : `Release by publishing a GitHub Release for a tag such as ${EXAMPLE_TAG}: https://github.com/${owner}/${repo}/releases/new`,
  ]);
  if (answers.publish !== 'none') {
    steps.push([`Download a file and ${plan.provenanceFile} from the release, then verify them:`, `  ${verifyCommand(facts, answers, plan)}`]);
  } else {
    steps.push([`The provenance stays a workflow artifact of the run; verify a downloaded file with:`, `  ${verifyCommand(facts, answers, plan)}`]);
  }
  return ['Next steps:', ...steps.map((lines, i) => `  ${i + 1}. ${lines.join('\n     ')}`)].join('\n');
}
