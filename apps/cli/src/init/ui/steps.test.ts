import { describe, expect, it } from 'vitest';
import { defaultPublish, publishFits, wizardSteps, type FixedQuestion } from './steps.js';

const none: ReadonlySet<FixedQuestion> = new Set();

describe('wizardSteps', () => {
  it('asks every question for a non-generic project', () => {
    expect(wizardSteps(none, 'pypi', 'python', false)).toEqual(['facts', 'ecosystem', 'provenance', 'publish', 'trigger', 'preview', 'confirm']);
  });

  it('adds the build command and artifact glob for a generic project, right after the ecosystem', () => {
    expect(wizardSteps(none, 'none', 'generic', false)).toEqual(['facts', 'ecosystem', 'buildCommand', 'artifacts', 'provenance', 'publish', 'trigger', 'preview', 'confirm']);
  });

  it('skips fixed questions and the confirmation of an unchanged file', () => {
    const fixed = new Set<FixedQuestion>(['ecosystem', 'provenance', 'publish', 'trigger']);
    expect(wizardSteps(fixed, 'npm', 'node', true)).toEqual(['facts', 'preview']);
  });

  it('still asks a fixed publish target that the ecosystem cannot use', () => {
    expect(wizardSteps(new Set<FixedQuestion>(['publish']), 'pypi', 'go', false)).toContain('publish');
    expect(wizardSteps(new Set<FixedQuestion>(['publish']), 'github-release', 'go', false)).not.toContain('publish');
  });
});

describe('defaultPublish', () => {
  it('keeps a target the ecosystem allows and otherwise takes its first', () => {
    expect(publishFits('npm', 'node')).toBe(true);
    expect(defaultPublish('none', 'python')).toBe('none');
    expect(defaultPublish('pypi', 'node')).toBe('npm');
    expect(defaultPublish('npm', 'go')).toBe('github-release');
  });
});
