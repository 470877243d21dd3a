import { describe, expect, it } from 'vitest';
import { embeddedPinDatabase } from '@slsa-kit/core/pins/embedded';
import { DEFAULT_OUTPUT } from './answers.js';
import { embeddedPins, requiredActions } from './pins.js';
import { planPipeline } from './plan/plan-pipeline.js';
import { SAMPLE_FACTS } from './testing/facts.fixture.js';

describe('pins', () => {
  it('lists each action of a plan once, and pins it to the newest recorded release', () => {
    const plan = planPipeline(SAMPLE_FACTS.python, { ecosystem: 'python', provenance: 'slsa-generator', publish: 'pypi', trigger: 'tag', output: DEFAULT_OUTPUT });
    const actions = requiredActions(plan);
    expect(actions).toEqual([
      'actions/checkout',
      'actions/download-artifact',
      'actions/setup-python',
      'actions/upload-artifact',
      'pypa/gh-action-pypi-publish',
      'slsa-framework/slsa-github-generator',
    ]);
    const pins = embeddedPins(actions);
    for (const action of actions) {
      const newest = embeddedPinDatabase.actions[action]!.releases[0]!;
      expect(pins.get(action)).toMatchObject({ sha: newest.sha, tag: newest.tag });
    }
    expect(pins.get('slsa-framework/slsa-github-generator')?.byTag).toBe(true);
    expect(pins.get('actions/checkout')?.byTag).toBe(false);
  });

  it('fails with a coded error for an action the database lacks', () => {
    expect(() => embeddedPins(['acme/not-recorded'])).toThrow(expect.objectContaining({ code: 'pin-missing' }));
  });
});
