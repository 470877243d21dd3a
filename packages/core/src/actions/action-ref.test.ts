import { describe, expect, it } from 'vitest';
import type { Span } from '../diagnostic.js';
import { parseActionRef, repositorySlug, type ActionRef, type InvalidReason } from './action-ref.js';

/** Parses `raw` as it sits in a step, so every span is checked against real file offsets. */
function inFile(raw: string): { text: string; ref: ActionRef } {
  const text = `steps:\n  - uses: ${raw}  # trailing\n`;
  return { text, ref: parseActionRef(raw, text.indexOf(raw)) };
}

const cut = (text: string, span: Span | undefined): string | undefined => (span ? text.slice(span.start, span.end) : undefined);

describe('parseActionRef: repositories', () => {
  const cases = [
    { raw: 'actions/checkout@v4', owner: 'actions', repo: 'checkout', path: undefined, ref: 'v4', refKind: 'semver-partial', workflow: false },
    {
      raw: 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683',
      owner: 'actions',
      repo: 'checkout',
      path: undefined,
      ref: '11bd71901bbe5b1630ceea73d27597364c9af683',
      refKind: 'full-sha',
      workflow: false,
    },
    { raw: 'github/codeql-action/init@v3.28.0', owner: 'github', repo: 'codeql-action', path: 'init', ref: 'v3.28.0', refKind: 'semver-full', workflow: false },
    { raw: 'slsa-framework/slsa-verifier/actions/installer@main', owner: 'slsa-framework', repo: 'slsa-verifier', path: 'actions/installer', ref: 'main', refKind: 'branch-like', workflow: false },
    {
      raw: 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0',
      owner: 'slsa-framework',
      repo: 'slsa-github-generator',
      path: '.github/workflows/generator_generic_slsa3.yml',
      ref: 'v2.1.0',
      refKind: 'semver-full',
      workflow: true,
    },
    { raw: 'org/repo/workflow.yaml@v1', owner: 'org', repo: 'repo', path: 'workflow.yaml', ref: 'v1', refKind: 'semver-partial', workflow: true },
    { raw: 'octokit/request-action@v2.x', owner: 'octokit', repo: 'request-action', path: undefined, ref: 'v2.x', refKind: 'branch-like', workflow: false },
    { raw: 'pypa/gh-action-pypi-publish@release/v1', owner: 'pypa', repo: 'gh-action-pypi-publish', path: undefined, ref: 'release/v1', refKind: 'branch-like', workflow: false },
    { raw: 'Azure/functions-action@v1.4.0', owner: 'Azure', repo: 'functions-action', path: undefined, ref: 'v1.4.0', refKind: 'semver-full', workflow: false },
    { raw: 'ScribeMD/slack-templates@0', owner: 'ScribeMD', repo: 'slack-templates', path: undefined, ref: '0', refKind: 'semver-partial', workflow: false },
    { raw: 'owner/repo.js@1234567', owner: 'owner', repo: 'repo.js', path: undefined, ref: '1234567', refKind: 'semver-partial', workflow: false },
    { raw: 'owner/repo@abcdef1', owner: 'owner', repo: 'repo', path: undefined, ref: 'abcdef1', refKind: 'short-sha', workflow: false },
  ] as const;

  it.each(cases)('$raw', ({ raw, owner, repo, path, ref, refKind, workflow }) => {
    const { text, ref: parsed } = inFile(raw);
    expect(parsed.kind).toBe('repository');
    if (parsed.kind !== 'repository') return;
    expect(parsed).toMatchObject({ owner, repo, ref, refKind, isReusableWorkflow: workflow, name: raw.slice(0, raw.indexOf('@')) });
    expect(parsed.path).toBe(path);
    expect(cut(text, parsed.span)).toBe(raw);
    expect(cut(text, parsed.spans.owner)).toBe(owner);
    expect(cut(text, parsed.spans.repo)).toBe(repo);
    expect(cut(text, parsed.spans.path)).toBe(path);
    expect(cut(text, parsed.spans.ref)).toBe(ref);
    expect(cut(text, parsed.spans.name)).toBe(parsed.name);
  });

  it('lets a fixer replace only the ref', () => {
    const { text, ref } = inFile('actions/checkout@v4');
    if (ref.kind !== 'repository') throw new Error('expected a repository ref');
    const sha = '11bd71901bbe5b1630ceea73d27597364c9af683';
    const fixed = text.slice(0, ref.spans.ref.start) + sha + text.slice(ref.spans.ref.end);
    expect(fixed).toBe(`steps:\n  - uses: actions/checkout@${sha}  # trailing\n`);
  });

  it('exposes the tag version and a case-insensitive slug', () => {
    const ref = parseActionRef('Actions/Checkout@v4.2.2');
    if (ref.kind !== 'repository') throw new Error('expected a repository ref');
    expect(ref.version?.semver.version).toBe('4.2.2');
    expect(repositorySlug(ref)).toBe('actions/checkout');
  });
});

describe('parseActionRef: local and docker', () => {
  it.each([
    ['./.github/actions/setup-tox', false],
    ['./', false],
    ['./.github/workflows/test.yml', true],
  ] as const)('%s is local', (raw, workflow) => {
    const { text, ref } = inFile(raw);
    expect(ref).toMatchObject({ kind: 'local', path: raw, isReusableWorkflow: workflow });
    expect(cut(text, ref.span)).toBe(raw);
  });

  const docker = [
    { raw: 'docker://ubuntu:latest', image: 'ubuntu', tag: 'latest', digest: undefined },
    { raw: 'docker://alpine', image: 'alpine', tag: undefined, digest: undefined },
    { raw: 'docker://example.com:latest', image: 'example.com', tag: 'latest', digest: undefined },
    { raw: 'docker://ghcr.io:443/x/y:tag', image: 'ghcr.io:443/x/y', tag: 'tag', digest: undefined },
    { raw: 'docker://ghcr.io:443/x/y', image: 'ghcr.io:443/x/y', tag: undefined, digest: undefined },
    { raw: `docker://debian@sha256:${'ab'.repeat(32)}`, image: 'debian', tag: undefined, digest: `sha256:${'ab'.repeat(32)}` },
    { raw: `docker://gcr.io/p/img:1.0@sha256:${'cd'.repeat(32)}`, image: 'gcr.io/p/img', tag: '1.0', digest: `sha256:${'cd'.repeat(32)}` },
  ] as const;
  it.each(docker)('$raw is docker', ({ raw, image, tag, digest }) => {
    const { text, ref } = inFile(raw);
    expect(ref.kind).toBe('docker');
    if (ref.kind !== 'docker') return;
    expect([ref.image, ref.tag, ref.digest]).toEqual([image, tag, digest]);
    expect(cut(text, ref.spans.image)).toBe(image);
    expect(cut(text, ref.spans.tag)).toBe(tag);
    expect(cut(text, ref.spans.digest)).toBe(digest);
  });
});

describe('parseActionRef: invalid', () => {
  const cases: ReadonlyArray<readonly [string, InvalidReason]> = [
    ['', 'empty'],
    ['   ', 'empty'],
    ["${{ 'oooops' }}", 'expression'],
    ['actions/checkout@${{ matrix.ref }}', 'expression'],
    ['actions/checkout @v4', 'whitespace'],
    ['actions/checkout@v4 ', 'whitespace'],
    ['actions/checkout', 'missing-ref'],
    ['actions/checkout@', 'missing-ref'],
    ['owner@v1', 'missing-repo'],
    ['checkout', 'missing-repo'],
    ['.github/actions/x', 'bad-owner'], // needs ./ to be local
    ['../x/action', 'bad-owner'],
    ['owner//repo@v1', 'bad-path'],
    ['owner/repo/@v1', 'bad-path'],
    ['owner/repo/../x@v1', 'bad-path'],
    ['-owner/repo@v1', 'bad-owner'],
    ['owner/re:po@v1', 'bad-repo'],
    ['owner/..@v1', 'bad-repo'],
    ['owner/repo@v1..v2', 'bad-ref'],
    ['owner/repo@main~1', 'bad-ref'],
    ['owner/repo@refs/heads/x.lock', 'bad-ref'],
    ['owner/repo@v1/', 'bad-ref'],
    ['docker://', 'bad-image'],
    ['docker://:tag', 'bad-image'],
    ['docker://ubuntu:', 'bad-tag'],
    ['docker://ubuntu:la$test', 'bad-tag'],
    ['docker://ubuntu@sha256:xyz', 'bad-digest'],
    ['docker://a//b', 'bad-image'],
  ];
  it.each(cases)('%j → %s', (raw, reason) => {
    const ref = parseActionRef(raw, 10);
    expect(ref).toMatchObject({ kind: 'invalid', reason, raw });
    expect(ref.span).toEqual({ start: 10, end: 10 + raw.length });
    if (ref.kind === 'invalid') expect(ref.message.length).toBeGreaterThan(0);
  });
});
