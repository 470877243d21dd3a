import { describe, expect, it } from 'vitest';
import { answerProblems, defaultAnswers, publishChoices, DEFAULT_OUTPUT } from './answers.js';
import { SAMPLE_FACTS } from './testing/facts.fixture.js';

describe('answers', () => {
  it('defaults by ecosystem', () => {
    expect(defaultAnswers(SAMPLE_FACTS.python)).toEqual({ ecosystem: 'python', provenance: 'slsa-generator', publish: 'pypi', trigger: 'tag', output: DEFAULT_OUTPUT });
    expect(defaultAnswers(SAMPLE_FACTS.node).publish).toBe('npm');
    expect(defaultAnswers({ ...SAMPLE_FACTS.node, node: { ...SAMPLE_FACTS.node.node!, private: true } }).publish).toBe('github-release');
    expect(defaultAnswers(SAMPLE_FACTS.go).publish).toBe('github-release');
    expect(defaultAnswers(SAMPLE_FACTS.generic).ecosystem).toBe('generic');
  });

  it('updates the existing release workflow instead of adding one', () => {
    const workflows = [
      { file: '.github/workflows/ci.yml', release: false, generatedBySlsaInit: false },
      { file: '.github/workflows/publish.yml', release: true, generatedBySlsaInit: false },
    ];
    expect(defaultAnswers({ ...SAMPLE_FACTS.python, workflows }).output).toBe('.github/workflows/publish.yml');
    expect(defaultAnswers({ ...SAMPLE_FACTS.python, workflows: [...workflows, { file: '.github/workflows/slsa.yml', release: true, generatedBySlsaInit: true }] }).output).toBe('.github/workflows/slsa.yml');
  });

  it('offers only the registries an ecosystem publishes to', () => {
    expect(publishChoices('python').map((c) => c.value)).toEqual(['pypi', 'github-release', 'none']);
    expect(publishChoices('go').map((c) => c.value)).toEqual(['github-release', 'none']);
  });

  it('collects every problem', () => {
    const problems = answerProblems({ ecosystem: 'generic', provenance: 'slsa-generator', publish: 'pypi', trigger: 'tag', output: 'release.yml' });
    expect(problems).toHaveLength(4);
    expect(answerProblems(defaultAnswers(SAMPLE_FACTS.python))).toEqual([]);
  });
});
