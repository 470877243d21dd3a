import type { Ecosystem, ProjectFacts } from '../facts.js';

const repository = { host: 'github.com', owner: 'acme', name: 'widget' } as const;

/** One representative detected project per ecosystem: what the golden files are generated from. */
export const SAMPLE_FACTS: Readonly<Record<Ecosystem, ProjectFacts>> = {
  python: {
    ecosystems: ['python'],
    name: 'acme-widget',
    python: { buildFiles: ['pyproject.toml'], buildBackend: 'hatchling.build', pythonVersion: '3.12' },
    repository,
    defaultBranch: 'main',
    workflows: [],
  },
  node: {
    ecosystems: ['node'],
    name: '@acme/widget',
    node: { packageManager: 'npm', hasLockfile: true, workspaces: [], nodeVersion: '20', private: false, hasBuildScript: true, workspacePackages: [] },
    repository,
    defaultBranch: 'main',
    workflows: [],
  },
  go: {
    ecosystems: ['go'],
    name: 'widget',
    go: { module: 'github.com/acme/widget', goVersion: '1.23', mainPackages: ['cmd/widget'] },
    repository,
    defaultBranch: 'main',
    workflows: [],
  },
  generic: { ecosystems: [], name: 'widget', repository, defaultBranch: 'main', workflows: [] },
};

/** The generic ecosystem's answers in the golden files. */
export const GENERIC_BUILD = { buildCommand: 'make dist', artifacts: 'out/*.tar.gz' } as const;
