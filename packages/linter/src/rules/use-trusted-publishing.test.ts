import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { yaml } from '@slsa-kit/core/testing';
import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { testRule } from '../testing/rule-tester.js';
import { useTrustedPublishing } from './use-trusted-publishing.js';

const SHA = 'ab'.repeat(20);

/** A one-job workflow whose steps start at line 6 (each step item at column 7). */
const steps = (body: string) => `on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n${body.replace(/^/gm, '      ').replace(/^\s+$/gm, '')}\n`;

testRule(useTrustedPublishing, {
  valid: [
    { name: 'pypi-publish through trusted publishing', code: yaml`
        on: push
        jobs:
          publish:
            runs-on: ubuntu-latest
            permissions: { id-token: write }
            steps:
              - uses: pypa/gh-action-pypi-publish@${SHA}
      ` },
    { name: 'pypi-publish to an index we know nothing about', code: steps(`- uses: pypa/gh-action-pypi-publish@${SHA}\n  with:\n    password: \${{ secrets.TOKEN }}\n    repository-url: https://pypi.example.com/legacy/`) },
    { name: 'the run\'s own GITHUB_TOKEN is short-lived', code: steps(`- run: npm publish\n  env:\n    NODE_AUTH_TOKEN: \${{ secrets.GITHUB_TOKEN }}`) },
    { name: 'npm publish to GitHub Packages', code: steps(`- uses: actions/setup-node@${SHA}\n  with:\n    registry-url: https://npm.pkg.github.com\n- run: npm publish\n  env:\n    NODE_AUTH_TOKEN: \${{ secrets.GPR_TOKEN }}`) },
    { name: 'npm trusted publishing with provenance, no token', code: steps(`- run: npm publish --provenance --access public`) },
    { name: 'a dry run publishes nothing', code: steps(`- run: cargo publish --dry-run\n  env:\n    CARGO_REGISTRY_TOKEN: \${{ secrets.CRATES }}`) },
    { name: 'a token minted by an OIDC exchange is not long-lived', code: steps(`- uses: rust-lang/crates-io-auth-action@${SHA}\n  id: auth\n- run: cargo publish\n  env:\n    CARGO_REGISTRY_TOKEN: \${{ steps.auth.outputs.token }}`) },
    { name: 'nuget push with the key NuGet/login issued', code: steps(`- uses: NuGet/login@${SHA}\n  id: login\n- run: dotnet nuget push x.nupkg --api-key \${{ steps.login.outputs.NUGET_API_KEY }}`) },
    { name: 'twine upload to a private index', code: steps(`- run: twine upload --repository-url https://pypi.example.com dist/*\n  env:\n    TWINE_PASSWORD: \${{ secrets.TOKEN }}`) },
    { name: 'npm token for installing private packages only', code: steps(`- run: npm ci\n  env:\n    NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}`) },
    { name: 'a publish command mentioned in a comment', code: steps(`- run: |\n    # twine upload -p \${{ secrets.X }} dist/*\n    echo done`) },
  ],
  invalid: [
    {
      name: 'pypi-publish with a password input: at the secret',
      code: steps(`- uses: pypa/gh-action-pypi-publish@${SHA}\n  with:\n    password: \${{ secrets.PYPI_TOKEN }}`),
      errors: [{ messageId: 'secret', line: 8, column: 21, severity: 'warning', data: { tool: 'pypa/gh-action-pypi-publish', registry: 'PyPI', credential: 'password', how: expect.stringContaining('id-token: write') as unknown as string } }],
    },
    {
      name: 'TestPyPI is a note: its token cannot touch the real package',
      code: steps(`- uses: pypa/gh-action-pypi-publish@${SHA}\n  with:\n    password: \${{ secrets.TEST_PYPI_TOKEN }}\n    repository-url: https://test.pypi.org/legacy/`),
      errors: [{ messageId: 'secret', line: 8, column: 21, severity: 'note' }],
    },
    {
      name: 'twine upload with TWINE_PASSWORD from the job env',
      code: yaml`
        on: push
        jobs:
          publish:
            runs-on: ubuntu-latest
            env:
              TWINE_PASSWORD: \${{ secrets.PYPI }}
            steps:
              - run: python -m twine upload dist/*
      `,
      errors: [{ messageId: 'secret', line: 6, column: 23, data: { tool: 'twine upload', registry: 'PyPI', credential: 'TWINE_PASSWORD', how: expect.any(String) as unknown as string } }],
    },
    {
      name: 'twine -p with the secret on the command line, at the flag value',
      code: steps(`- run: twine upload -u __token__ -p \${{ secrets.PYPI }} dist/*`),
      errors: [{ messageId: 'secret', line: 6, column: 43, data: { tool: 'twine upload', registry: 'PyPI', credential: '-p', how: expect.any(String) as unknown as string } }],
    },
    {
      name: 'twine -r testpypi is TestPyPI',
      code: steps(`- run: twine upload -r testpypi dist/*\n  env:\n    TWINE_PASSWORD: \${{ secrets.TEST }}`),
      errors: [{ messageId: 'secret', line: 8, column: 27, severity: 'note' }],
    },
    {
      name: 'uv publish --token through a variable',
      code: steps(`- run: uv publish --token "$TOKEN"\n  env:\n    TOKEN: \${{ secrets.PYPI }}`),
      errors: [{ messageId: 'secret', line: 8, column: 18, data: { tool: 'uv publish', registry: 'PyPI', credential: 'TOKEN', how: expect.any(String) as unknown as string } }],
    },
    {
      name: 'uv publish with UV_PUBLISH_TOKEN',
      code: steps(`- run: uv publish\n  env:\n    UV_PUBLISH_TOKEN: \${{ secrets.PYPI }}`),
      errors: [{ messageId: 'secret', line: 8, column: 29 }],
    },
    {
      name: 'npm publish with NODE_AUTH_TOKEN, even with --provenance',
      code: steps(`- uses: actions/setup-node@${SHA}\n  with:\n    registry-url: https://registry.npmjs.org\n- run: npm publish --provenance\n  env:\n    NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}`),
      errors: [{ messageId: 'secret', line: 11, column: 28, data: { tool: 'npm publish', registry: 'npm', credential: 'NODE_AUTH_TOKEN', how: expect.any(String) as unknown as string } }],
    },
    {
      name: 'one workflow-level secret used by two publishing jobs is one finding',
      code: yaml`
        on: push
        env:
          NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
        jobs:
          a:
            runs-on: ubuntu-latest
            steps:
              - run: pnpm publish
          b:
            runs-on: ubuntu-latest
            steps:
              - run: yarn npm publish
      `,
      errors: [{ messageId: 'secret', line: 3, column: 14 }],
    },
    {
      name: 'cargo publish, multi-line, with CARGO_REGISTRY_TOKEN',
      code: steps(`- run: |\n    cargo \\\n      publish --no-verify\n  env:\n    CARGO_REGISTRY_TOKEN: \${{ secrets.CRATES }}`),
      errors: [{ messageId: 'secret', line: 10, column: 33, data: { tool: 'cargo publish', registry: 'crates.io', credential: 'CARGO_REGISTRY_TOKEN', how: expect.any(String) as unknown as string } }],
    },
    {
      name: 'gem push and dotnet nuget push',
      code: steps(`- run: gem push x.gem\n  env:\n    GEM_HOST_API_KEY: \${{ secrets.RUBYGEMS }}\n- run: dotnet nuget push x.nupkg --api-key \${{ secrets.NUGET }} --source https://api.nuget.org/v3/index.json`),
      errors: [
        { messageId: 'secret', line: 8, column: 29, data: { tool: 'gem push', registry: 'RubyGems', credential: 'GEM_HOST_API_KEY', how: expect.any(String) as unknown as string } },
        { messageId: 'secret', line: 9, column: 50, data: { tool: 'nuget push', registry: 'NuGet', credential: '--api-key', how: expect.any(String) as unknown as string } },
      ],
    },
    {
      name: 'configure-rubygems-credentials with an api-token',
      code: steps(`- uses: rubygems/configure-rubygems-credentials@${SHA}\n  with:\n    api-token: \${{ secrets.RUBYGEMS }}`),
      errors: [{ messageId: 'secret', line: 8, column: 22 }],
    },
    {
      name: 'a publish script we cannot see, given TWINE_PASSWORD (encode/httpx)',
      code: steps(`- run: scripts/publish\n  env:\n    TWINE_USERNAME: __token__\n    TWINE_PASSWORD: \${{ secrets.PYPI_TOKEN }}`),
      errors: [{ messageId: 'secret', line: 9, column: 27, data: { tool: 'a step that sets TWINE_PASSWORD (twine upload)', registry: 'PyPI', credential: 'TWINE_PASSWORD', how: expect.any(String) as unknown as string } }],
    },
  ],
});

/** Findings of this rule in every YAML file of `dir`, as `file:line`. */
function findings(dir: string, only?: RegExp): string[] {
  const root = join('/work/shared/fixtures', dir);
  return readdirSync(root)
    .filter((f) => /\.ya?ml$/.test(f) && (!only || only.test(f)))
    .flatMap((f) =>
      lintText(readFileSync(join(root, f), 'utf8'), f, { rules: [useTrustedPublishing] })
        .diagnostics.filter((d) => d.ruleId === 'use-trusted-publishing')
        .map((d) => `${f}:${d.line}`),
    );
}

describe('use-trusted-publishing over corpora', () => {
  it('reports exactly the three real-world workflows that publish with a long-lived token', () => {
    expect(findings('real-world/workflows')).toEqual([
      // npm publish --provenance still authenticates with secrets.npm_token.
      'axios__axios__publish.yml:62',
      // `scripts/publish` runs twine with TWINE_PASSWORD from secrets.PYPI_TOKEN.
      'encode__httpx__publish.yml:29',
      // The custom-publish e2e test publishes with secrets.E2E_NODE_ACCESS_TOKEN.
      'slsa-framework__example-package__e2e.nodejs.push.main.custom_publish.slsa3.yml:93',
    ]);
  });

  it('reports nothing in actionlint testdata/ok', () => {
    expect(findings('actionlint/testdata/ok')).toEqual([]);
  });

  it('agrees with zizmor where a secret is visible', () => {
    expect(findings('zizmor/test-data', /^use-trusted-publishing\.yml$/)).toEqual(
      // zizmor: 19, 26, 34 (PyPI), 52, 59 (TestPyPI), 83, 96 (RubyGems) at the step; we point at the secret.
      // zizmor's 66 (release-gem with setup-trusted-publisher: false) passes no visible secret.
      ['21', '28', '36', '54', '61', '85', '98'].map((l) => `use-trusted-publishing.yml:${l}`),
    );
    expect(findings('zizmor/test-data/use-trusted-publishing')).toEqual([
      'cargo-publish.yml:15', 'cargo-publish.yml:20', 'cargo-publish.yml:30', 'cargo-publish.yml:52', 'cargo-publish.yml:57',
      'npm-publish.yml:23', 'npm-publish.yml:35', 'npm-publish.yml:46', 'npm-publish.yml:52', 'npm-publish.yml:60',
      'npm-publish.yml:66', 'npm-publish.yml:72', 'npm-publish.yml:78', 'npm-publish.yml:84', 'npm-publish.yml:137',
    ]);
  });
});
