import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from './run.js';

const GEN = 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml';
const workflow = (ref: string) => `on: push\njobs:\n  provenance:\n    uses: ${GEN}@${ref}\n    permissions:\n      actions: read\n      id-token: write\n      contents: write\n    with:\n      base64-subjects: abc\n`;

let repo: string;
const home = process.cwd();

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (t: string) => (stdout += t), isTTY: false }, stderr: { write: (t: string) => (stderr += t) }, env: {} });
  return { code, stdout, stderr };
}

beforeEach(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'slsa-lint-config-'));
  await mkdir(path.join(repo, '.git'));
  await mkdir(path.join(repo, '.github', 'workflows'), { recursive: true });
  process.chdir(repo);
});
afterEach(() => process.chdir(home));

const config = (text: string) => writeFile(path.join(repo, '.github', 'slsa-lint.yml'), text);

describe('slsa-lint configuration: ignores by file:line', () => {
  it('an entry silences that finding (exit 0); a stale entry is a note that does not fail', async () => {
    await writeFile(path.join(repo, '.github', 'workflows', 'release.yml'), workflow('main'));
    expect((await run([])).code).toBe(1);
    await config('ignores:\n  - { file: .github/workflows/release.yml, line: 4, rules: [slsa-generator-ref], reason: testing a branch build }\n');
    const quiet = await run(['--format', 'json']);
    expect(quiet.code).toBe(0);
    expect(JSON.parse(quiet.stdout).results[0].diagnostics).toEqual([]);
    expect((await run(['--no-ignores'])).code).toBe(1);

    await config('ignores:\n  - { file: .github/workflows/release.yml, line: 9, rules: [slsa-generator-ref], reason: stale }\n');
    const stale = await run(['--format', 'json']);
    expect(stale.code).toBe(1);
    const found = JSON.parse(stale.stdout).results[0].diagnostics.map((d: { ruleId: string; line: number; severity: string }) => `${d.line} ${d.severity} ${d.ruleId}`);
    expect(found).toEqual(['4 error slsa-generator-ref', '9 note ignore-comment']);
  });

  it('invalid entries: exit 2, every problem as file:line:column', async () => {
    await writeFile(path.join(repo, '.github', 'workflows', 'release.yml'), workflow('v2.1.0'));
    await config('ignores:\n  - { file: release.yml, line: twelve, rules: [unpinned-use], reason: r }\n  - release.yml:12\n');
    const r = await run([]);
    expect(r.code).toBe(2);
    const shown = path.join('.github', 'slsa-lint.yml');
    expect(r.stderr).toContain(`${shown}:2:32: \`line\` must be a line number (1 or more)`);
    expect(r.stderr).toContain(`${shown}:2:48: unknown rule \`unpinned-use\`; did you mean \`unpinned-uses\`?`);
    expect(r.stderr).toContain(`${shown}:3:5: each \`ignores\` entry must be a mapping`);
  });
});
