import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A test server running in its own process, with what it printed about itself. */
export type ServerProcess<T> = T & { stop(): Promise<void> };

/**
 * Runs `script` (ESM, from the repository root, where `@slsa-kit/core` resolves to the built
 * dist) in a child process and resolves with the JSON line it prints once listening. e2e imports
 * nothing from the packages: like the bins, a double is a separate program it talks to over HTTP.
 * The script must close its server on SIGTERM.
 */
export function startServerProcess<T>(repoRoot: string, name: string, script: string): Promise<ServerProcess<T>> {
  const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it started: ${stderr}`)));
    lines.once('line', (line) => {
      resolve({
        ...(JSON.parse(line) as T),
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
