import { describe, expect, it } from 'vitest';
import { formatMarker, type ProjectFacts } from '@slsa-kit/generator';
import { initialAnswers, recordedAnswers } from './answers.js';

const facts: ProjectFacts = { ecosystems: ['node'], name: 'x', node: { packageManager: 'npm', hasLockfile: true, workspaces: [], workspacePackages: [], private: false, hasBuildScript: false }, defaultBranch: 'main', workflows: [] };

describe('init answers', () => {
  it('reads the answers a previous run recorded, decoding the generic fields', () => {
    const text = `# h\n${formatMarker([['ecosystem', 'generic'], ['provenance', 'attestations'], ['build-command', encodeURIComponent('make dist && ls')], ['artifacts', encodeURIComponent('out/*')]], 'b\n')}\nb\n`;
    expect(recordedAnswers(text)).toEqual({ ecosystem: 'generic', provenance: 'attestations', buildCommand: 'make dist && ls', artifacts: 'out/*' });
    expect(recordedAnswers('name: x\n')).toEqual({});
    expect(recordedAnswers(undefined)).toEqual({});
  });

  it('layers detected defaults, recorded answers and flags', () => {
    expect(initialAnswers(facts, {}, {})).toMatchObject({ ecosystem: 'node', publish: 'npm', provenance: 'slsa-generator' });
    expect(initialAnswers(facts, { provenance: 'attestations' }, {})).toMatchObject({ provenance: 'attestations' });
    expect(initialAnswers(facts, { provenance: 'attestations' }, { provenance: 'slsa-generator' })).toMatchObject({ provenance: 'slsa-generator' });
  });

  it('moves the publish default with a changed ecosystem', () => {
    expect(initialAnswers(facts, {}, { ecosystem: 'python' }).publish).toBe('pypi');
    expect(initialAnswers(facts, {}, { ecosystem: 'go' }).publish).toBe('github-release');
    expect(initialAnswers(facts, {}, { ecosystem: 'go', publish: 'none' }).publish).toBe('none');
  });
});
