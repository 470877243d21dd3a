import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import type { ProjectFacts } from '@slsa-kit/generator';
import { FactsSummary } from './FactsSummary.js';
import { KEY, PYTHON_FACTS, plain, press, settled } from './testing.fixture.js';

afterEach(() => settled(cleanup));

const MIXED: ProjectFacts = {
  ecosystems: ['node', 'go'],
  name: 'tool',
  node: { packageManager: 'pnpm', hasLockfile: true, workspaces: ['packages/*', 'apps/*'], workspacePackages: [], nodeVersion: '20', private: true, hasBuildScript: true },
  go: { module: 'example.com/tool', goVersion: '1.22', mainPackages: ['cmd/a', 'cmd/b'], goreleaserConfig: '.goreleaser.yaml' },
  defaultBranch: 'trunk',
  workflows: [{ file: '.github/workflows/release.yml', release: true, generatedBySlsaInit: true }],
};

describe('FactsSummary', () => {
  it('shows every detected fact of a Python project', async () => {
    const { lastFrame } = await settled(() => render(<FactsSummary facts={PYTHON_FACTS} onContinue={() => undefined} />));
    const lines = plain(lastFrame()).split('\n').map((l) => l.trimEnd());
    expect(lines).toEqual([
      'Detected in this directory',
      'Ecosystems      python',
      'Name            demo',
      'Repository      octo/demo',
      'Default branch  main',
      'Python          build backend hatchling.build, Python 3.12',
      'Workflows       .github/workflows/ci.yml',
      '                .github/workflows/release.yml (release)',
      '',
      'Press Enter to continue',
    ]);
  });

  it('shows Node and Go facts, a missing remote, and a workflow written by slsa-init', async () => {
    const { lastFrame } = await settled(() => render(<FactsSummary facts={MIXED} onContinue={() => undefined} />));
    const frame = plain(lastFrame());
    expect(frame).toContain('Ecosystems      node, go\n');
    expect(frame).toContain('Repository      no GitHub remote found\n');
    expect(frame).toContain('Default branch  trunk\n');
    expect(frame).toContain('Node.js         pnpm, Node 20, workspaces packages/*, apps/*, private package\n');
    expect(frame).toContain('Go              module example.com/tool, main packages cmd/a, cmd/b, GoReleaser .goreleaser.yaml\n');
    expect(frame).toContain('Workflows       .github/workflows/release.yml (release, written by slsa-init)\n');
  });

  it('says what was not found', async () => {
    const facts: ProjectFacts = {
      ecosystems: [],
      name: 'bare',
      repository: { host: 'ghe.example.com', owner: 'o', name: 'r' },
      node: { packageManager: 'npm', hasLockfile: false, workspaces: [], workspacePackages: [], private: false, hasBuildScript: false },
      python: { buildFiles: ['setup.py'] },
      go: { module: 'm', mainPackages: [] },
      defaultBranch: 'main',
      workflows: [],
    };
    const frame = plain((await settled(() => render(<FactsSummary facts={facts} onContinue={() => undefined} />))).lastFrame());
    expect(frame).toContain('Ecosystems      none detected\n');
    expect(frame).toContain('Repository      o/r on ghe.example.com\n');
    expect(frame).toContain('Python          build backend not declared, Python version not pinned\n');
    expect(frame).toContain('Node.js         npm (no lockfile), Node version not pinned, no workspaces\n');
    expect(frame).toContain('Go              module m, no main package, no GoReleaser config\n');
    expect(frame).toContain('Workflows       none\n');
  });

  it('continues on Enter and on nothing else', async () => {
    const onContinue = vi.fn();
    const { stdin } = await settled(() => render(<FactsSummary facts={PYTHON_FACTS} onContinue={onContinue} />));
    await press(stdin, KEY.down, 'x');
    expect(onContinue).not.toHaveBeenCalled();
    await press(stdin, KEY.enter);
    expect(onContinue).toHaveBeenCalledTimes(1);
  });
});
