import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from './run.js';

const GEN = 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml';
const SHA = 'f7dd8c54c2067bafc12ca7a55595d5ee9b75204a';
const workflow = (ref: string) => `on: push\njobs:\n  provenance:\n    uses: ${GEN}@${ref}\n    permissions:\n      actions: read\n      id-token: write\n      contents: write\n    with:\n      base64-subjects: abc\n`;

let repo: string;
const home = process.cwd();

async function run(argv: string[], env: Record<string, string> = {}, isTTY = false) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t), isTTY },
    stderr: { write: (t: string) => (stderr += t) },
    env,
  });
  return { code, stdout, stderr };
}

beforeEach(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'slsa-lint-cli-'));
  await mkdir(path.join(repo, '.git'));
  await mkdir(path.join(repo, '.github', 'workflows'), { recursive: true });
  await mkdir(path.join(repo, 'sub'));
  process.chdir(path.join(repo, 'sub'));
});
afterEach(() => process.chdir(home));

const put = (name: string, text: string) => writeFile(path.join(repo, '.github', 'workflows', name), text);

describe('slsa-lint', () => {
  it('lints the repository workflows by default: 0 when clean, 1 with findings', async () => {
    await put('ok.yml', workflow('v2.1.0'));
    expect((await run([])).code).toBe(0);
    await put('bad.yaml', workflow('main'));
    const r = await run([]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${path.join('..', '.github', 'workflows', 'bad.yaml')}:4:`);
  });

  it('notes do not fail; --min-severity hides and raises the bar', async () => {
    await put('old.yml', workflow('v2.0.0'));
    const notes = await run(['--format', 'json']);
    expect(notes.code).toBe(0);
    expect(JSON.parse(notes.stdout).results[0].diagnostics).toHaveLength(1);
    await put('bad.yml', workflow('main'));
    expect((await run(['--min-severity', 'error', '--format', 'json'])).code).toBe(1);
    await put('bad.yml', workflow('v2.1.0'));
    const hidden = await run(['--min-severity', 'warning', '--format', 'json']);
    expect(JSON.parse(hidden.stdout).results.flatMap((r: { diagnostics: unknown[] }) => r.diagnostics)).toEqual([]);
  });

  it('exit 2 for bad flags and bad configuration, with a hint and no stack', async () => {
    await put('ok.yml', workflow('v2.1.0'));
    for (const argv of [['--frobnicate'], ['--format', 'xml'], ['--min-severity', 'fatal'], ['--config', 'nope.yml']]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^slsa-lint: .*\nhint: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    await writeFile(path.join(repo, '.slsa-lint.yml'), 'rules:\n  no-such-rule: error\n');
    const bad = await run([]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('.slsa-lint.yml:2:3: unknown rule `no-such-rule`');
  });

  it('exit 3 when there is nothing to lint', async () => {
    expect((await run([])).code).toBe(3);
    expect((await run(['missing.yml'])).code).toBe(3);
  });

  it('--fix rewrites a SHA-pinned generator to its tag and reports what remains', async () => {
    await put('release.yml', workflow(`${SHA} # v2.1.0`));
    const r = await run(['--fix']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('fixed 1 file');
    expect(await readFile(path.join(repo, '.github', 'workflows', 'release.yml'), 'utf8')).toBe(workflow('v2.1.0'));
  });

  it('colours text only on a TTY without NO_COLOR, and never machine formats', async () => {
    await put('bad.yml', workflow('main'));
    expect((await run([], {}, true)).stdout).toContain('\u001b[');
    expect((await run([], { NO_COLOR: '1' }, true)).stdout).not.toContain('\u001b[');
    expect((await run([], {}, false)).stdout).not.toContain('\u001b[');
    for (const format of ['json', 'sarif', 'github']) expect((await run(['--format', format], {}, true)).stdout).not.toContain('\u001b[');
  });

  it('--online without SHA pins asks GitHub nothing and lints as usual', async () => {
    await put('ok.yml', workflow('v2.1.0'));
    const r = await run(['--online'], { GITHUB_API_URL: 'http://127.0.0.1:1' });
    expect(r).toMatchObject({ code: 0, stderr: '' });
  });

  it('--help and --version', async () => {
    expect((await run(['--help'])).stdout).toContain('Exit codes:');
    expect((await run(['--version'])).stdout).toMatch(/^slsa-lint \d+\.\d+\.\d+\n$/);
  });

  it('takes files and directories', async () => {
    await put('bad.yml', workflow('main'));
    await writeFile(path.join(repo, 'sub', 'x.yaml'), workflow('main'));
    const r = await run(['--format', 'json', '.', path.join(repo, '.github')]);
    expect(JSON.parse(r.stdout).results.map((x: { file: string }) => x.file)).toEqual([path.join('..', '.github', 'workflows', 'bad.yml'), 'x.yaml']);
  });
});

describe('sarif paths', () => {
  it('are relative to the repository root whatever the working directory', async () => {
    await put('bad.yml', workflow('main'));
    const log = JSON.parse((await run(['--format', 'sarif'])).stdout);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('.github/workflows/bad.yml');
  });
});
