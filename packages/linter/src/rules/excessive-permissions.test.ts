import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { yaml } from '@slsa-kit/core/testing';
import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { testRule } from '../testing/rule-tester.js';
import { excessivePermissions } from './excessive-permissions.js';

const SHA = 'ab'.repeat(20);

testRule(excessivePermissions, {
  valid: [
    {
      name: 'a publish job with id-token and a build job without',
      code: yaml`
        on: push
        permissions: {}
        jobs:
          build:
            runs-on: ubuntu-latest
            permissions: { contents: read }
            steps:
              - uses: actions/checkout@${SHA}
              - run: python -m build
          publish:
            needs: build
            runs-on: ubuntu-latest
            permissions: { id-token: write }
            steps:
              - uses: pypa/gh-action-pypi-publish@${SHA}
      `,
    },
    {
      name: 'an action switched to attesting by an input uses the OIDC token',
      code: yaml`
        on: push
        jobs:
          package:
            runs-on: ubuntu-latest
            permissions: { id-token: write, attestations: write }
            steps:
              - uses: hynek/build-and-inspect-python-package@${SHA}
                with:
                  attest-build-provenance-github: 'true'
      `,
    },
    {
      name: 'npm publish --provenance, trusted publishing through a package script, a task runner',
      code: yaml`
        on: push
        jobs:
          a:
            runs-on: ubuntu-latest
            permissions: { id-token: write }
            steps:
              - run: npm publish --provenance --access public
          b:
            runs-on: ubuntu-latest
            permissions: { id-token: write }
            steps:
              - run: pnpm run ship
          c:
            runs-on: ubuntu-latest
            permissions: { id-token: write }
            steps:
              - run: make dist
      `,
    },
    {
      name: 'cloud auth, local and container actions are possible OIDC consumers',
      code: yaml`
        on: push
        jobs:
          a:
            runs-on: ubuntu-latest
            permissions: { id-token: write }
            steps:
              - uses: aws-actions/configure-aws-credentials@${SHA}
          b:
            runs-on: ubuntu-latest
            permissions: { id-token: write }
            steps:
              - uses: ./.github/actions/release
          c:
            runs-on: ubuntu-latest
            permissions: { id-token: write }
            steps:
              - uses: docker://ghcr.io/octo/tool@sha256:${'0'.repeat(64)}
      `,
    },
    {
      name: 'a job calling a reusable workflow (the SLSA generator needs id-token)',
      code: yaml`
        on: push
        permissions: { actions: read, id-token: write, contents: write }
        jobs:
          provenance:
            uses: slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0
      `,
    },
    {
      name: 'a workflow-level grant that every inheriting job may use',
      code: yaml`
        on: push
        permissions: { contents: write }
        jobs:
          release:
            runs-on: ubuntu-latest
            steps:
              - run: gh release create "$TAG" dist/*
      `,
    },
    {
      name: 'write-all at the workflow level has no effect when every job sets its own permissions',
      code: yaml`
        on: push
        permissions: write-all
        jobs:
          build:
            runs-on: ubuntu-latest
            permissions: { contents: read }
            steps:
              - run: echo ok
      `,
    },
    {
      name: 'a workflow-level grant that no inheriting job visibly uses (not id-token) is left alone',
      code: yaml`
        on: push
        permissions: { contents: write }
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@${SHA}
              - run: pytest
      `,
    },
  ],
  invalid: [
    {
      name: 'write-all at the workflow level',
      code: yaml`
        on: push
        permissions: write-all
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - run: echo ok
      `,
      errors: [{ messageId: 'writeAll', line: 2, column: 14, severity: 'warning' }],
    },
    {
      name: 'write-all on a job',
      code: yaml`
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            permissions: write-all
            steps:
              - run: echo ok
      `,
      errors: [{ messageId: 'writeAll', line: 5, column: 18 }],
    },
    {
      name: 'id-token on a build job that publishes nothing',
      code: yaml`
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            permissions:
              contents: read
              id-token: write
            steps:
              - uses: actions/checkout@${SHA}
              - uses: actions/setup-python@${SHA}
              - run: python -m build
              - uses: actions/upload-artifact@${SHA}
      `,
      errors: [{ messageId: 'unusedIdToken', line: 7, column: 17 }],
    },
    {
      name: 'workflow-level id-token inherited by a build and a publish job: move it to the publisher',
      code: yaml`
        on: push
        permissions:
          contents: read
          id-token: write
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - run: python -m build
          publish:
            needs: build
            runs-on: ubuntu-latest
            steps:
              - uses: pypa/gh-action-pypi-publish@${SHA}
      `,
      errors: [{ messageId: 'moveToJob', line: 4, column: 13, data: { scope: 'id-token', users: 'job `publish`', those: "that job's" } }],
    },
    {
      name: 'workflow-level contents: write inherited by a test job that only checks out and runs tests',
      code: yaml`
        on: push
        permissions:
          contents: write
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@${SHA}
              - run: pytest
          release:
            runs-on: ubuntu-latest
            steps:
              - uses: softprops/action-gh-release@${SHA}
      `,
      errors: [{ messageId: 'moveToJob', line: 3, column: 13 }],
    },
    {
      name: 'workflow-level id-token that no job uses',
      code: yaml`
        on: push
        permissions:
          id-token: write
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - run: pytest
      `,
      errors: [{ messageId: 'unusedIdToken', line: 3, column: 13, data: { where: 'every job', subject: 'job `test` has' } }],
    },
  ],
});

describe('excessive-permissions over real workflows', () => {
  // The 37 release workflows grant id-token per job and mostly keep the workflow level empty; the two
  // that looked unused at first (pytest, attrs) attest through an input of hynek's action, now known.
  it.each(['real-world/workflows', 'actionlint/testdata/ok'])('reports nothing in %s', (dir) => {
    const root = join('/work/shared/fixtures', dir);
    const found = readdirSync(root)
      .filter((f) => /\.ya?ml$/.test(f))
      .flatMap((f) =>
        lintText(readFileSync(join(root, f), 'utf8'), f, { rules: [excessivePermissions] })
          .diagnostics.filter((d) => d.ruleId === 'excessive-permissions')
          .map((d) => `${f}:${d.line} ${d.message}`),
      );
    expect(found).toEqual([]);
  });
});
