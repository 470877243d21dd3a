import { startServerProcess } from './server-process.js';

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

/** Starts the GitHub API double in a child process and waits for the line describing it. */
export function startDoubleProcess(repoRoot: string): Promise<DoubleProcess> {
  return startServerProcess<Omit<DoubleProcess, 'stop'>>(repoRoot, 'the GitHub API double', SCRIPT);
}
