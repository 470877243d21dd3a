import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RELEASE_YML, removeSampleProjects, repoRoot, runBin, runBinAsync, sampleProject, SLSA_INIT, SLSA_LINT, workflowFiles, type SampleEcosystem } from './support/sample-project.js';
import { parseWithGitHubParser, usesValues } from './support/workflow-parser.js';

/**
 * `slsa-init --yes` for every ecosystem × provenance × publish target (and both triggers where
 * they differ), each workflow checked by three independent oracles: slsa-lint (zero
 * diagnostics), GitHub's own workflow parser (zero errors), and the action pins recorded in
 * ../shared/fixtures/action-pins.json (every SHA is the one recorded for its tag).
 */
const FIXTURES = process.env['SLSA_KIT_FIXTURES'] ?? path.resolve(repoRoot, '..', 'shared', 'fixtures');
const PINS = JSON.parse(readFileSync(path.join(FIXTURES, 'action-pins.json'), 'utf8')) as Record<string, unknown>;
const GENERATOR_REPO = 'slsa-framework/slsa-github-generator';

interface RecordedPin {
  readonly tag: string;
  readonly sha: string;
}
const recorded = (repo: string): RecordedPin[] => (Array.isArray(PINS[repo]) ? (PINS[repo] as RecordedPin[]) : []);

/** `owner/repo[/path]@<40 hex> # vX.Y.Z`, nothing else on the line. */
const SHA_PIN = /^([\w.-]+\/[\w.-]+)(\/[^@\s]+)?@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$/;
/** The SLSA generator's reusable workflows are referenced by their release tag, never a SHA. */
const GENERATOR_REF = /^slsa-framework\/slsa-github-generator\/\.github\/workflows\/[\w.-]+\.ya?ml@(v\d+\.\d+\.\d+)$/;

/** Why a `uses:` value (with its comment) is not pinned as action-pins.json says, or undefined. */
function pinProblem(uses: string): string | undefined {
  const generator = GENERATOR_REF.exec(uses);
  if (generator) return recorded(GENERATOR_REPO).some((p) => p.tag === generator[1]) ? undefined : `${uses}: ${generator[1]} is not a tag action-pins.json records`;
  const pin = SHA_PIN.exec(uses);
  if (!pin) return `${uses}: not owner/repo[/path]@<40 hex> # vX.Y.Z`;
  const [, repo, , sha, tag] = pin as unknown as [string, string, string | undefined, string, string];
  if (repo === GENERATOR_REPO) return `${uses}: the SLSA generator must be referenced by tag, not by SHA`;
  const entry = recorded(repo).find((p) => p.tag === tag);
  if (!entry) return `${uses}: action-pins.json records no ${tag} for ${repo}`;
  return entry.sha === sha ? undefined : `${uses}: action-pins.json records ${entry.sha} for ${repo} ${tag}`;
}

/** The value of every `uses:` line of the file, comment included (`- uses: x` and `uses: x`). */
function usesLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => /^\s*(?:-\s+)?uses:\s*(.*)$/.exec(line)?.[1])
    .filter((v): v is string => v !== undefined);
}

afterAll(removeSampleProjects);

const PUBLISH: Record<SampleEcosystem, readonly string[]> = {
  python: ['pypi', 'github-release', 'none'],
  node: ['npm', 'github-release', 'none'],
  go: ['github-release', 'none'],
  generic: ['github-release', 'none'],
};

interface Combo {
  readonly ecosystem: SampleEcosystem;
  readonly provenance: 'slsa-generator' | 'attestations';
  readonly publish: string;
  readonly trigger: 'tag' | 'release';
}

const combos: Combo[] = [];
for (const ecosystem of ['python', 'node', 'go', 'generic'] as const) {
  for (const provenance of ['slsa-generator', 'attestations'] as const) {
    for (const publish of PUBLISH[ecosystem]) {
      combos.push({ ecosystem, provenance, publish, trigger: 'tag' });
      if (ecosystem === 'python' && publish === 'pypi') combos.push({ ecosystem, provenance, publish, trigger: 'release' });
    }
  }
}

const GENERIC_ARGS = ['--build-command', 'make dist', '--artifacts', 'out/*.tar.gz'];
const initArgs = (c: Combo): string[] => [
  '--yes',
  ...['--ecosystem', c.ecosystem, '--provenance', c.provenance, '--publish', c.publish, '--trigger', c.trigger],
  ...(c.ecosystem === 'generic' ? GENERIC_ARGS : []),
];

/** slsa-lint's versioned JSON for one clean file. */
const cleanLint = (file: string) => ({ version: 1, results: [{ file, diagnostics: [] }] });

describe('slsa-init --yes: every combination', () => {
  it('covers 22 combinations', () => {
    expect(combos).toHaveLength(22);
  });

  // Concurrent: each combination has its own directory; the assertions use the test's own expect.
  it.concurrent.for(combos)('$ecosystem, provenance $provenance, publish $publish, trigger $trigger', async (c, { expect }) => {
    const dir = sampleProject(c.ecosystem);
    const init = await runBinAsync(SLSA_INIT, initArgs(c), dir);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout.startsWith(`Wrote ${RELEASE_YML}\n`), init.stdout).toBe(true);
    expect(init.stdout).toContain('\nNext steps:\n');
    expect(workflowFiles(dir)).toEqual(['release.yml']);
    const text = readFileSync(path.join(dir, RELEASE_YML), 'utf8');
    const generic = c.ecosystem === 'generic' ? ' build-command=make%20dist artifacts=out%2F\\*\\.tar\\.gz' : '';
    expect(text.split('\n')[1]).toMatch(
      new RegExp(`^# slsa-init: ecosystem=${c.ecosystem} provenance=${c.provenance} publish=${c.publish} trigger=${c.trigger}${generic} digest=sha256:[0-9a-f]{16}$`),
    );

    // (a) slsa-lint, every rule at its default severity.
    const lint = await runBinAsync(SLSA_LINT, ['--format', 'json'], dir);
    expect(JSON.parse(lint.stdout)).toEqual(cleanLint(RELEASE_YML));
    expect(lint.code).toBe(0);

    // (b) GitHub's parser: schema, expressions, the job graph.
    const parsed = await parseWithGitHubParser('release.yml', text);
    expect(parsed.errors).toEqual([]);
    const events = parsed.template!.events;
    if (c.trigger === 'tag') {
      expect(events.push?.tags).toEqual(['v*']);
      expect(events.release).toBeUndefined();
    } else {
      expect(events.release).toEqual({ types: ['published'] });
      expect(events.push).toBeUndefined();
    }

    // (c) Pins: every `uses:` line (the parser saw the same ones) is pinned as recorded.
    const uses = usesLines(text);
    expect(uses.map((u) => u.replace(/ #.*$/, '')).sort()).toEqual(usesValues(parsed.template!).sort());
    expect(uses.map(pinProblem).filter((p) => p !== undefined)).toEqual([]);
    const generator = uses.filter((u) => u.startsWith(`${GENERATOR_REPO}/`));
    const attest = uses.filter((u) => /^actions\/attest(-build-provenance)?@/.test(u));
    if (c.provenance === 'slsa-generator') {
      expect(generator).toEqual([expect.stringMatching(/\/generator_generic_slsa3\.yml@v/)]);
      expect(attest).toEqual([]);
    } else {
      expect(generator).toEqual([]);
      expect(attest.length).toBeGreaterThan(0);
    }
  });
});

describe('the oracles can fail', () => {
  const generated = (): { dir: string; text: string } => {
    const dir = sampleProject('python');
    expect(runBin(SLSA_INIT, ['--yes'], dir).code).toBe(0);
    return { dir, text: readFileSync(path.join(dir, RELEASE_YML), 'utf8') };
  };

  it('GitHub parser: a generated workflow without runs-on, with a misspelt key or a dangling needs has errors', async () => {
    const { text } = generated();
    expect(text).toContain('    runs-on: ubuntu-latest\n');
    const noRunsOn = await parseWithGitHubParser('release.yml', text.replace('    runs-on: ubuntu-latest\n', ''));
    expect(noRunsOn.errors).toEqual([expect.stringMatching(/^release\.yml \(Line: \d+, Col: \d+\): Required property is missing: runs-on$/)]);
    const badKey = await parseWithGitHubParser('release.yml', text.replace('id-token: write', 'id-tokens: write'));
    expect(badKey.errors).toEqual([expect.stringContaining("Unexpected value 'id-tokens'")]);
    const badNeeds = await parseWithGitHubParser('release.yml', text.replace('needs: [build, provenance]', 'needs: [build, provenanse]'));
    expect(badNeeds.errors.length).toBeGreaterThan(0);
    expect(badNeeds.errors.join('\n')).toContain('provenanse');
  });

  it('slsa-lint: a generated workflow with the generator pinned to a SHA has a diagnostic', () => {
    const { dir, text } = generated();
    const sha = recorded(GENERATOR_REPO)[0]!.sha;
    const broken = text.replace(/(generator_generic_slsa3\.yml)@v\d+\.\d+\.\d+/, `$1@${sha}`);
    expect(broken).not.toBe(text);
    writeFileSync(path.join(dir, RELEASE_YML), broken);
    const lint = runBin(SLSA_LINT, ['--format', 'json'], dir);
    expect(lint.code).toBe(1);
    expect((JSON.parse(lint.stdout) as { results: { diagnostics: { ruleId: string }[] }[] }).results[0]!.diagnostics.map((d) => d.ruleId)).toContain('slsa-generator-ref');
  });

  it('pins: an unknown tag, a SHA that is not the recorded one, a moving tag and a SHA-pinned generator are caught', () => {
    const checkout = recorded('actions/checkout')[0]!;
    const other = recorded('actions/checkout')[1]!;
    const generator = recorded(GENERATOR_REPO)[0]!;
    expect(pinProblem(`actions/checkout@${checkout.sha} # ${checkout.tag}`)).toBeUndefined();
    expect(pinProblem(`${GENERATOR_REPO}/.github/workflows/generator_generic_slsa3.yml@${generator.tag}`)).toBeUndefined();
    expect(pinProblem(`actions/checkout@${other.sha} # ${checkout.tag}`)).toBe(`actions/checkout@${other.sha} # ${checkout.tag}: action-pins.json records ${checkout.sha} for actions/checkout ${checkout.tag}`);
    expect(pinProblem(`actions/checkout@${checkout.sha} # v99.0.0`)).toBe(`actions/checkout@${checkout.sha} # v99.0.0: action-pins.json records no v99.0.0 for actions/checkout`);
    expect(pinProblem('actions/checkout@v4')).toBe('actions/checkout@v4: not owner/repo[/path]@<40 hex> # vX.Y.Z');
    expect(pinProblem(`actions/checkout@${checkout.sha}`)).toBe(`actions/checkout@${checkout.sha}: not owner/repo[/path]@<40 hex> # vX.Y.Z`);
    expect(pinProblem(`${GENERATOR_REPO}/.github/workflows/generator_generic_slsa3.yml@v9.9.9`)).toMatch(/v9\.9\.9 is not a tag action-pins\.json records$/);
    expect(pinProblem(`${GENERATOR_REPO}/.github/workflows/generator_generic_slsa3.yml@${generator.sha} # ${generator.tag}`)).toMatch(/must be referenced by tag, not by SHA$/);
  });
});
