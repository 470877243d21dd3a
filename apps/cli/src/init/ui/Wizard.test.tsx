import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import type { Answers } from '@slsa-kit/generator';
import type { FixedQuestion } from './steps.js';
import { Wizard, type WizardPreview, type WizardResult } from './Wizard.js';
import { KEY, PYTHON_ANSWERS, PYTHON_FACTS, plain, press, settled } from './testing.fixture.js';

afterEach(() => settled(cleanup));

const newFile = (a: Answers): WizardPreview => ({ title: `${a.output} (new file)`, text: `# provenance: ${a.provenance}, trigger: ${a.trigger}\n`, isDiff: false, unchanged: false });

async function setup(options: { initial?: Answers; fixed?: readonly FixedQuestion[]; preview?: (a: Answers) => WizardPreview } = {}) {
  const onDone = vi.fn<(result: WizardResult) => void>();
  const preview = vi.fn(options.preview ?? newFile);
  const ui = await settled(() => render(<Wizard facts={PYTHON_FACTS} initial={options.initial ?? PYTHON_ANSWERS} fixed={new Set(options.fixed)} preview={preview} onDone={onDone} />));
  return { ...ui, onDone, preview, frame: () => plain(ui.lastFrame()) };
}

describe('Wizard', () => {
  it('accepts every default with Enter and writes the initial answers', async () => {
    const { stdin, frame, onDone, preview } = await setup();
    expect(frame()).toMatch(/^Step 1 of 7\nDetected in this directory\n/);
    await press(stdin, KEY.enter);
    expect(frame()).toMatch(/^Step 2 of 7\nWhat does this project build\?\n> Python {2}python -m build → sdist and wheel \(detected\)\n/);
    await press(stdin, KEY.enter);
    expect(frame()).toContain('Step 3 of 7\nHow should provenance be made?\n> SLSA generator');
    await press(stdin, KEY.enter);
    expect(frame()).toContain('Step 4 of 7\nWhere should a release be published?\n> PyPI (Trusted Publishing)');
    await press(stdin, KEY.enter);
    expect(frame()).toContain('Step 5 of 7\nWhat starts a release?\n> Tag push (v*)');
    await press(stdin, KEY.enter);
    expect(frame()).toContain('Step 6 of 7\n.github/workflows/release.yml (new file)\n\n# provenance: slsa-generator, trigger: tag\nlines 1–1 of 1\nPress Enter to continue');
    await press(stdin, KEY.enter);
    expect(frame()).toContain('Step 7 of 7\nWrite .github/workflows/release.yml?\n> Yes');
    expect(onDone).not.toHaveBeenCalled();
    await press(stdin, KEY.enter);
    expect(onDone).toHaveBeenCalledExactlyOnceWith({ kind: 'write', answers: PYTHON_ANSWERS });
    expect(preview).toHaveBeenCalledWith(PYTHON_ANSWERS);
    // The app has exited: further keys reach nobody.
    await press(stdin, KEY.ctrlC);
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('reflects answers changed with the arrows in the preview and the result', async () => {
    const { stdin, frame, onDone, preview } = await setup();
    await press(stdin, KEY.enter, KEY.enter, KEY.down, KEY.enter, KEY.enter, KEY.down, KEY.enter);
    const changed: Answers = { ...PYTHON_ANSWERS, provenance: 'attestations', trigger: 'release' };
    expect(frame()).toContain('# provenance: attestations, trigger: release');
    expect(preview.mock.calls).toEqual([[changed]]);
    await press(stdin, KEY.enter, KEY.enter);
    expect(onDone).toHaveBeenCalledExactlyOnceWith({ kind: 'write', answers: changed });
  });

  it('skips the questions fixed by flags', async () => {
    const initial: Answers = { ...PYTHON_ANSWERS, trigger: 'release' };
    const { stdin, frame, onDone } = await setup({ initial, fixed: ['ecosystem', 'trigger'] });
    expect(frame()).toMatch(/^Step 1 of 5\n/);
    await press(stdin, KEY.enter);
    expect(frame()).toContain('Step 2 of 5\nHow should provenance be made?');
    await press(stdin, KEY.enter, KEY.down, KEY.enter);
    expect(frame()).toContain('Step 4 of 5\n.github/workflows/release.yml (new file)');
    await press(stdin, KEY.enter, KEY.enter);
    expect(onDone).toHaveBeenCalledExactlyOnceWith({ kind: 'write', answers: { ...initial, publish: 'github-release' } });
  });

  it('asks for the build command and artifact glob of a generic project', async () => {
    const initial: Answers = { ...PYTHON_ANSWERS, artifacts: 'dist/*' };
    const { stdin, frame, onDone } = await setup({ initial });
    await press(stdin, KEY.enter, KEY.up, KEY.enter);
    expect(frame()).toContain('Step 3 of 9\nBuild command\n');
    await press(stdin, KEY.enter);
    expect(frame()).toContain('An answer is needed');
    await press(stdin, 'make dist', KEY.enter);
    expect(frame()).toContain('Step 4 of 9\nArtifact glob\n');
    expect(frame()).toContain('>  dist/*');
    await press(stdin, KEY.enter);
    expect(frame()).toContain('Step 5 of 9\nHow should provenance be made?');
    await press(stdin, KEY.enter);
    // PyPI does not fit a generic build: the publish question starts on its first target.
    expect(frame()).toContain('Where should a release be published?\n> GitHub Release only');
    expect(frame()).not.toContain('PyPI');
    await press(stdin, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    expect(onDone).toHaveBeenCalledExactlyOnceWith({ kind: 'write', answers: { ...initial, ecosystem: 'generic', buildCommand: 'make dist', publish: 'github-release' } });
  });

  it('still asks a fixed publish target that the chosen ecosystem cannot use', async () => {
    const { stdin, frame, onDone } = await setup({ fixed: ['publish'] });
    await press(stdin, KEY.enter, KEY.down, KEY.down, KEY.enter, KEY.enter);
    expect(frame()).toContain('Step 4 of 7\nWhere should a release be published?\n--publish pypi does not fit a go project; choose another target.\n> GitHub Release only');
    await press(stdin, KEY.down, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    expect(onDone).toHaveBeenCalledExactlyOnceWith({ kind: 'write', answers: { ...PYTHON_ANSWERS, ecosystem: 'go', publish: 'none' } });
  });

  it('lets a key that reaches an answered screen before the next one listens answer nothing', async () => {
    const { stdin, frame } = await setup();
    // Both keys arrive before React renders: the second still finds the facts screen listening.
    await settled(() => {
      stdin.write(KEY.enter);
      stdin.write(KEY.enter);
    });
    expect(frame()).toMatch(/^Step 2 of 7\nWhat does this project build\?/);
  });

  it('cancels on Ctrl-C midway', async () => {
    const { stdin, onDone, preview } = await setup();
    await press(stdin, KEY.enter, KEY.enter, KEY.down, KEY.ctrlC);
    expect(onDone).toHaveBeenCalledExactlyOnceWith({ kind: 'cancel' });
    expect(preview).not.toHaveBeenCalled();
  });

  it('cancels when the confirmation is answered No', async () => {
    const { stdin, onDone } = await setup();
    await press(stdin, KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.down, KEY.enter);
    expect(onDone).toHaveBeenCalledExactlyOnceWith({ kind: 'cancel' });
  });

  it('finishes from the preview, without a confirmation, when the file is up to date', async () => {
    const { stdin, frame, onDone } = await setup({ fixed: ['ecosystem', 'provenance', 'publish', 'trigger'], preview: (a) => ({ ...newFile(a), title: `${a.output} (unchanged)`, unchanged: true }) });
    await press(stdin, KEY.enter);
    expect(frame()).toContain('Step 2 of 2\n.github/workflows/release.yml (unchanged)\n');
    expect(frame()).toContain('Already up to date. Press Enter to finish.');
    await press(stdin, KEY.enter);
    expect(onDone).toHaveBeenCalledExactlyOnceWith({ kind: 'write', answers: PYTHON_ANSWERS });
  });

  it('lists the problems of unusable answers instead of a preview, and exits with cancel', async () => {
    const initial: Answers = { ...PYTHON_ANSWERS, output: 'release.yml' };
    const { stdin, frame, onDone, preview } = await setup({ initial, fixed: ['ecosystem', 'provenance', 'publish', 'trigger'] });
    await press(stdin, KEY.enter);
    expect(frame()).toContain('These answers cannot be used\n\n--output release.yml must be a .yml or .yaml file directly under .github/workflows/\n');
    await press(stdin, KEY.enter);
    expect(onDone).toHaveBeenCalledExactlyOnceWith({ kind: 'cancel' });
    expect(preview).not.toHaveBeenCalled();
  });
});
