import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RELEASE_YML, removeSampleProjects, runBin, sampleProject, SLSA_INIT, workflowFiles, type SampleEcosystem } from './support/sample-project.js';
import { TmuxTerminal, tmuxAvailable } from './support/tmux.js';

/**
 * The Ink wizard of `slsa-init` in a real terminal: tmux runs the built bin in a detached
 * 120×40 session, the test reads the screen (`capture-pane`) and types (`send-keys`). Outside CI
 * a machine without tmux skips this file, saying so; in CI it must run.
 */
if (!tmuxAvailable && process.env['CI']) throw new Error('tmux is required in CI (apt-get install tmux)');
if (!tmuxAvailable) console.warn('tmux not found: skipping the slsa-init wizard e2e tests (apt-get install tmux)');

/** The screens for a Python project, each with the texts that say it is fully drawn. */
const SCREENS = {
  facts: ['Step 1 of 7', 'Detected in this directory', 'Repository      acme/widget', 'Press Enter to continue'],
  ecosystem: ['Step 2 of 7', 'What does this project build?', '> Python  python -m build → sdist and wheel (detected)'],
  provenance: ['Step 3 of 7', 'How should provenance be made?', '> SLSA generator (Build L3)'],
  publish: ['Step 4 of 7', 'Where should a release be published?', '> PyPI (Trusted Publishing)'],
  trigger: ['Step 5 of 7', 'What starts a release?', '> Tag push (v*)'],
  preview: ['Step 6 of 7', `${RELEASE_YML} (new file)`, '# slsa-init: ecosystem=python', 'Press Enter to continue'],
  confirm: ['Step 7 of 7', `Write ${RELEASE_YML}?`, '> Yes'],
} as const;

let terminal: TmuxTerminal | undefined;
afterEach(() => {
  terminal?.kill();
  terminal = undefined;
});
afterAll(removeSampleProjects);

/** A sample project (Python by default) with the wizard started in it. */
function startWizard(ecosystem: SampleEcosystem = 'python', prefix: readonly string[] = []): { dir: string; term: TmuxTerminal } {
  const dir = sampleProject(ecosystem);
  terminal = TmuxTerminal.start(dir, [...prefix, process.execPath, SLSA_INIT]);
  return { dir, term: terminal };
}

/** What `--dry-run` prints for the same answers: the wizard must write exactly that. */
const expected = (...flags: string[]): string => runBin(SLSA_INIT, ['--dry-run', ...flags], sampleProject('python')).stdout;

describe.skipIf(!tmuxAvailable)('slsa-init wizard in a terminal (tmux)', { timeout: 40_000 }, () => {
  it('Enter on every screen writes the detected defaults', async () => {
    const { dir, term } = startWizard();
    for (const screen of [SCREENS.facts, SCREENS.ecosystem, SCREENS.provenance, SCREENS.publish, SCREENS.trigger, SCREENS.preview, SCREENS.confirm]) {
      await term.waitFor(screen);
      term.send('Enter');
    }
    expect(await term.exitCode()).toBe(0);
    await term.waitFor([`Wrote ${RELEASE_YML}`, 'Next steps:']);
    expect(workflowFiles(dir)).toEqual(['release.yml']);
    const text = readFileSync(path.join(dir, RELEASE_YML), 'utf8');
    expect(text.split('\n')[1]).toMatch(/^# slsa-init: ecosystem=python provenance=slsa-generator publish=pypi trigger=tag digest=sha256:[0-9a-f]{16}$/);
    expect(text).toBe(expected('--yes'));
  });

  it('two answers changed with the arrow keys: attestations, and a published release', async () => {
    const { dir, term } = startWizard();
    for (const screen of [SCREENS.facts, SCREENS.ecosystem]) {
      await term.waitFor(screen);
      term.send('Enter');
    }
    await term.waitFor(SCREENS.provenance);
    term.send('Down');
    await term.waitFor(['Step 3 of 7', '> GitHub artifact attestations']);
    term.send('Enter');
    await term.waitFor(SCREENS.publish);
    term.send('Enter');
    await term.waitFor(SCREENS.trigger);
    term.send('Down');
    await term.waitFor(['Step 5 of 7', '> Release published']);
    term.send('Enter');
    await term.waitFor(['Step 6 of 7', `${RELEASE_YML} (new file)`, '# slsa-init: ecosystem=python provenance=attestations publish=pypi trigger=release']);
    term.send('Enter');
    await term.waitFor(SCREENS.confirm);
    term.send('Enter');
    expect(await term.exitCode()).toBe(0);
    expect(workflowFiles(dir)).toEqual(['release.yml']);
    const text = readFileSync(path.join(dir, RELEASE_YML), 'utf8');
    expect(text.split('\n')[1]).toMatch(/^# slsa-init: ecosystem=python provenance=attestations publish=pypi trigger=release digest=sha256:[0-9a-f]{16}$/);
    expect(text).toMatch(/\n {8}uses: actions\/attest-build-provenance@[0-9a-f]{40} # v\d+\.\d+\.\d+\n/);
    expect(text).toContain('\non:\n  release:\n');
    expect(text).not.toContain('slsa-framework/slsa-github-generator');
    expect(text).toBe(expected('--yes', '--provenance', 'attestations', '--trigger', 'release'));
  });

  it('Ctrl-C on the publish question: nothing written, exit 130', async () => {
    const { dir, term } = startWizard();
    for (const screen of [SCREENS.facts, SCREENS.ecosystem, SCREENS.provenance]) {
      await term.waitFor(screen);
      term.send('Enter');
    }
    await term.waitFor(SCREENS.publish);
    term.send('C-c');
    expect(await term.exitCode()).toBe(130);
    await term.waitFor(['slsa-init: cancelled; nothing was written']);
    expect(workflowFiles(dir) ?? []).toEqual([]);
  });

  it('"n" at the confirmation: nothing written, exit 130', async () => {
    const { dir, term } = startWizard();
    for (const screen of [SCREENS.facts, SCREENS.ecosystem, SCREENS.provenance, SCREENS.publish, SCREENS.trigger, SCREENS.preview]) {
      await term.waitFor(screen);
      term.send('Enter');
    }
    await term.waitFor(SCREENS.confirm);
    term.send('n');
    expect(await term.exitCode()).toBe(130);
    await term.waitFor(['slsa-init: cancelled; nothing was written']);
    expect(workflowFiles(dir) ?? []).toEqual([]);
  });

  it('re-run on its own unedited file: the recorded answers are the defaults, up to date, nothing rewritten', async () => {
    const dir = sampleProject('python');
    expect(runBin(SLSA_INIT, ['--yes', '--provenance', 'attestations'], dir).code).toBe(0);
    const before = readFileSync(path.join(dir, RELEASE_YML), 'utf8');
    const term = (terminal = TmuxTerminal.start(dir, [process.execPath, SLSA_INIT]));
    await term.waitFor(['Step 1 of 7', 'Workflows       .github/workflows/release.yml (release, written by slsa-init)']);
    term.send('Enter');
    for (const screen of [SCREENS.ecosystem, ['Step 3 of 7', '> GitHub artifact attestations'], SCREENS.publish, SCREENS.trigger]) {
      await term.waitFor(screen);
      term.send('Enter');
    }
    await term.waitFor(['Step 6 of 6', `${RELEASE_YML} (up to date)`, 'Already up to date. Press Enter to finish.']);
    term.send('Enter');
    expect(await term.exitCode()).toBe(0);
    await term.waitFor([`${RELEASE_YML} is up to date`]);
    expect(readFileSync(path.join(dir, RELEASE_YML), 'utf8')).toBe(before);
    expect(workflowFiles(dir)).toEqual(['release.yml']);
  });

  // Keys that reach the program in one read: a fast typist, a paste, or an SSH connection that
  // batches keystrokes. Each key must act on the state the previous one left.
  it('Down and Enter in one burst choose the highlighted answer', async () => {
    const { dir, term } = startWizard();
    for (const screen of [SCREENS.facts, SCREENS.ecosystem]) {
      await term.waitFor(screen);
      term.send('Enter');
    }
    await term.waitFor(SCREENS.provenance);
    term.send('Down', 'Enter');
    for (const screen of [SCREENS.publish, SCREENS.trigger]) {
      await term.waitFor(screen);
      term.send('Enter');
    }
    const preview = await term.waitFor(['Step 6 of 7', `${RELEASE_YML} (new file)`]);
    // The marker line of the previewed file says which answers the wizard took.
    expect(preview.split('\n').find((line) => line.startsWith('# slsa-init:'))).toMatch(/^# slsa-init: ecosystem=python provenance=attestations publish=pypi trigger=tag /);
    term.send('Enter');
    await term.waitFor(SCREENS.confirm);
    term.send('Enter');
    expect(await term.exitCode()).toBe(0);
    expect(readFileSync(path.join(dir, RELEASE_YML), 'utf8').split('\n')[1]).toMatch(/^# slsa-init: ecosystem=python provenance=attestations publish=pypi trigger=tag /);
  });

  // The terminal of a person who has CI set in their shell (or a CI job with a TTY) is still a
  // terminal: slsa-init asks there, so what it asks must be visible, or it must not ask at all.
  it('with CI=true in a terminal, never a blank screen that waits for keys', async () => {
    const { dir, term } = startWizard('python', ['env', 'CI=true']);
    let screen: string;
    try {
      screen = await term.waitFor([/Detected in this directory|Wrote \.github\/workflows\/release\.yml/], 8_000);
    } catch (error) {
      const files = workflowFiles(dir) ?? [];
      throw new Error(`${(error as Error).message}\n(.github/workflows: ${JSON.stringify(files)}; the process is still waiting for keys on a blank screen)`);
    }
    expect(screen).toMatch(/Detected in this directory|Wrote \.github\/workflows\/release\.yml/);
  });
});
