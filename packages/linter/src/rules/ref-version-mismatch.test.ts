import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { yaml } from '@slsa-kit/core/testing';
import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { testRule } from '../testing/rule-tester.js';
import { RECORDED, step } from '../testing/uses-step.fixture.js';
import { refVersionMismatch } from './ref-version-mismatch.js';

const CHECKOUT_701 = RECORDED.checkout701;
const CHECKOUT_610 = RECORDED.checkout610;
const ATTEST_BP_410 = RECORDED.attestBuildProvenance410;
const UNKNOWN = '0123456789abcdef0123456789abcdef01234567';

/** The column of the comment's version after `uses` and ` # ` (+ a prefix such as `tag=`). */
const versionColumn = (uses: string, prefix = '') => 15 + uses.length + 3 + prefix.length;

testRule(refVersionMismatch, {
  valid: [
    { name: 'the comment names the release of the pinned commit', code: step(`actions/checkout@${CHECKOUT_701} # v7.0.1`) },
    { name: 'a comment without the v', code: step(`actions/checkout@${CHECKOUT_701} # 7.0.1`) },
    { name: 'a moving-tag comment is satisfied by any commit of the line', code: step(`actions/checkout@${CHECKOUT_610} # v7`) },
    { name: 'a release the database does not record', code: step(`actions/checkout@${CHECKOUT_701} # v7.0.2`) },
    { name: 'an action the database does not know', code: step(`astral-sh/setup-uv@${UNKNOWN} # v6.0.0`) },
    { name: 'no comment', code: step(`actions/checkout@${CHECKOUT_610}`) },
    { name: 'prose is not a version', code: step(`actions/checkout@${CHECKOUT_610} # pinned by renovate`) },
    { name: 'a tag ref is unpinned-uses, not this rule', code: step('actions/checkout@v7.0.0 # v7.0.1') },
    { name: 'a ratchet comment names the unpinned ref it tracks', code: step(`actions/checkout@${CHECKOUT_610} # ratchet:actions/checkout@v7.0.1`) },
  ],
  invalid: [
    {
      name: 'a comment naming another known release is corrected to the release the commit is',
      code: step(`actions/checkout@${CHECKOUT_610} # v7.0.1`),
      errors: [
        {
          messageId: 'mismatch',
          line: 6,
          column: versionColumn(`actions/checkout@${CHECKOUT_610}`),
          endColumn: versionColumn(`actions/checkout@${CHECKOUT_610}`) + 6,
          severity: 'error',
        },
      ],
      output: step(`actions/checkout@${CHECKOUT_610} # v6.1.0`),
    },
    {
      name: 'an unknown commit under a known release is reported without a fix',
      code: step(`actions/checkout@${UNKNOWN} # v7.0.1`),
      errors: [{ messageId: 'mismatch', line: 6, column: versionColumn(`actions/checkout@${UNKNOWN}`) }],
      output: null,
    },
    {
      name: 'the tag= style keeps its prefix',
      code: step(`actions/checkout@${CHECKOUT_610} # tag=v7.0.1`),
      errors: [{ messageId: 'mismatch', line: 6, column: versionColumn(`actions/checkout@${CHECKOUT_610}`, 'tag=') }],
      output: step(`actions/checkout@${CHECKOUT_610} # tag=v6.1.0`),
    },
    {
      name: 'a record from a secondary source (unverified) is a warning',
      code: step(`actions/attest-build-provenance@${ATTEST_BP_410} # v4.2.2`),
      errors: [{ messageId: 'mismatch', line: 6, column: versionColumn(`actions/attest-build-provenance@${ATTEST_BP_410}`), severity: 'warning' }],
      output: step(`actions/attest-build-provenance@${ATTEST_BP_410} # v4.1.0`),
    },
    {
      name: 'owner and repository are compared case-insensitively',
      code: step(`Actions/Checkout@${CHECKOUT_610} # v7.0.1`),
      errors: [{ messageId: 'mismatch', line: 6, column: versionColumn(`Actions/Checkout@${CHECKOUT_610}`) }],
      output: step(`Actions/Checkout@${CHECKOUT_610} # v6.1.0`),
    },
    {
      name: 'a reusable workflow at the job',
      code: yaml`
        on: push
        jobs:
          call:
            uses: actions/checkout/.github/workflows/x.yml@${CHECKOUT_610} # v7.0.1
      `,
      errors: [{ messageId: 'mismatch', line: 4, column: 11 + `actions/checkout/.github/workflows/x.yml@${CHECKOUT_610}`.length + 3 }],
      output: yaml`
        on: push
        jobs:
          call:
            uses: actions/checkout/.github/workflows/x.yml@${CHECKOUT_610} # v6.1.0
      `,
    },
  ],
});

describe('ref-version-mismatch over real workflows', () => {
  it.each(['real-world/workflows', 'actionlint/testdata/ok'])('reports nothing in %s', (dir) => {
    const root = join('/work/shared/fixtures', dir);
    const found = readdirSync(root)
      .filter((f) => /\.ya?ml$/.test(f))
      .flatMap((f) =>
        lintText(readFileSync(join(root, f), 'utf8'), f, { rules: [refVersionMismatch] })
          .diagnostics.filter((d) => d.ruleId === 'ref-version-mismatch')
          .map((d) => `${f}:${d.line} ${d.message}`),
      );
    expect(found).toEqual([]);
  });
});
