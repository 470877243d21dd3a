import type { NodeFacts, ProjectFacts } from '../facts.js';
import { checkoutStep } from './common-steps.js';
import { shellWord } from './names.js';
import type { PlanStep } from './types.js';

const DEFAULT_NODE = '22';

function installCommand(node: NodeFacts | undefined): string {
  switch (node?.packageManager) {
    case 'pnpm':
      return 'corepack enable\npnpm install --frozen-lockfile\n';
    case 'yarn':
      return 'corepack enable\nyarn install --immutable\n';
    case 'bun':
      // bun is not installed on the runner by a pinned action here; npm reads the same package.json.
      return 'npm install --no-audit --no-fund\n';
    default:
      return node?.hasLockfile === false ? 'npm install --no-audit --no-fund\n' : 'npm ci\n';
  }
}

function runScript(node: NodeFacts | undefined, script: string): string {
  const pm = node?.packageManager === 'pnpm' || node?.packageManager === 'yarn' ? node.packageManager : 'npm';
  return `${pm} run ${script}`;
}

/** Install, build when there is a build script, then `npm pack` into `dist/`. */
export function nodeBuildSteps(facts: ProjectFacts): PlanStep[] {
  const node = facts.node;
  const workspaces = (node?.workspaces.length ?? 0) > 0;
  const steps: PlanStep[] = [
    checkoutStep(),
    {
      name: 'Set up Node.js',
      comment: 'No dependency cache in a release job: a poisoned cache would end up in the artifacts.',
      uses: { action: 'actions/setup-node' },
      with: { 'node-version': node?.nodeVersion ?? DEFAULT_NODE, 'package-manager-cache': false },
    },
    { name: 'Install dependencies', run: installCommand(node) },
  ];
  if (node?.hasBuildScript === true) steps.push({ name: 'Build', run: `${runScript(node, 'build')}\n` });
  // In a workspace, only the packages that can be published are packed: a private one has no
  // place on the registry, and its tarball would make the publish loop fail.
  const published = (node?.workspacePackages ?? []).filter((p) => !p.private);
  const which = !workspaces ? '' : published.length === 0 ? '--workspaces ' : published.map((p) => `--workspace ${shellWord(p.name)} `).join('');
  steps.push({
    name: workspaces ? 'Pack the workspace packages' : 'Pack the package',
    run: `mkdir -p dist\nnpm pack ${which}--pack-destination dist\n`,
  });
  return steps;
}
