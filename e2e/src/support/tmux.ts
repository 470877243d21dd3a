import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Whether `tmux` can be run on this machine. */
export const tmuxAvailable = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

/** `'text'` for a POSIX shell. */
const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The environment of the terminal: the test's, without what would make it something other than
 * a person's terminal. Ink renders nothing but the last frame when CI or CONTINUOUS_INTEGRATION
 * is set (is-in-ci), and TMUX would nest the session in the one the tests may run in.
 */
function terminalEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8', TERM: 'xterm-256color' };
  for (const key of ['CI', 'CONTINUOUS_INTEGRATION', 'TMUX', 'TMUX_PANE', 'NO_COLOR', 'FORCE_COLOR']) delete env[key];
  return env;
}

let sockets = 0;

/**
 * A real terminal (a detached tmux session, 120×40, on a socket of its own so that tests never
 * share a server) running one command in `dir`. The command's exit status is written to
 * `dir/exit-code` as `EXIT=<n>`; the session then stays open (sleep 30) so the screen can still
 * be read.
 */
export class TmuxTerminal {
  private constructor(
    private readonly socket: string,
    private readonly dir: string,
  ) {}

  /** The server's socket file, which tmux leaves behind after kill-server. */
  private socketPath = '';

  static start(dir: string, argv: readonly string[]): TmuxTerminal {
    const socket = `slsa-init-e2e-${process.pid}-${++sockets}`;
    const command = `cd ${quote(dir)} && ${argv.map(quote).join(' ')}; echo EXIT=$? > ${quote(path.join(dir, 'exit-code'))}; sleep 30`;
    const r = spawnSync('tmux', ['-L', socket, 'new-session', '-d', '-s', 'wizard', '-x', '120', '-y', '40', command], { encoding: 'utf8', env: terminalEnv() });
    if (r.status !== 0) throw new Error(`tmux new-session failed (${r.status}): ${r.stderr}`);
    const terminal = new TmuxTerminal(socket, dir);
    terminal.socketPath = terminal.tmux('display-message', '-p', '#{socket_path}').trim();
    return terminal;
  }

  private tmux(...args: string[]): string {
    const r = spawnSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8', env: terminalEnv() });
    if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    return r.stdout;
  }

  /** The visible screen, trailing blank lines dropped. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'wizard').replace(/\s+$/, '\n');
  }

  /**
   * Polls the screen until every one of `texts` is on it; then waits a moment more, because a
   * frame is on screen slightly before the component that drew it listens for keys.
   */
  async waitFor(texts: readonly (string | RegExp)[], timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    while (Date.now() < deadline) {
      screen = this.screen();
      if (texts.every((t) => (typeof t === 'string' ? screen.includes(t) : t.test(screen)))) {
        await sleep(150);
        return screen;
      }
      await sleep(100);
    }
    throw new Error(`no ${texts.map((t) => JSON.stringify(String(t))).join(' and ')} on the terminal after ${timeoutMs / 1000}s; the screen was:\n${screen}`);
  }

  /** Sends keys as tmux names them: `Enter`, `Down`, `C-c`, or literal text. */
  send(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'wizard', ...keys);
  }

  /** Waits for the command to end and returns its exit status. */
  async exitCode(timeoutMs = 15_000): Promise<number> {
    const file = path.join(this.dir, 'exit-code');
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = existsSync(file) ? /^EXIT=(\d+)$/m.exec(readFileSync(file, 'utf8')) : null;
      if (match) return Number(match[1]);
      await sleep(100);
    }
    throw new Error(`the command did not end within ${timeoutMs / 1000}s; the screen was:\n${this.screen()}`);
  }

  /** Ends the tmux server of this terminal (and the command, if it still runs). */
  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { encoding: 'utf8' });
    if (this.socketPath) rmSync(this.socketPath, { force: true });
  }
}
