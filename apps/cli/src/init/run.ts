import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isSlsaKitError } from '@slsa-kit/core/errors';
import { writeFileAtomic } from '@slsa-kit/core/fs';
import { isPinError, pinErrorExitCode } from '@slsa-kit/core/pins/embedded';
import {
  answerProblems,
  detectProject,
  generateWorkflow,
  isUnedited,
  nextSteps,
  readProjectSnapshot,
  requiredActions,
  planPipeline,
  unifiedDiff,
  type Answers,
  type PinMap,
  type ProjectFacts,
} from '@slsa-kit/generator';
import { cliVersion } from '../lint/version.js';
import { initialAnswers, recordedAnswers } from './answers.js';
import { initUsageError, parseInitArgs, type InitArgs } from './args.js';
import { INIT_HELP } from './help.js';
import { resolvePins } from './pins.js';
import { allActions } from './wizard-actions.js';

/** The streams and environment `slsa-init` runs with (the process's, or a test's). */
export interface InitIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
}

/** Exit codes of `slsa-init` (DESIGN.md contracts, plus 130 for Ctrl-C as shells report it). */
export const INIT_EXIT = { ok: 0, differs: 1, usage: 2, noProject: 3, operational: 4, cancelled: 130 } as const;

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

interface Context {
  readonly args: InitArgs;
  readonly io: InitIo;
  readonly root: string;
  readonly facts: ProjectFacts;
}

function problemsOrThrow(answers: Answers): void {
  const problems = answerProblems(answers);
  if (problems.length > 0) throw initUsageError(problems.join('\n'));
}

/** `--check`: regenerate from the recorded answers and compare; never writes. */
async function check(ctx: Context, answers: Answers, existing: string | undefined): Promise<number> {
  const { text } = generateWorkflow(ctx.facts, answers, await resolvePins(requiredActions(planPipeline(ctx.facts, answers)), ctx.args.online, ctx.io.env));
  if (existing === text) {
    ctx.io.stdout.write(`${answers.output} is up to date\n`);
    return INIT_EXIT.ok;
  }
  ctx.io.stdout.write(existing === undefined ? `${answers.output} does not exist; run slsa-init to write it\n` : unifiedDiff(answers.output, existing, text));
  const hint =
    existing === undefined || isUnedited(existing)
      ? 'run `npx slsa-init` to write it'
      : 'it was edited by hand (or not written by slsa-init): `npx slsa-init --force` replaces it with the version above; keep the edit and this check will keep failing';
  ctx.io.stderr.write(`slsa-init --check: ${answers.output} differs from what slsa-init would write\nhint: ${hint}\n`);
  return INIT_EXIT.differs;
}

/** Asks on a terminal (Ink, loaded only here); returns undefined when the user cancelled. */
async function ask(ctx: Context, initial: Answers, pins: PinMap, existing: string | undefined): Promise<Answers | undefined> {
  const { runWizard } = await import('./ui/index.js');
  const fixed = new Set((['ecosystem', 'provenance', 'publish', 'trigger'] as const).filter((k) => ctx.args.flags[k] !== undefined));
  const result = await runWizard({
    facts: ctx.facts,
    initial,
    fixed,
    preview: (answers) => {
      if (answerProblems(answers).length > 0) return { title: answers.output, text: answerProblems(answers).join('\n'), isDiff: false, unchanged: false };
      const { text } = generateWorkflow(ctx.facts, answers, pins);
      if (existing === undefined) return { title: `${answers.output} (new file)`, text, isDiff: false, unchanged: false };
      if (existing === text) return { title: `${answers.output} (up to date)`, text, isDiff: false, unchanged: true };
      return { title: `${answers.output} (changes)`, text: unifiedDiff(answers.output, existing, text), isDiff: true, unchanged: false };
    },
  });
  return result.kind === 'write' ? result.answers : undefined;
}

async function run(args: InitArgs, io: InitIo): Promise<number> {
  const root = path.resolve(args.dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) {
    io.stderr.write(`slsa-init: ${args.dir} is not a directory\nhint: run slsa-init in your project, or give its directory: slsa-init path/to/project\n`);
    return INIT_EXIT.noProject;
  }
  const facts = await readProjectSnapshot(root).then(detectProject);
  const ctx: Context = { args, io, root, facts };
  const output = args.flags.output ?? initialAnswers(facts, {}, {}).output;
  const existing = await readIfExists(path.join(root, output));
  let answers = initialAnswers(facts, recordedAnswers(existing), { ...args.flags, output });
  if (args.check) {
    problemsOrThrow(answers);
    return check(ctx, answers, existing);
  }
  if (existing !== undefined && !args.force && !args.dryRun && !isUnedited(existing)) {
    io.stderr.write(
      `slsa-init: ${output} exists and ${recordedAnswers(existing).ecosystem ? 'was edited since slsa-init wrote it' : 'was not written by slsa-init'}; it is left as it is\n` +
        `hint: see what would change with \`slsa-init --dry-run\`, then re-run with --force to replace it, or choose another file with --output\n`,
    );
    return INIT_EXIT.usage;
  }
  // Ink draws nothing until exit when it sees CI=true, so a CI job with a terminal never prompts.
  const ci = io.env['CI'] !== undefined && !['', '0', 'false'].includes(io.env['CI'].toLowerCase());
  const interactive = !args.yes && !args.dryRun && !ci && io.stdin.isTTY === true && io.stdout.isTTY === true;
  if (interactive) {
    const pins = await resolvePins(allActions(facts, answers), args.online, io.env);
    const chosen = await ask(ctx, answers, pins, existing);
    if (!chosen) {
      io.stderr.write('slsa-init: cancelled; nothing was written\n');
      return INIT_EXIT.cancelled;
    }
    answers = chosen;
  }
  problemsOrThrow(answers);
  const generated = generateWorkflow(facts, answers, await resolvePins(requiredActions(planPipeline(facts, answers)), args.online, io.env));
  if (args.dryRun) {
    io.stdout.write(generated.text);
    if (existing !== undefined && existing !== generated.text) io.stderr.write(`slsa-init: --dry-run: ${output} would change (nothing was written)\n`);
    return INIT_EXIT.ok;
  }
  if (existing === generated.text) {
    io.stdout.write(`${output} is up to date\n`);
    return INIT_EXIT.ok;
  }
  const file = path.join(root, output);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, generated.text);
  io.stdout.write(`${existing === undefined ? 'Wrote' : 'Updated'} ${output}\n\n${nextSteps(facts, answers, generated.plan)}\n`);
  return INIT_EXIT.ok;
}

/** Maps a thrown error to its message and exit code; unknown errors are operational (4). */
function failure(error: unknown, io: InitIo): number {
  if (isSlsaKitError(error, 'usage')) {
    io.stderr.write(`slsa-init: ${error.message}\nhint: see slsa-init --help\n`);
    return INIT_EXIT.usage;
  }
  if (isPinError(error)) {
    io.stderr.write(`slsa-init: ${error.message}\n`);
    return pinErrorExitCode(error) ?? INIT_EXIT.operational;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`slsa-init: ${message}\n`);
  return INIT_EXIT.operational;
}

/** Runs `slsa-init`; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: InitIo): Promise<number> {
  try {
    const args = parseInitArgs(argv);
    if (args.help) {
      io.stdout.write(INIT_HELP);
      return INIT_EXIT.ok;
    }
    if (args.version) {
      io.stdout.write(`slsa-init ${cliVersion()}\n`);
      return INIT_EXIT.ok;
    }
    return await run(args, io);
  } catch (error) {
    return failure(error, io);
  }
}
