import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  RELEASE_YML,
  removeSampleProjects,
  runBin,
  runBinWithClosedStdin,
  runBinWithSilentStdin,
  sampleProject,
  SLSA_INIT,
  workflowFiles,
  type BinResult,
} from './support/sample-project.js';

/**
 * What `slsa-init` does with files: --check, --dry-run, the overwrite guard and --force, an
 * existing release workflow as the default output, atomic writes (no temp files left behind),
 * exit codes 2 and 3, and never prompting without a terminal.
 */
afterAll(removeSampleProjects);

const init = (dir: string, ...args: string[]): BinResult => runBin(SLSA_INIT, args, dir);
const read = (dir: string, file = RELEASE_YML): string => readFileSync(path.join(dir, file), 'utf8');
const write = (dir: string, text: string, file = RELEASE_YML): void => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};
/** A project where `slsa-init --yes` has written release.yml; returns the directory and the text. */
function initialised(): { dir: string; text: string } {
  const dir = sampleProject('python');
  const r = init(dir, '--yes');
  expect(r.code).toBe(0);
  return { dir, text: read(dir) };
}

/** Screens of the wizard: none may appear when slsa-init must not prompt. */
const PROMPTS = ['Press Enter', 'What does this project build?', 'Where should a release be published?', 'Step 1 of'];
const expectNoPrompt = (r: BinResult): void => {
  for (const prompt of PROMPTS) expect(r.stdout + r.stderr).not.toContain(prompt);
};

const HAND_WRITTEN_CI = 'name: CI\non:\n  push:\n    branches: [main]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo test\n';
const HAND_WRITTEN_PUBLISH =
  'name: Publish\non:\n  push:\n    tags: ["v*"]\npermissions:\n  contents: read\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo publish\n';

describe('slsa-init --check', () => {
  it('exits 0 after init, and 1 with a unified diff after an edit, writing nothing', () => {
    const { dir, text } = initialised();
    expect(init(dir, '--check')).toEqual({ code: 0, stdout: `${RELEASE_YML} is up to date\n`, stderr: '' });

    const edited = text.replace('\nname: Release\n', '\nname: Release (edited)\n');
    expect(edited).not.toBe(text);
    write(dir, edited);
    const r = init(dir, '--check');
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith(`--- a/${RELEASE_YML}\n+++ b/${RELEASE_YML}\n@@ -`), r.stdout).toBe(true);
    expect(r.stdout).toContain('\n-name: Release (edited)\n+name: Release\n');
    expect(r.stderr).toMatch(/^slsa-init --check: \.github\/workflows\/release\.yml differs from what slsa-init would write\n/);
    expect(read(dir)).toBe(edited);
    expect(workflowFiles(dir)).toEqual(['release.yml']);
  });

  it('exits 1 when the file does not exist, and creates nothing', () => {
    const dir = sampleProject('node');
    const r = init(dir, '--check');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${RELEASE_YML} does not exist; run slsa-init to write it\n`);
    expect(existsSync(path.join(dir, '.github'))).toBe(false);
  });
});

describe('slsa-init --dry-run', () => {
  it('prints exactly the workflow --yes would write, and writes nothing', () => {
    const dir = sampleProject('go');
    const r = init(dir, '--dry-run');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, '.github'))).toBe(false);

    const other = sampleProject('go');
    expect(init(other, '--yes').code).toBe(0);
    expect(r.stdout).toBe(read(other));
    expect(r.stdout).toMatch(/^# Release workflow written by slsa-init.*\n# slsa-init: ecosystem=go provenance=slsa-generator publish=github-release trigger=tag digest=sha256:[0-9a-f]{16}\n/);
  });

  it('over an edited file: prints the new workflow, says it would change, leaves the file', () => {
    const { dir, text } = initialised();
    const edited = `${text}# a note\n`;
    write(dir, edited);
    const r = init(dir, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(text);
    expect(r.stderr).toBe(`slsa-init: --dry-run: ${RELEASE_YML} would change (nothing was written)\n`);
    expect(read(dir)).toBe(edited);
    expect(workflowFiles(dir)).toEqual(['release.yml']);
  });
});

describe('the overwrite guard', () => {
  it('re-running on an unedited file: exit 0, "is up to date", nothing rewritten', () => {
    const { dir, text } = initialised();
    expect(init(dir, '--yes')).toEqual({ code: 0, stdout: `${RELEASE_YML} is up to date\n`, stderr: '' });
    expect(read(dir)).toBe(text);
    expect(workflowFiles(dir)).toEqual(['release.yml']);
  });

  it('an edited file: --yes exits 2 and leaves it byte-identical; --force replaces it', () => {
    const { dir, text } = initialised();
    const edited = text.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-24.04');
    expect(edited).not.toBe(text);
    write(dir, edited);
    const r = init(dir, '--yes');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^slsa-init: \.github\/workflows\/release\.yml exists and was edited since slsa-init wrote it; it is left as it is\n/);
    expect(readFileSync(path.join(dir, RELEASE_YML))).toEqual(Buffer.from(edited));
    expect(workflowFiles(dir)).toEqual(['release.yml']);

    const forced = init(dir, '--yes', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^Updated \.github\/workflows\/release\.yml\n\nNext steps:\n/);
    expect(read(dir)).toBe(text);
    expect(workflowFiles(dir)).toEqual(['release.yml']);
  });

  it('a workflow slsa-init did not write at the output path: exit 2 unchanged; --force replaces it', () => {
    const dir = sampleProject('node');
    write(dir, HAND_WRITTEN_CI);
    const r = init(dir, '--yes');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^slsa-init: \.github\/workflows\/release\.yml exists and was not written by slsa-init; it is left as it is\n/);
    expect(read(dir)).toBe(HAND_WRITTEN_CI);
    expect(workflowFiles(dir)).toEqual(['release.yml']);

    const forced = init(dir, '--yes', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^Updated \.github\/workflows\/release\.yml\n/);
    expect(read(dir)).toBe(init(sampleProject('node'), '--dry-run').stdout);
    expect(workflowFiles(dir)).toEqual(['release.yml']);
    expect(init(dir, '--check').code).toBe(0);
  });

  it('an existing hand-written release workflow (publish.yml, on tags) is the default output', () => {
    const dir = sampleProject('python');
    write(dir, HAND_WRITTEN_PUBLISH, '.github/workflows/publish.yml');
    write(dir, HAND_WRITTEN_CI, '.github/workflows/ci.yml');

    const guarded = init(dir, '--yes');
    expect(guarded.code).toBe(2);
    expect(guarded.stderr).toMatch(/^slsa-init: \.github\/workflows\/publish\.yml exists and was not written by slsa-init; it is left as it is\n/);
    expect(workflowFiles(dir)).toEqual(['ci.yml', 'publish.yml']);
    expect(read(dir, '.github/workflows/publish.yml')).toBe(HAND_WRITTEN_PUBLISH);

    const forced = init(dir, '--yes', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^Updated \.github\/workflows\/publish\.yml\n\nNext steps:\n/);
    // PyPI's trusted publisher names the workflow file: it must be the one written.
    expect(forced.stdout).toContain('workflow publish.yml, environment pypi');
    expect(workflowFiles(dir)).toEqual(['ci.yml', 'publish.yml']);
    expect(read(dir, '.github/workflows/publish.yml')).toMatch(/^# Release workflow written by slsa-init.*\n# slsa-init: ecosystem=python /);
    expect(read(dir, '.github/workflows/ci.yml')).toBe(HAND_WRITTEN_CI);

    // From now on it is slsa-init's own file: up to date, and --check agrees.
    expect(init(dir, '--yes')).toEqual({ code: 0, stdout: '.github/workflows/publish.yml is up to date\n', stderr: '' });
    expect(init(dir, '--check').code).toBe(0);
    expect(workflowFiles(dir)).toEqual(['ci.yml', 'publish.yml']);
  });

  it('--output writes the named file instead', () => {
    const dir = sampleProject('python');
    const r = init(dir, '--yes', '--output', '.github/workflows/slsa.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote \.github\/workflows\/slsa\.yaml\n/);
    expect(workflowFiles(dir)).toEqual(['slsa.yaml']);
  });
});

describe('exit codes 2 and 3', () => {
  it('a directory that does not exist: exit 3', () => {
    const missing = path.join(tmpdir(), `slsa-init-missing-${process.pid}-${Date.now()}`);
    const r = runBin(SLSA_INIT, [missing, '--yes'], tmpdir());
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^slsa-init: ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a directory\n`));
    expect(existsSync(missing)).toBe(false);
  });

  it('DIR given on the command line is the project', () => {
    const dir = sampleProject('node');
    const r = runBin(SLSA_INIT, [dir, '--yes'], tmpdir());
    expect(r.code).toBe(0);
    expect(read(dir)).toMatch(/\n# slsa-init: ecosystem=node provenance=slsa-generator publish=npm trigger=tag /);
  });

  it.each([
    ['--ecosystem', 'rust'],
    ['--provenance', 'sigstore'],
    ['--publish', 'maven'],
    ['--trigger', 'push'],
    ['--output', ''],
    ['--build-command', ' '],
  ])('a bad value of %s: exit 2, naming the flag, nothing written', (flag, value) => {
    const dir = sampleProject('python');
    const r = init(dir, '--yes', flag, value);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^slsa-init: ${flag} (must be one of|needs a value)`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, '.github'))).toBe(false);
  });

  it('a publish target that does not fit the ecosystem, and an unknown flag: exit 2, naming the flag', () => {
    const dir = sampleProject('python');
    const misfit = init(dir, '--yes', '--publish', 'npm');
    expect(misfit.code).toBe(2);
    expect(misfit.stderr).toMatch(/^slsa-init: --publish npm does not fit a python project/);
    const unknown = init(dir, '--yes', '--bogus');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^slsa-init: Unknown option '--bogus'/);
    expect(existsSync(path.join(dir, '.github'))).toBe(false);
  });
});

describe('without a terminal it never prompts', () => {
  it('--yes with stdin closed', () => {
    const dir = sampleProject('python');
    const r = runBinWithClosedStdin(SLSA_INIT, ['--yes'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote \.github\/workflows\/release\.yml\n\nNext steps:\n/);
    expectNoPrompt(r);
    expect(workflowFiles(dir)).toEqual(['release.yml']);
  });

  it('--yes with stdin an open pipe that never sends a byte', async () => {
    const dir = sampleProject('node');
    const r = await runBinWithSilentStdin(SLSA_INIT, ['--yes'], dir, 10_000);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote \.github\/workflows\/release\.yml\n/);
    expectNoPrompt(r);
  });

  it('without --yes, stdin an open pipe: takes the defaults, does not wait for an answer', async () => {
    const dir = sampleProject('python');
    const r = await runBinWithSilentStdin(SLSA_INIT, [], dir, 10_000);
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote \.github\/workflows\/release\.yml\n\nNext steps:\n/);
    expectNoPrompt(r);
    expect(read(dir).split('\n')[1]).toMatch(/^# slsa-init: ecosystem=python provenance=slsa-generator publish=pypi trigger=tag digest=/);
  });

  it('without --yes, stdin closed', () => {
    const dir = sampleProject('go');
    const r = runBinWithClosedStdin(SLSA_INIT, [], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote \.github\/workflows\/release\.yml\n/);
    expectNoPrompt(r);
  });
});
