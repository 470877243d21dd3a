import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { runWizard } from './run-wizard.js';
import { KEY, PYTHON_ANSWERS, PYTHON_FACTS, press, settled } from './testing.fixture.js';

/** Just enough of a terminal's stdin for Ink: keys arrive through `readable` and `read()`. */
class FakeStdin extends EventEmitter {
  isTTY: boolean;
  private pending: string | null = null;
  constructor(isTTY = true) {
    super();
    this.isTTY = isTTY;
  }
  write(data: string): void {
    this.pending = data;
    this.emit('readable');
  }
  read(): string | null {
    const data = this.pending;
    this.pending = null;
    return data;
  }
  // Raw mode, encoding, and keeping the event loop alive are a real terminal's business.
  setEncoding(): this {
    return this;
  }
  setRawMode(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
}

class FakeStdout extends EventEmitter {
  readonly columns = 100;
  readonly rows = 30;
  output = '';
  write(text: string): boolean {
    this.output += text;
    return true;
  }
}

function terminal(isTTY = true) {
  const stdin = new FakeStdin(isTTY);
  const stdout = new FakeStdout();
  return { stdin, stdout, io: { stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream } };
}

const props = {
  facts: PYTHON_FACTS,
  initial: PYTHON_ANSWERS,
  fixed: new Set(['ecosystem', 'provenance', 'publish', 'trigger'] as const),
  preview: () => ({ title: 'release.yml (new file)', text: 'name: release\n', isDiff: false, unchanged: false }),
};

describe('runWizard', () => {
  it('resolves with the answers once the user confirms', async () => {
    const { stdin, stdout, io } = terminal();
    // Wrapped in an object: `settled` would otherwise wait for the wizard itself.
    const { result } = await settled(() => ({ result: runWizard(props, io) }));
    await press(stdin, KEY.enter, KEY.enter, KEY.enter);
    await expect(result).resolves.toEqual({ kind: 'write', answers: PYTHON_ANSWERS });
    expect(stdout.output).toContain('Write .github/workflows/release.yml?');
  });

  it('resolves cancel on Ctrl-C, which Ink leaves to the wizard', async () => {
    const { stdin, io } = terminal();
    // Wrapped in an object: `settled` would otherwise wait for the wizard itself.
    const { result } = await settled(() => ({ result: runWizard(props, io) }));
    await press(stdin, KEY.ctrlC);
    await expect(result).resolves.toEqual({ kind: 'cancel' });
  });

  it('rejects with the error of a preview that throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { stdin, io } = terminal();
    const failing = {
      ...props,
      preview: (): never => {
        throw new RangeError('no preview');
      },
    };
    const { outcome } = await settled(() => ({ outcome: runWizard(failing, io).then(() => undefined, (error: unknown) => error) }));
    await press(stdin, KEY.enter);
    expect(await outcome).toBeInstanceOf(RangeError);
  });

  it('rejects when stdin is not a terminal', async () => {
    // Ink draws the error with React, which warns about the stack lines it uses as keys.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { io } = terminal(false);
    // The rejection comes inside `settled`, so it is caught at once rather than left unhandled.
    const { outcome } = await settled(() => ({ outcome: runWizard(props, io).then(() => undefined, (error: unknown) => error) }));
    expect(await outcome).toBeInstanceOf(Error);
    expect(String(await outcome)).toMatch(/Raw mode is not supported/);
  });
});
