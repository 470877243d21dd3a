import type { Ecosystem, ProjectFacts } from './facts.js';

/** Where the provenance comes from. */
export type ProvenanceKind = 'slsa-generator' | 'attestations';
/** Where the release goes. `github-release` attaches the artifacts (and provenance) to the release only. */
export type PublishTarget = 'pypi' | 'npm' | 'github-release' | 'none';
/** What starts a release. */
export type Trigger = 'tag' | 'release';

/** Everything the generator needs besides the facts. Every field has a default from the facts. */
export interface Answers {
  readonly ecosystem: Ecosystem;
  readonly provenance: ProvenanceKind;
  readonly publish: PublishTarget;
  readonly trigger: Trigger;
  /** Workflow file, relative to the project root (`.github/workflows/release.yml`). */
  readonly output: string;
  /** Generic ecosystem only: the shell command that builds the artifacts. */
  readonly buildCommand?: string | undefined;
  /** Generic ecosystem only: the glob (relative to the root) that names the artifacts. */
  readonly artifacts?: string | undefined;
}

/** One selectable value of a question, with the words the wizard shows. */
export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly hint: string;
}

export const ECOSYSTEM_CHOICES: readonly Choice<Ecosystem>[] = [
  { value: 'python', label: 'Python', hint: 'python -m build → sdist and wheel' },
  { value: 'node', label: 'Node.js', hint: 'npm pack → package tarball' },
  { value: 'go', label: 'Go', hint: 'go build → binaries' },
  { value: 'generic', label: 'Other', hint: 'your build command and artifact glob' },
];

export const PROVENANCE_CHOICES: readonly Choice<ProvenanceKind>[] = [
  { value: 'slsa-generator', label: 'SLSA generator (Build L3)', hint: 'slsa-github-generator generic workflow, isolated signing job' },
  { value: 'attestations', label: 'GitHub artifact attestations', hint: 'actions/attest, verified with gh or slsa-verify' },
];

const PUBLISH_ALL: readonly Choice<PublishTarget>[] = [
  { value: 'pypi', label: 'PyPI (Trusted Publishing)', hint: 'OIDC, no token; PEP 740 attestations; inside a `pypi` environment' },
  { value: 'npm', label: 'npm (trusted publishing)', hint: 'OIDC, no token; npm provenance; inside an `npm` environment' },
  { value: 'github-release', label: 'GitHub Release only', hint: 'artifacts and provenance attached to the release' },
  { value: 'none', label: 'Nothing', hint: 'provenance kept as a workflow artifact' },
];

export const TRIGGER_CHOICES: readonly Choice<Trigger>[] = [
  { value: 'tag', label: 'Tag push (v*)', hint: 'git tag v1.2.3 && git push --tags' },
  { value: 'release', label: 'Release published', hint: 'publish a release in the GitHub UI' },
];

/** The publish targets that make sense for an ecosystem, the default first. */
export function publishChoices(ecosystem: Ecosystem): readonly Choice<PublishTarget>[] {
  const registry = ecosystem === 'python' ? 'pypi' : ecosystem === 'node' ? 'npm' : undefined;
  return PUBLISH_ALL.filter((c) => c.value === registry || c.value === 'github-release' || c.value === 'none');
}

export const DEFAULT_OUTPUT = '.github/workflows/release.yml';

/**
 * The defaults: the first detected ecosystem (generic when none), the SLSA generator, the
 * ecosystem's registry (npm only for a package that is not private), a tag push, and the
 * existing release workflow's file when there is exactly one (updated rather than duplicated).
 */
export function defaultAnswers(facts: ProjectFacts): Answers {
  const ecosystem = facts.ecosystems[0] ?? 'generic';
  const publish = ecosystem === 'python' ? 'pypi' : ecosystem === 'node' && facts.node?.private !== true ? 'npm' : 'github-release';
  const releases = facts.workflows.filter((w) => w.release);
  const own = facts.workflows.find((w) => w.generatedBySlsaInit);
  const output = own?.file ?? (releases.length === 1 ? releases[0]!.file : DEFAULT_OUTPUT);
  return { ecosystem, provenance: 'slsa-generator', publish, trigger: 'tag', output };
}

/** Problems with a set of answers (a publish target the ecosystem cannot use, a generic build without a command). */
export function answerProblems(answers: Answers): string[] {
  const problems: string[] = [];
  if (!publishChoices(answers.ecosystem).some((c) => c.value === answers.publish)) {
    const allowed = publishChoices(answers.ecosystem).map((c) => c.value).join(', ');
    problems.push(`--publish ${answers.publish} does not fit a ${answers.ecosystem} project (choose ${allowed})`);
  }
  if (answers.ecosystem === 'generic') {
    if (!answers.buildCommand?.trim()) problems.push('a generic project needs --build-command (the shell command that builds the artifacts)');
    if (!answers.artifacts?.trim()) problems.push('a generic project needs --artifacts (a glob such as "dist/*")');
  }
  if (!/^\.github\/workflows\/[^/]+\.ya?ml$/.test(answers.output)) {
    problems.push(`--output ${answers.output} must be a .yml or .yaml file directly under .github/workflows/`);
  }
  return problems;
}
