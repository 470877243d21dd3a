import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpus, yaml } from '@slsa-kit/core/testing';
import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { defaultServices, type CommitReachability, type LintServices } from '../services.js';
import { testRule } from '../testing/rule-tester.js';
import { refColumn, step } from '../testing/uses-step.fixture.js';
import { impostorCommit } from './impostor-commit.js';

const GOOD = '3d3c42e5aac5ba805825da76410c181273ba90b1';
const FORK = 'f00df00df00df00df00df00df00df00df00df00d';
const UNKNOWN = 'abababababababababababababababababababab';

/** GitHub's answers as the CLI's pre-fetch hands them to rules: by lowercase `owner/repo` and SHA. */
const answers: Record<string, CommitReachability> = {
  [`actions/checkout@${GOOD}`]: 'reachable',
  [`actions/checkout@${FORK}`]: 'impostor',
  [`octo/workflows@${FORK}`]: 'impostor',
};
const services: Partial<LintServices> = {
  reachability: (repo, sha) => answers[`${repo}@${sha.toLowerCase()}`] ?? 'unknown',
};

const col = refColumn;

testRule(impostorCommit, {
  valid: [
    { name: 'a commit on a branch or tag of the repository', code: step(`actions/checkout@${GOOD} # v7.0.1`), services },
    { name: 'a commit GitHub could not judge (unknown repository) is not guessed at', code: step(`actions/checkout@${UNKNOWN}`), services },
    { name: 'tags, branches and short SHAs are unpinned-uses\' business', code: step('actions/checkout@v7'), services },
    { name: 'a short SHA is never looked up', code: step(`actions/checkout@${FORK.slice(0, 7)}`), services },
    { name: 'local actions', code: step('./.github/actions/setup'), services },
    { name: 'docker images', code: step(`docker://alpine:3.20@sha256:${'0'.repeat(64)}`), services },
    { name: 'without answers (no pre-fetch) the rule stays silent', code: step(`actions/checkout@${FORK}`) },
    { name: 'offline the rule does not run', code: step(`actions/checkout@${FORK}`), services, online: false },
  ],
  invalid: [
    {
      name: 'a commit only in the fork network, pointed at the SHA',
      code: step(`actions/checkout@${FORK} # v7.0.1`),
      services,
      errors: [
        {
          messageId: 'impostor',
          line: 6,
          column: col('actions/checkout'),
          endColumn: col('actions/checkout') + 40,
          severity: 'error',
          data: { sha: FORK, repo: 'actions/checkout' },
        },
      ],
      output: null,
    },
    {
      name: 'the repository name is matched case-insensitively and reported as written',
      code: step(`Actions/Checkout/sub/path@${FORK.toUpperCase()}`),
      services,
      errors: [{ messageId: 'impostor', line: 6, column: col('Actions/Checkout/sub/path'), data: { sha: FORK.toUpperCase(), repo: 'Actions/Checkout' } }],
    },
    {
      name: 'a reusable workflow, and every place in the file',
      code: yaml`
        on: push
        jobs:
          call:
            uses: octo/workflows/.github/workflows/release.yml@${FORK}
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@${GOOD}
              - uses: actions/checkout@${FORK}
      `,
      services,
      errors: [
        { messageId: 'impostor', line: 4, column: 11 + 'octo/workflows/.github/workflows/release.yml'.length + 1 },
        { messageId: 'impostor', line: 9, column: col('actions/checkout') },
      ],
    },
    {
      name: 'a value with escapes is reported on the whole value',
      code: yaml`
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: "${'actions/\\x63heckout'}@${FORK}"
      `,
      services,
      errors: [{ messageId: 'impostor', line: 6, column: 15 }],
    },
  ],
});

describe('impostor-commit over real workflows', () => {
  const fullShaUses = /uses:\s*['"]?([\w.-]+\/[\w.-]+)[^@\s'"]*@([0-9a-f]{40})\b/gi;

  it.each(['real-world', 'actionlint-ok'] as const)('asks about every full-SHA uses of %s and reports nothing when GitHub finds them reachable', async (corpus) => {
    const asked: string[] = [];
    const findings: string[] = [];
    let expected = 0;
    for (const f of await readCorpus(corpus)) {
      expected += [...Buffer.from(f.bytes).toString('utf8').matchAll(fullShaUses)].length;
      const reachability = (repo: string, sha: string) => (asked.push(`${repo}@${sha}`), 'reachable' as const);
      const result = lintText(f.bytes, f.name, { rules: [impostorCommit], online: true, services: { reachability } });
      findings.push(...result.diagnostics.filter((d) => d.ruleId === impostorCommit.meta.id).map((d) => `${f.name}:${d.line}:${d.column}`));
    }
    expect(findings).toEqual([]);
    // Every SHA pin is looked up (a YAML alias repeating a value is asked once; the count allows it).
    expect(asked.length).toBeLessThanOrEqual(expected);
    expect(asked.length).toBeGreaterThan(corpus === 'real-world' ? 0 : -1);
    for (const key of asked) expect(key).toMatch(/^[a-z0-9._-]+\/[a-z0-9._-]+@[0-9a-fA-F]{40}$/);
  });
});

describe('impostor-commit doc examples', () => {
  // As the doc meta-test judges online rules: a commit the embedded pin database records as a
  // release is reachable, any other SHA is an impostor.
  const doc = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/rules/impostor-commit.md'), 'utf8');
  const section = (heading: string) => {
    const start = doc.indexOf(`\n## ${heading}\n`);
    const next = doc.indexOf('\n## ', start + 1);
    return [...doc.slice(start, next === -1 ? undefined : next).matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  };
  const docServices: Partial<LintServices> = {
    reachability: (repo, sha) => (defaultServices().tagForCommit(repo, sha) ? 'reachable' : 'impostor'),
  };
  const ids = (code: string) =>
    lintText(code, 'impostor-commit.md', { rules: [impostorCommit], online: true, services: docServices }).diagnostics.map((d) => d.ruleId);

  it('the failing example is reported and the passing one is not', () => {
    expect(section('Failing example').length).toBeGreaterThan(0);
    expect(section('Passing example').length).toBeGreaterThan(0);
    for (const code of section('Failing example')) expect(ids(code), code).toContain('impostor-commit');
    for (const code of section('Passing example')) expect(ids(code), code).toEqual([]);
  });
});
