import type { ProjectFacts } from '@slsa-kit/generator';

/** One row of the facts summary; an empty label continues the row above. */
export interface FactLine {
  readonly label: string;
  readonly value: string;
}

/**
 * The detected facts as label/value rows, in the order the wizard asks about them. Unknown values
 * are said in words ("not declared") rather than left out, so that the user can see what
 * detection looked for and did not find.
 */
export function factLines(facts: ProjectFacts): FactLine[] {
  const repo = facts.repository;
  const lines: FactLine[] = [
    { label: 'Ecosystems', value: facts.ecosystems.length > 0 ? facts.ecosystems.join(', ') : 'none detected' },
    { label: 'Name', value: facts.name },
    { label: 'Repository', value: repo ? `${repo.owner}/${repo.name}${repo.host === 'github.com' ? '' : ` on ${repo.host}`}` : 'no GitHub remote found' },
    { label: 'Default branch', value: facts.defaultBranch },
  ];
  if (facts.python) {
    const py = facts.python;
    lines.push({ label: 'Python', value: `build backend ${py.buildBackend ?? 'not declared'}, Python ${py.pythonVersion ?? 'version not pinned'}` });
  }
  if (facts.node) {
    const node = facts.node;
    const workspaces = node.workspaces.length > 0 ? `workspaces ${node.workspaces.join(', ')}` : 'no workspaces';
    const lockfile = node.hasLockfile ? '' : ' (no lockfile)';
    const privacy = node.private ? ', private package' : '';
    lines.push({ label: 'Node.js', value: `${node.packageManager}${lockfile}, Node ${node.nodeVersion ?? 'version not pinned'}, ${workspaces}${privacy}` });
  }
  if (facts.go) {
    const go = facts.go;
    const mains = go.mainPackages.length > 0 ? `main packages ${go.mainPackages.join(', ')}` : 'no main package';
    lines.push({ label: 'Go', value: `module ${go.module}, ${mains}, ${go.goreleaserConfig ? `GoReleaser ${go.goreleaserConfig}` : 'no GoReleaser config'}` });
  }
  if (facts.workflows.length === 0) lines.push({ label: 'Workflows', value: 'none' });
  facts.workflows.forEach((w, i) => {
    const notes = [w.release ? 'release' : '', w.generatedBySlsaInit ? 'written by slsa-init' : ''].filter(Boolean);
    lines.push({ label: i === 0 ? 'Workflows' : '', value: notes.length > 0 ? `${w.file} (${notes.join(', ')})` : w.file });
  });
  return lines;
}
