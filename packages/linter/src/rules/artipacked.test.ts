import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { testRule } from '../testing/rule-tester.js';
import { artipacked } from './artipacked.js';

const SHA = 'ab'.repeat(20);

/** A job: checkout (line 6, `uses:` value at column 15 after `- uses: `), then `rest` steps. */
const job = (checkout: string, rest: string) =>
  `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${`${checkout}\n${rest}`.replace(/^/gm, '      ').replace(/^\s+$/gm, '')}\n`;
const upload = (path: string, extra = '') => `- uses: actions/upload-artifact@v4\n  with:\n    path: ${path}\n    include-hidden-files: true${extra}`;

testRule(artipacked, {
  valid: [
    { name: 'persist-credentials: false', code: job(`- uses: actions/checkout@v4\n  with:\n    persist-credentials: false`, upload('.')) },
    { name: "persist-credentials: 'false' (a string)", code: job(`- uses: actions/checkout@v4\n  with:\n    persist-credentials: 'false'`, upload('.')) },
    { name: 'upload-artifact v4.4+ leaves hidden files out by default', code: job('- uses: actions/checkout@v4', '- uses: actions/upload-artifact@v4\n  with:\n    path: .') },
    { name: 'a floating @v4 runs a release that leaves hidden files out', code: job('- uses: actions/checkout@v4', `- uses: actions/upload-artifact@${SHA} # v4\n  with:\n    path: .`) },
    { name: 'the upload path does not contain the checkout', code: job('- uses: actions/checkout@v4', upload('dist/')) },
    { name: 'the upload excludes .git', code: job('- uses: actions/checkout@v4', upload('|\n      .\n      !.git')) },
    { name: 'checkout v6 keeps credentials out of the workspace', code: job(`- uses: actions/checkout@${SHA} # v6.0.1`, upload('.')) },
    { name: 'a checkout into a sub-directory and an upload of a sibling', code: job('- uses: actions/checkout@v4\n  with:\n    path: src', upload('out')) },
    { name: 'a checkout with no upload at all (zizmor reports this; we do not)', code: job('- uses: actions/checkout@v4', '- run: make') },
    { name: 'the upload runs before the checkout', code: job(upload('.'), '- uses: actions/checkout@v4') },
    { name: 'pages artifacts leave .git out', code: job('- uses: actions/checkout@v4', '- uses: actions/upload-pages-artifact@v3\n  with:\n    path: .') },
  ],
  invalid: [
    {
      name: 'include-hidden-files: true with the workspace root: a block is added',
      code: job('- uses: actions/checkout@v4', upload('.')),
      errors: [{ messageId: 'leak', line: 6, column: 15, data: { path: 'the workspace root', line: '9', why: ' (`include-hidden-files: true`)' } }],
      output: job('- uses: actions/checkout@v4\n  with:\n    persist-credentials: false', upload('.')),
    },
    {
      name: 'an existing with: block gets the key, a comment stays',
      code: job('- uses: actions/checkout@v4 # v4.2.2\n  with:\n    fetch-depth: 0', upload('${{ github.workspace }}')),
      errors: [{ messageId: 'leak', line: 6, column: 15 }],
      output: job('- uses: actions/checkout@v4 # v4.2.2\n  with:\n    persist-credentials: false\n    fetch-depth: 0', upload('${{ github.workspace }}')),
    },
    {
      name: 'an old upload-artifact pinned by SHA uploads hidden files by default',
      code: job('- uses: actions/checkout@v4', `- uses: actions/upload-artifact@${SHA} # v4.3.6\n  with:\n    path: ./`),
      errors: [{ messageId: 'leak', line: 6, column: 15, data: { path: 'the workspace root', line: '9', why: ' (upload-artifact 4.3 uploads hidden files)' } }],
      output: job('- uses: actions/checkout@v4\n  with:\n    persist-credentials: false', `- uses: actions/upload-artifact@${SHA} # v4.3.6\n  with:\n    path: ./`),
    },
    {
      name: 'a checkout into a sub-directory, uploaded as a whole',
      code: job('- uses: actions/checkout@v4\n  with:\n    path: repo', upload('repo/**')),
      errors: [{ messageId: 'leak', line: 6, column: 15 }],
      output: job('- uses: actions/checkout@v4\n  with:\n    persist-credentials: false\n    path: repo', upload('repo/**')),
    },
    {
      name: 'no fix when a later step pushes with git',
      code: job('- uses: actions/checkout@v4', `- run: git push origin HEAD:gh-pages\n${upload('.')}`),
      errors: [{ messageId: 'leak', line: 6, column: 15 }],
      output: null,
    },
    {
      name: 'no fix over an explicit persist-credentials: true (the author asked for it)',
      code: job('- uses: actions/checkout@v4\n  with:\n    persist-credentials: true', upload('.')),
      errors: [{ messageId: 'leak', line: 6, column: 15 }],
      output: null,
    },
  ],
});

function findings(dir: string, only?: RegExp): string[] {
  const root = join('/work/shared/fixtures', dir);
  return readdirSync(root)
    .filter((f) => /\.ya?ml$/.test(f) && (!only || only.test(f)))
    .flatMap((f) => lintText(readFileSync(join(root, f), 'utf8'), f, { rules: [artipacked] }).diagnostics.filter((d) => d.ruleId === ID).map((d) => `${f}:${d.line}`));
}
const ID = 'artipacked';

describe('artipacked over corpora', () => {
  it.each(['real-world/workflows', 'actionlint/testdata/ok'])('reports nothing in %s', (dir) => {
    expect(findings(dir)).toEqual([]);
  });

  it('differs from zizmor by design: no upload of .git, no finding', () => {
    // zizmor reports every checkout without persist-credentials: false at low confidence (22:9, and 28:9 when pedantic).
    expect(findings('zizmor/test-data', /^artipacked\.yml$/)).toEqual([]);
    expect(findings('zizmor/test-data/artipacked')).toEqual([]);
  });
});
