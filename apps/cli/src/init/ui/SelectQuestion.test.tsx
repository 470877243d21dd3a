import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { TRIGGER_CHOICES, type Choice } from '@slsa-kit/generator';
import { SelectQuestion } from './SelectQuestion.js';
import { KEY, plain, press, settled } from './testing.fixture.js';

afterEach(() => settled(cleanup));

const COLOURS: readonly Choice<'red' | 'green' | 'blue'>[] = [
  { value: 'red', label: 'Red', hint: 'warm' },
  { value: 'green', label: 'Green', hint: 'calm' },
  { value: 'blue', label: 'Blue', hint: '' },
];

describe('SelectQuestion', () => {
  it('highlights the default on the first frame and shows labels with hints', async () => {
    const { lastFrame } = await settled(() => render(<SelectQuestion title="Which colour?" choices={COLOURS} defaultValue="green" onSubmit={() => undefined} />));
    expect(plain(lastFrame()).split('\n').map((l) => l.trimEnd())).toEqual(['Which colour?', '  Red  warm', '> Green  calm', '  Blue', '↑/↓ to move, Enter to choose']);
  });

  it('submits the default with Enter', async () => {
    const onSubmit = vi.fn();
    const { stdin } = await settled(() => render(<SelectQuestion title="Trigger" choices={TRIGGER_CHOICES} defaultValue="release" onSubmit={onSubmit} />));
    await press(stdin, KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith('release');
  });

  it('moves with the arrows, wrapping at both ends', async () => {
    const onSubmit = vi.fn();
    const { stdin, lastFrame } = await settled(() => render(<SelectQuestion title="Which colour?" choices={COLOURS} defaultValue="red" onSubmit={onSubmit} />));
    await press(stdin, KEY.up);
    expect(plain(lastFrame())).toContain('> Blue');
    await press(stdin, KEY.down, KEY.down);
    expect(plain(lastFrame())).toContain('> Green  calm');
    await press(stdin, KEY.enter);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith('green');
  });

  it('submits what Down moved to when Down and Enter arrive in one chunk (fast typing, SSH)', async () => {
    const onSubmit = vi.fn();
    const { stdin } = await settled(() => render(<SelectQuestion title="Which colour?" choices={COLOURS} defaultValue="red" onSubmit={onSubmit} />));
    await press(stdin, `${KEY.down}${KEY.enter}`);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith('green');
  });

  it('starts on the first choice when the default is not offered, and shows a note', async () => {
    const { lastFrame } = await settled(() => render(<SelectQuestion title="Which colour?" choices={COLOURS} defaultValue={'pink' as 'red'} note="pink is not offered" onSubmit={() => undefined} />));
    const frame = plain(lastFrame());
    expect(frame).toContain('Which colour?\npink is not offered\n> Red  warm\n');
  });
});
