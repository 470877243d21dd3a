import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTPUT, type Answers } from './answers.js';
import { nextSteps } from './next-steps.js';
import { planPipeline } from './plan/plan-pipeline.js';
import { SAMPLE_FACTS } from './testing/facts.fixture.js';

const python: Answers = { ecosystem: 'python', provenance: 'slsa-generator', publish: 'pypi', trigger: 'tag', output: DEFAULT_OUTPUT };

describe('nextSteps', () => {
  it('names the trusted publisher, the environment and the exact verify command', () => {
    const text = nextSteps(SAMPLE_FACTS.python, python, planPipeline(SAMPLE_FACTS.python, python));
    expect(text).toContain('owner acme, repository widget, workflow release.yml, environment pypi');
    expect(text).toContain('Create the environment "pypi": https://github.com/acme/widget/settings/environments');
    expect(text).toContain(
      'npx slsa-verify verify-artifact acme_widget-1.0.0.tar.gz --provenance-path acme-widget.intoto.jsonl --source-uri github.com/acme/widget --source-tag v1.0.0',
    );
  });

  it('says when the repository is unknown, and uses the attestation command', () => {
    const facts = { ...SAMPLE_FACTS.node, repository: undefined };
    const answers: Answers = { ...python, ecosystem: 'node', publish: 'npm', provenance: 'attestations' };
    const text = nextSteps(facts, answers, planPipeline(facts, answers));
    expect(text).toContain('No GitHub remote was found');
    expect(text).toContain('verify-github-attestation acme-widget-1.0.0.tgz --attestation-path acme-widget.sigstore.json --source-uri github.com/OWNER/REPO');
  });
});

describe('nextSteps artifacts', () => {
  it('names a real release file for Go and generic builds', () => {
    const go: Answers = { ...python, ecosystem: 'go', publish: 'github-release' };
    expect(nextSteps(SAMPLE_FACTS.go, go, planPipeline(SAMPLE_FACTS.go, go))).toContain('verify-artifact widget-linux-amd64 --provenance-path widget.intoto.jsonl');
    const generic: Answers = { ...python, ecosystem: 'generic', publish: 'github-release', buildCommand: 'make', artifacts: 'out/widget.tar.gz' };
    expect(nextSteps(SAMPLE_FACTS.generic, generic, planPipeline(SAMPLE_FACTS.generic, generic))).toContain('verify-artifact widget.tar.gz ');
  });
});

describe('nextSteps for an npm workspace', () => {
  it('lists every public workspace package for trusted publishing', () => {
    const facts = {
      ...SAMPLE_FACTS.node,
      node: { ...SAMPLE_FACTS.node.node!, private: true, workspaces: ['packages/*'], workspacePackages: [
        { dir: 'packages/a', name: '@acme/a', private: false },
        { dir: 'packages/b', name: '@acme/b', private: false },
        { dir: 'packages/t', name: 'tools', private: true },
      ] },
    };
    const answers: Answers = { ...python, ecosystem: 'node', publish: 'npm' };
    const plan = planPipeline(facts, answers);
    const text = nextSteps(facts, answers, plan);
    expect(text).toContain('https://www.npmjs.com/package/@acme/a/access\n       https://www.npmjs.com/package/@acme/b/access\n');
    expect(text).not.toContain('package/tools');
    expect(text).toContain('verify-artifact acme-a-1.0.0.tgz');
    expect(plan.jobs.find((j) => j.id === 'publish-npm')?.environment?.url).toBe('https://www.npmjs.com/package/@acme/a');
  });
});
