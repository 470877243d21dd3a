import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { yaml } from '@slsa-kit/core/testing';
import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { testRule } from '../testing/rule-tester.js';
import { cachePoisoning } from './cache-poisoning.js';

const SHA = 'ab'.repeat(20);

/** A tag-triggered one-job workflow; its steps start at line 8, step keys at column 9. */
const tagJob = (body: string) =>
  `on:\n  push:\n    tags: ['v*']\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${body.replace(/^/gm, '      ').replace(/^\s+$/gm, '')}\n`;

testRule(cachePoisoning, {
  valid: [
    { name: 'a CI workflow that caches and publishes nothing', code: yaml`
        on: [push, pull_request]
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/setup-python@v5
                with: { python-version: '3.12', cache: pip }
      ` },
    { name: 'a release workflow whose test job caches but hands nothing on', code: yaml`
        on: { push: { tags: ['v*'] } }
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/setup-go@v5
          build:
            needs: test
            runs-on: ubuntu-latest
            steps:
              - run: python -m build
              - uses: actions/upload-artifact@v4
                with: { path: dist }
      ` },
    { name: 'opt-in caching not asked for', code: tagJob('- uses: actions/setup-python@v5\n  with:\n    python-version: "3.12"') },
    { name: 'setup-go with cache: false', code: tagJob('- uses: actions/setup-go@v5\n  with:\n    cache: false') },
    { name: 'setup-go before v4 did not cache by default', code: tagJob('- uses: actions/setup-go@v3') },
    { name: 'setup-uv v10 stops caching on release events by itself', code: tagJob(`- uses: astral-sh/setup-uv@${SHA} # v10.0.0`) },
    { name: 'rust-cache in lookup-only mode restores nothing', code: tagJob('- uses: Swatinem/rust-cache@v2\n  with:\n    lookup-only: true') },
    { name: 'composer-install with ignore-cache: yes', code: tagJob('- uses: ramsey/composer-install@v3\n  with:\n    ignore-cache: yes') },
    { name: 'an expression that turns caching off for tag refs, in a tag-triggered workflow', code: tagJob("- uses: PyO3/maturin-action@v1\n  with:\n    sccache: ${{ !startsWith(github.ref, 'refs/tags/') }}") },
    { name: 'setup-node v5+ implicit caching depends on package.json: not judged', code: tagJob('- uses: actions/setup-node@v6\n  with:\n    node-version: 22') },
  ],
  invalid: [
    {
      name: 'setup-python cache: pip in a tag build: the input is removed',
      code: tagJob('- uses: actions/setup-python@v5\n  with:\n    python-version: "3.12"\n    cache: pip'),
      errors: [{ messageId: 'cached', line: 11, column: 18, data: { action: 'actions/setup-python', job: 'build', role: 'runs for a release', advice: 'remove `cache:`' } }],
      output: tagJob('- uses: actions/setup-python@v5\n  with:\n    python-version: "3.12"'),
    },
    {
      name: 'the only input is not removed (an empty with: would be left)',
      code: tagJob('- uses: actions/setup-java@v4\n  with:\n    cache: gradle'),
      errors: [{ messageId: 'cached', line: 10, column: 18 }],
      output: null,
    },
    {
      name: 'setup-go caches by default: at the uses, no fix',
      code: tagJob('- uses: actions/setup-go@v5'),
      errors: [{ messageId: 'cached', line: 8, column: 15, data: { action: 'actions/setup-go', job: 'build', role: 'runs for a release', advice: 'set `cache: false`' } }],
    },
    {
      name: 'a publishing job on push to main, and the job that builds for it',
      code: yaml`
        on: { push: { branches: [main] } }
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/cache@v4
                with: { path: ~/.cache/pip, key: pip }
              - uses: actions/upload-artifact@v4
                with: { name: dist, path: dist }
          publish:
            needs: build
            runs-on: ubuntu-latest
            steps:
              - uses: Swatinem/rust-cache@v2
              - run: npm publish
      `,
      errors: [
        { messageId: 'cached', line: 6, column: 15, data: { action: 'actions/cache', job: 'build', role: 'builds what job `publish` publishes', advice: 'set `lookup-only: true`' } },
        { messageId: 'cached', line: 14, column: 15, data: { action: 'swatinem/rust-cache', job: 'publish', role: 'publishes a release', advice: 'set `lookup-only: true`' } },
      ],
    },
    {
      name: 'an expression may turn caching on: reported at the input',
      code: tagJob('- uses: astral-sh/setup-uv@v6\n  with:\n    enable-cache: ${{ github.ref == \'refs/heads/main\' }}'),
      errors: [{ messageId: 'cached', line: 10, column: 25 }],
    },
    {
      name: 'ruby bundler-cache is not removed (it also installs the gems)',
      code: tagJob('- uses: ruby/setup-ruby@v1\n  with:\n    ruby-version: "3.3"\n    bundler-cache: true'),
      errors: [{ messageId: 'cached', line: 11, column: 26 }],
      output: null,
    },
  ],
});

function findings(dir: string, only?: RegExp): string[] {
  const root = join('/work/shared/fixtures', dir);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f) && (!only || only.test(f)))
    .sort()
    .flatMap((f) => lintText(readFileSync(join(root, f), 'utf8'), f, { rules: [cachePoisoning] }).diagnostics.filter((d) => d.ruleId === 'cache-poisoning').map((d) => `${f}:${d.line}:${d.column}`));
}

describe('cache-poisoning over corpora', () => {
  it('reports the real-world release builds that restore a cache, and nothing else', () => {
    expect(findings('real-world/workflows')).toEqual([
      // pallets build jobs (tag-triggered, feeding provenance and PyPI) with setup-uv `enable-cache: true`;
      // the current revisions of click, flask and werkzeug dropped it, these older ones still have it.
      'pallets__click__publish--d1a80aa.yml:14:25',
      'pallets__flask__publish--a42c4d5.yml:14:25',
      'pallets__itsdangerous__publish.yml:12:25',
      // jinja: setup-python `cache: pip` in the build job.
      'pallets__jinja__publish--ede7905.yml:16:18',
      'pallets__markupsafe__publish.yml:24:25',
      'pallets__markupsafe__publish.yml:49:25',
      'pallets__werkzeug__publish--0c49ff0.yml:14:25',
      // setup-uv v9 caches by default (`enable-cache: auto`) in the job that builds for PyPI.
      'pypa__packaging__publish.yml:41:15',
      // goreleaser job with setup-go `cache: true`.
      'stacklok__frizbee__releaser.yml:71:18',
    ]);
  });

  it('reports nothing in actionlint testdata/ok', () => {
    expect(findings('actionlint/testdata/ok')).toEqual([]);
  });

  it('agrees with zizmor on its cache-poisoning cases except where documented', () => {
    // Same steps as zizmor's expectations; we point at the enabling input where there is one.
    expect(findings('zizmor/test-data/cache-poisoning')).toEqual([
      'caching-enabled-by-default.yml:21:15',
      'caching-not-configurable.yml:23:15',
      'caching-opt-in-boolean-toggle.yml:22:18',
      'caching-opt-in-boolish-toggle.yml:21:20',
      'caching-opt-in-expression.yml:22:25',
      'caching-opt-in-multi-value-toggle.yml:21:18',
      'issue-1081-repro.yml:15:15',
      'issue-1081-repro.yml:20:25',
      'issue-1081-repro.yml:25:25',
      // zizmor also reports 16 and 42 (setup-node v5+/v6 implicit caching, which needs a packageManager field we cannot see).
      'issue-1152-repro.yml:22:34',
      'issue-2320-repro.yml:21:25',
      'issue-2320-repro.yml:26:25',
      'issue-2320-repro.yml:29:15',
      'issue-343-repro.yml:28:15',
      'issue-343-repro.yml:37:18',
      'issue-343-repro.yml:44:18',
      'publisher-step.yml:23:15',
      'ramsey-composer-install.yml:13:15',
      'ramsey-composer-install.yml:18:25',
      // zizmor reports both (the `release` branch "looks like" a release); for us a release run has a tag ref.
      'trigger-heuristics/tag-only.yml:21:20',
      'trigger-heuristics/tag-only.yml:27:20',
      'workflow-release-branch-trigger.yml:22:15',
      'workflow-release-trigger-object.yml:23:15',
      'workflow-tag-trigger.yml:23:15',
      // Not reported, zizmor does: issue-642 (docker buildx `type=gha` caches: not modelled),
      // trigger-heuristics/tag-and-branch.yml 17 and 23 (see above).
    ]);
  });
});
