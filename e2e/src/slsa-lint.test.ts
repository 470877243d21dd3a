import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';

// e2e drives the built bin only; it imports nothing from the packages.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(repoRoot, 'apps', 'cli', 'bin', 'slsa-lint.js');
const GEN = 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml';
const SHA = 'f7dd8c54c2067bafc12ca7a55595d5ee9b75204a';
const COL = 10 + GEN.length + 2;
const workflow = (ref: string) => `on:\n  push:\n    tags: ['v*']\njobs:\n  provenance:\n    uses: ${GEN}@${ref}\n    permissions:\n      actions: read\n      id-token: write\n      contents: write\n    with:\n      base64-subjects: abc\n`;

let dir: string;

function slsaLint(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', ...env },
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const put = (text: string, name = 'release.yml') => writeFileSync(path.join(dir, '.github', 'workflows', name), text);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'slsa-lint-e2e-'));
  mkdirSync(path.join(dir, '.git'));
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
});

describe('slsa-lint (built bin)', () => {
  it('is built', () => {
    expect(existsSync(path.join(repoRoot, 'apps', 'cli', 'dist', 'slsa-lint.js')), 'run npm run build first').toBe(true);
  });

  it('exit 0 on a clean workflow', () => {
    put(workflow('v2.1.0'));
    const r = slsaLint([]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('no problems found in 1 file\n');
  });

  it('text: exit 1 with file:line:column and a code frame', () => {
    put(workflow('v2'));
    const r = slsaLint([]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`--> ${path.join('.github', 'workflows', 'release.yml')}:6:${COL}`);
    expect(r.stdout).toContain(`6 |     uses: ${GEN}@v2\n  | ${' '.repeat(COL - 1)}^^\n`);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('json: the versioned contract', () => {
    put(workflow(SHA));
    const r = slsaLint(['--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      version: 1,
      results: [
        {
          file: path.join('.github', 'workflows', 'release.yml'),
          diagnostics: [
            { ruleId: 'slsa-generator-ref', severity: 'error', message: expect.stringContaining('not a commit SHA'), line: 6, column: COL, endLine: 6, endColumn: COL + 40, fixable: true },
          ],
        },
      ],
    });
  });

  it('sarif: 2.1.0 with rules, help URIs, locations and fixes', () => {
    put(workflow(SHA));
    const log = JSON.parse(slsaLint(['--format', 'sarif'], { FORCE_COLOR: '1' }).stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('slsa-lint');
    expect(run.tool.driver.rules.find((r: { id: string }) => r.id === 'slsa-generator-ref').helpUri).toMatch(/slsa-generator-ref\.md$/);
    expect(run.results[0]).toMatchObject({
      ruleId: 'slsa-generator-ref',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: '.github/workflows/release.yml' }, region: { startLine: 6, startColumn: COL } } }],
      fixes: [{ artifactChanges: [{ replacements: [{ insertedContent: { text: 'v2.1.0' } }] }] }],
    });
  });

  it('github: workflow-command annotations', () => {
    put(workflow('main'));
    const r = slsaLint(['--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^::error file=\\.github/workflows/release\\.yml,line=6,col=${COL},endLine=6,endColumn=${COL + 4},title=slsa-lint slsa-generator-ref::\`@main\` is not a release tag`));
  });

  it('exit 2 on a bad flag and on a bad configuration, without a stack trace', () => {
    put(workflow('v2.1.0'));
    const flag = slsaLint(['--format', 'xml']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^slsa-lint: --format must be one of/);
    writeFileSync(path.join(dir, '.github', 'slsa-lint.yml'), 'rules:\n  slsa-generator-ref: loud\n');
    const config = slsaLint([]);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain(`${path.join('.github', 'slsa-lint.yml')}:2:23`);
    expect(config.stderr).not.toMatch(/\n\s+at /);
  });

  it('exit 3 when there are no workflows', () => {
    const r = slsaLint([]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^slsa-lint: no workflow files/);
  });

  it('--fix rewrites a SHA-pinned generator ref back to its tag, then lints clean', () => {
    put(workflow(`${SHA} # v2.1.0`));
    const r = slsaLint(['--fix']);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, '.github', 'workflows', 'release.yml'), 'utf8')).toBe(workflow('v2.1.0'));
    expect(slsaLint(['--fix']).stderr).toBe('');
  });

  it('--version and --help', () => {
    expect(slsaLint(['--version']).stdout).toMatch(/^slsa-lint \d+\.\d+\.\d+/);
    expect(slsaLint(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: slsa-lint') });
  });
});
