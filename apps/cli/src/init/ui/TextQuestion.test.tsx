import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { TextQuestion } from './TextQuestion.js';
import { KEY, plain, press, settled } from './testing.fixture.js';

afterEach(() => settled(cleanup));

describe('TextQuestion', () => {
  it('takes typed text, with Backspace, and submits it trimmed', async () => {
    const onSubmit = vi.fn();
    const { stdin, lastFrame } = await settled(() => render(<TextQuestion title="Build command" hint="e.g. make dist" onSubmit={onSubmit} />));
    expect(plain(lastFrame()).split('\n').map((l) => l.trimEnd())).toEqual(['Build command', 'e.g. make dist', '>', 'Type a value, then press Enter']);
    await press(stdin, 'm', 'a', 'k', 'x', KEY.backspace, 'e', ' ', 'dist', ' ');
    expect(plain(lastFrame())).toContain('> make dist');
    await press(stdin, KEY.enter);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith('make dist');
  });

  it('refuses an empty answer with a message, which typing clears', async () => {
    const onSubmit = vi.fn();
    const { stdin, lastFrame } = await settled(() => render(<TextQuestion title="Artifact glob" onSubmit={onSubmit} />));
    await press(stdin, ' ', KEY.enter);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(plain(lastFrame())).toContain('An answer is needed: type a value, then press Enter.');
    await press(stdin, 'd');
    expect(plain(lastFrame())).not.toContain('An answer is needed');
  });

  it('shows a default and accepts it with Enter', async () => {
    const onSubmit = vi.fn();
    const { stdin, lastFrame } = await settled(() => render(<TextQuestion title="Artifact glob" defaultValue="dist/*" onSubmit={onSubmit} />));
    expect(plain(lastFrame())).toContain('>  dist/*\nEnter to accept, or type a new value');
    await press(stdin, KEY.enter);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith('dist/*');
  });

  it('replaces the default with typed text, and ignores control keys and pasted control characters', async () => {
    const onSubmit = vi.fn();
    const { stdin, lastFrame } = await settled(() => render(<TextQuestion title="Artifact glob" defaultValue="dist/*" onSubmit={onSubmit} />));
    await press(stdin, 'out/', KEY.up, KEY.ctrlC, '*.t\tgz');
    expect(plain(lastFrame())).toContain('> out/*.tgz');
    expect(plain(lastFrame())).not.toContain('dist/*');
    await press(stdin, KEY.enter);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith('out/*.tgz');
  });
});
