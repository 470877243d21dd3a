import path from 'node:path';
import type { Severity } from '@slsa-kit/core';
import { builtinRules, fixFiles, formatResults, lintFiles, loadConfig, type LintOptions, type LintResult } from '@slsa-kit/linter';
import { LINT_HELP, parseLintArgs } from './args.js';
import { useColor } from './color.js';
import { describeFailure } from './failure.js';
import { collectInputs, shown as relativeTo } from './inputs.js';
import { cliVersion } from './version.js';

/** Where the command writes and what it may read of its environment (injected for tests). */
export interface LintIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
}

const RANK: Record<Severity, number> = { note: 0, warning: 1, error: 2 };

/**
 * `slsa-lint`: returns the exit code instead of exiting, and never throws — every failure is
 * turned into a one-line message, a hint and the contract's exit code.
 */
export async function main(argv: readonly string[], io: LintIo): Promise<number> {
  try {
    return await runLint(argv, io);
  } catch (error) {
    const failure = describeFailure(error);
    const text = `slsa-lint: ${oneLine(failure.message)}\n${failure.hint ? `hint: ${failure.hint}\n` : ''}`;
    io.stderr.write(redactTokens(text, io.env));
    return failure.exitCode;
  }
}

/** The command proper; throws coded errors that {@link main} maps to exit codes. */
export async function runLint(argv: readonly string[], io: LintIo): Promise<number> {
  const args = parseLintArgs(argv);
  if (args.help) {
    io.stdout.write(LINT_HELP);
    return 0;
  }
  if (args.version) {
    io.stdout.write(`slsa-lint ${cliVersion()}\n`);
    return 0;
  }
  const inputs = await collectInputs(args.paths, process.cwd());
  const config = await loadConfig({ root: inputs.root, ...(args.config ? { explicit: args.config } : {}) }, builtinRules);
  // Only enabled online rules justify asking GitHub; with none, --online costs no request.
  const online = args.online && builtinRules.some((r) => r.meta.requiresNetwork && config.rules.get(r.meta.id)?.setting !== 'off');
  // Loaded only when asked: the pin service brings Octokit, which offline runs never need.
  const services = online ? await (await import('./online.js')).onlineServices(inputs.files, { env: io.env, config }) : undefined;
  const options: LintOptions = { config, ignores: args.ignores, online: args.online, ...(services ? { services } : {}) };

  let results: LintResult[];
  if (args.fix) {
    const fixed = await fixFiles(inputs.files, options);
    results = fixed.results;
    if (fixed.changedFiles.length > 0) io.stderr.write(`slsa-lint: fixed ${fixed.changedFiles.length} ${fixed.changedFiles.length === 1 ? 'file' : 'files'}\n`);
  } else {
    results = await lintFiles(inputs.files, options);
  }

  const min = RANK[args.minSeverity];
  // SARIF consumers (code scanning) resolve URIs against the repository root, not the shell's directory.
  const rebase = (file: string) => (args.format === 'sarif' ? relativeTo(inputs.root, path.resolve(file)).split(path.sep).join('/') : file);
  const shown = results.map((r) => ({
    ...r,
    file: rebase(r.file),
    diagnostics: r.diagnostics.filter((d) => RANK[d.severity] >= min).map((d) => ({ ...d, file: rebase(d.file) })),
  }));
  const color = args.format === 'text' && useColor({ isTTY: io.stdout.isTTY === true, env: io.env });
  io.stdout.write(formatResults(args.format, shown, { color, rules: builtinRules, toolVersion: cliVersion() }));

  // Notes inform, they never fail a run; --min-severity can only raise the bar.
  const failing = Math.max(RANK.warning, min);
  return shown.some((r) => r.diagnostics.some((d) => RANK[d.severity] >= failing)) ? 1 : 0;
}

/** Failures are reported on one line; a message that spans several is joined. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** Belt and braces: no message may show the token, even one echoed back by a server or proxy. */
function redactTokens(text: string, env: LintIo['env']): string {
  let out = text;
  for (const name of ['GH_TOKEN', 'GITHUB_TOKEN']) {
    const token = env[name];
    if (token && token.length >= 4) out = out.split(token).join('***');
  }
  return out;
}
