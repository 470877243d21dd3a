import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { Preview } from './Preview.js';
import { KEY, plain, press, settled } from './testing.fixture.js';

afterEach(() => settled(cleanup));

const YAML = Array.from({ length: 12 }, (_, i) => `line${i + 1}: x`).join('\n') + '\n';
const DIFF = ['--- a/.github/workflows/release.yml', '+++ b/.github/workflows/release.yml', '@@ -1,2 +1,2 @@', ' name: release', '-on: push', '+on: release'].join('\n');

/** The text lines of a frame: between the blank line after the title and the footer. */
function body(frame: string | undefined): string[] {
  const lines = plain(frame).split('\n').map((l) => l.trimEnd());
  return lines.slice(2, -2);
}

describe('Preview', () => {
  it('shows the title, the first window of lines, and where it is', async () => {
    const { lastFrame } = await settled(() => render(<Preview title="release.yml (new file)" text={YAML} isDiff={false} rows={5} onContinue={() => undefined} />));
    const lines = plain(lastFrame()).split('\n').map((l) => l.trimEnd());
    expect(lines).toEqual(['release.yml (new file)', '', 'line1: x', 'line2: x', 'line3: x', 'line4: x', 'line5: x', 'lines 1–5 of 12, ↑/↓ PageUp/PageDown to scroll', 'Press Enter to continue']);
  });

  it('scrolls by a line and by a page, never past either end', async () => {
    const { stdin, lastFrame } = await settled(() => render(<Preview title="t" text={YAML} isDiff={false} rows={5} onContinue={() => undefined} />));
    await press(stdin, KEY.up);
    expect(body(lastFrame())[0]).toBe('line1: x');
    await press(stdin, KEY.down, KEY.down);
    expect(body(lastFrame())).toEqual(['line3: x', 'line4: x', 'line5: x', 'line6: x', 'line7: x']);
    expect(plain(lastFrame())).toContain('lines 3–7 of 12');
    await press(stdin, KEY.pageDown);
    expect(plain(lastFrame())).toContain('lines 8–12 of 12');
    await press(stdin, KEY.down, KEY.pageDown);
    expect(body(lastFrame())[4]).toBe('line12: x');
    expect(plain(lastFrame())).toContain('lines 8–12 of 12');
    await press(stdin, KEY.pageUp);
    expect(plain(lastFrame())).toContain('lines 3–7 of 12');
  });

  it('shows a short text whole, with the caller’s Enter hint, and continues on Enter', async () => {
    const onContinue = vi.fn();
    const { stdin, lastFrame } = await settled(() => render(<Preview title="t" text={DIFF} isDiff rows={20} enterHint="Press Enter to finish" onContinue={onContinue} />));
    expect(body(lastFrame())).toEqual(DIFF.split('\n'));
    expect(plain(lastFrame())).toContain('lines 1–6 of 6\nPress Enter to finish');
    expect(onContinue).not.toHaveBeenCalled();
    await press(stdin, KEY.enter);
    expect(onContinue).toHaveBeenCalledTimes(1);
  });

  it('fits 20 lines when the terminal height is unknown', async () => {
    const long = Array.from({ length: 30 }, (_, i) => `l${i}`).join('\n');
    const { lastFrame } = await settled(() => render(<Preview title="t" text={long} isDiff={false} onContinue={() => undefined} />));
    expect(plain(lastFrame())).toContain('lines 1–20 of 30');
  });
});
