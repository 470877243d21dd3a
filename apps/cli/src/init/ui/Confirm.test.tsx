import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { Confirm } from './Confirm.js';
import { KEY, plain, press, settled } from './testing.fixture.js';

afterEach(() => settled(cleanup));

describe('Confirm', () => {
  it('asks with Yes selected and answers yes on Enter', async () => {
    const onSubmit = vi.fn();
    const { stdin, lastFrame } = await settled(() => render(<Confirm message="Write .github/workflows/release.yml?" onSubmit={onSubmit} />));
    expect(plain(lastFrame()).split('\n').map((l) => l.trimEnd())).toEqual(['Write .github/workflows/release.yml?', '> Yes', '  No', '↑/↓ to move, Enter to choose, or press y or n']);
    await press(stdin, KEY.enter);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith(true);
  });

  it('answers no after moving down', async () => {
    const onSubmit = vi.fn();
    const { stdin, lastFrame } = await settled(() => render(<Confirm message="Write?" onSubmit={onSubmit} />));
    await press(stdin, KEY.down);
    expect(plain(lastFrame())).toContain('  Yes\n> No');
    await press(stdin, KEY.enter);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('answers at once on y or n', async () => {
    const onSubmit = vi.fn();
    const { stdin } = await settled(() => render(<Confirm message="Write?" onSubmit={onSubmit} />));
    await press(stdin, 'n');
    expect(onSubmit).toHaveBeenLastCalledWith(false);
    await press(stdin, 'Y');
    expect(onSubmit).toHaveBeenLastCalledWith(true);
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });
});
