import { checkoutStep } from './common-steps.js';
import type { PlanStep } from './types.js';

/** The user's build command, then the artifacts matched by their glob copied into one directory. */
export function genericBuildSteps(buildCommand: string, artifacts: string, artifactDir: string): PlanStep[] {
  return [
    checkoutStep(),
    { name: 'Build', run: `${buildCommand.trim()}\n` },
    {
      name: 'Collect the artifacts',
      comment: 'One flat directory: the hashes name bare files, as they appear on the release.',
      run: `mkdir -p ${artifactDir}\ncp -- ${artifacts.trim()} ${artifactDir}/\n`,
    },
  ];
}
