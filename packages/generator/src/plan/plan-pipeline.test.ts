import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTPUT, type Answers } from '../answers.js';
import { SAMPLE_FACTS } from '../testing/facts.fixture.js';
import { planPipeline } from './plan-pipeline.js';
import type { PipelinePlan } from './types.js';

const base: Answers = { ecosystem: 'python', provenance: 'slsa-generator', publish: 'pypi', trigger: 'tag', output: DEFAULT_OUTPUT };
const job = (plan: PipelinePlan, id: string) => plan.jobs.find((j) => j.id === id)!;
const grants = (plan: PipelinePlan, id: string) => job(plan, id).permissions.map((p) => `${p.scope}:${p.level}`);

describe('planPipeline', () => {
  it('wires build → provenance → publish with least privilege (generator)', () => {
    const plan = planPipeline(SAMPLE_FACTS.python, base);
    expect(plan.jobs.map((j) => [j.id, j.needs])).toEqual([
      ['build', []],
      ['provenance', ['build']],
      ['release', ['build', 'provenance']],
      ['publish-pypi', ['build', 'provenance']],
    ]);
    expect(grants(plan, 'build')).toEqual(['contents:read']);
    expect(grants(plan, 'provenance')).toEqual(['actions:read', 'id-token:write', 'contents:write']);
    expect(grants(plan, 'publish-pypi')).toEqual(['id-token:write']);
    expect(grants(plan, 'release')).toEqual(['contents:write']);
    expect(job(plan, 'publish-pypi').environment).toEqual({ name: 'pypi', url: 'https://pypi.org/project/acme-widget/' });
    // Subjects: step id → job output → the generator input.
    expect(job(plan, 'build').steps!.find((s) => s.id === 'hash')?.run).toContain('sha256sum * | base64 -w0');
    expect(job(plan, 'build').outputs).toEqual({ hashes: '${{ steps.hash.outputs.hashes }}' });
    expect(job(plan, 'provenance').with?.['base64-subjects']).toBe('${{ needs.build.outputs.hashes }}');
    expect(plan.provenanceFile).toBe('acme-widget.intoto.jsonl');
  });

  it('keeps the OIDC token out of the build job with attestations', () => {
    const plan = planPipeline(SAMPLE_FACTS.node, { ...base, ecosystem: 'node', provenance: 'attestations', publish: 'npm' });
    expect(grants(plan, 'build')).toEqual(['contents:read']);
    expect(grants(plan, 'provenance')).toEqual(['id-token:write', 'attestations:write']);
    expect(job(plan, 'build').outputs).toBeUndefined();
    expect(plan.provenanceFile).toBe('acme-widget.sigstore.json');
    expect(job(plan, 'publish-npm').needs).toContain('provenance');
  });

  it('publishes nothing and does not attach assets with publish none', () => {
    const plan = planPipeline(SAMPLE_FACTS.go, { ...base, ecosystem: 'go', publish: 'none' });
    expect(plan.jobs.map((j) => j.id)).toEqual(['build', 'provenance']);
    expect(job(plan, 'provenance').with?.['upload-assets']).toBe(false);
    expect(plan.environment).toBeUndefined();
  });

  it('uses the generic build command and glob', () => {
    const plan = planPipeline(SAMPLE_FACTS.generic, { ...base, ecosystem: 'generic', publish: 'github-release', buildCommand: 'make dist', artifacts: 'out/*' });
    const runs = job(plan, 'build').steps!.map((s) => s.run ?? '').join('');
    expect(runs).toContain('make dist\n');
    expect(runs).toContain('cp -- out/* release-artifacts/');
    expect(plan.artifactDir).toBe('release-artifacts');
  });

  it('archives the source of a Go module without main packages', () => {
    const facts = { ...SAMPLE_FACTS.go, go: { module: 'github.com/acme/lib', mainPackages: [] } };
    const plan = planPipeline(facts, { ...base, ecosystem: 'go', publish: 'github-release' });
    expect(job(plan, 'build').steps!.map((s) => s.run ?? '').join('')).toContain('git archive --format=tar.gz');
  });
});
