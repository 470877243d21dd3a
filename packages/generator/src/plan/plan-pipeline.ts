import type { Answers } from '../answers.js';
import type { ProjectFacts } from '../facts.js';
import { goBuildSteps } from './build-go.js';
import { genericBuildSteps } from './build-generic.js';
import { nodeBuildSteps } from './build-node.js';
import { pythonBuildSteps } from './build-python.js';
import { hashStep, uploadStep } from './common-steps.js';
import { safeName } from './names.js';
import { attestJob, generatorJob } from './provenance-job.js';
import { registryJob, releaseJob } from './publish-jobs.js';
import type { PipelinePlan, PlanJob, PlanStep } from './types.js';

function buildSteps(facts: ProjectFacts, answers: Answers, artifactDir: string): PlanStep[] {
  switch (answers.ecosystem) {
    case 'python':
      return pythonBuildSteps(facts);
    case 'node':
      return nodeBuildSteps(facts);
    case 'go':
      return goBuildSteps(facts);
    case 'generic':
      return genericBuildSteps(answers.buildCommand ?? '', answers.artifacts ?? '', artifactDir);
  }
}

/**
 * Answers → the pipeline: build (no token beyond `contents: read`) → provenance → publish jobs
 * that need the provenance job, each with only the permissions it uses.
 */
export function planPipeline(facts: ProjectFacts, answers: Answers): PipelinePlan {
  const artifactDir = answers.ecosystem === 'generic' ? 'release-artifacts' : 'dist';
  const artifactName = answers.ecosystem === 'python' ? 'python-package-distributions' : 'release-artifacts';
  const generator = answers.provenance === 'slsa-generator';
  const provenanceFile = `${safeName(facts.name)}${generator ? '.intoto.jsonl' : '.sigstore.json'}`;
  const steps = buildSteps(facts, answers, artifactDir);
  if (generator) steps.push(hashStep(artifactDir));
  steps.push(uploadStep(artifactName, artifactDir));
  const build: PlanJob = {
    id: 'build',
    name: 'Build',
    comment: 'Builds with a read-only token: nothing here can sign or publish.',
    needs: [],
    runsOn: 'ubuntu-latest',
    permissions: [{ scope: 'contents', level: 'read', why: 'check out the source' }],
    outputs: generator ? { hashes: '${{ steps.hash.outputs.hashes }}' } : undefined,
    steps,
  };
  const provenance = generator ? generatorJob(answers, provenanceFile) : attestJob(artifactName, artifactDir, provenanceFile);
  const registry = registryJob(facts, answers, artifactName, artifactDir);
  const release = releaseJob(answers, artifactName, artifactDir);
  const jobs = [build, provenance, ...(release ? [release] : []), ...(registry ? [registry] : [])];
  return {
    workflowName: 'Release',
    trigger: answers.trigger,
    jobs,
    provenanceJob: provenance.id,
    artifactName,
    artifactDir,
    provenanceFile,
    environment: registry?.environment?.name,
  };
}
