import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * The GitHub REST API double of `@slsa-kit/core/testing`, run in its own process from the built
 * package. e2e imports nothing from the packages: like the bins, the double is a separate program
 * it talks to — here over HTTP at the URL the process prints.
 */
export interface DoubleProcess {
  /** The REST API root, for `GITHUB_API_URL`. */
  readonly url: string;
  /** The commits of the double's scenario repositories, by name (`fork`, `c2`, …). */
  readonly shas: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

// Runs from the repository root, where `@slsa-kit/core` resolves to the built dist.
const SCRIPT = `
const t = await import('@slsa-kit/core/testing');
const double = await t.startGitHubApiDouble({ repos: t.PIN_SCENARIOS });
process.stdout.write(JSON.stringify({ url: double.url, shas: t.SCENARIO_SHAS }) + '\\n');
process.on('SIGTERM', () => void double.close().then(() => process.exit(0)));
`;

/** Starts the double in a child process and waits for the line with its URL. */
export function startDoubleProcess(repoRoot: string): Promise<DoubleProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', SCRIPT], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    child.once('exit', (code) => reject(new Error(`the GitHub API double exited (${code}) before it started: ${stderr}`)));
    lines.once('line', (line) => {
      const { url, shas } = JSON.parse(line) as { url: string; shas: Record<string, string> };
      resolve({
        url,
        shas,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
