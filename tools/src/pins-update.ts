import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '@slsa-kit/core/fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { GitHubPinResolver, parsePinDatabaseModule, pinErrorExitCode, renderPinDatabaseModule, updatePinDatabase, type PinDatabase } from '@slsa-kit/core/pins';
import { seedPinDatabase } from './pins-update-seed.js';

/** The embedded database module, two levels up from `tools/src` or `tools/dist`. */
export const DEFAULT_DATABASE = fileURLToPath(new URL('../../packages/core/src/pins/data/pin-database.ts', import.meta.url));

const USAGE = `Usage: npm run pins:update -- [options]

Refreshes the pin database embedded in @slsa-kit/core through GitHub's REST API
(GITHUB_API_URL, default https://api.github.com; token from GH_TOKEN or GITHUB_TOKEN).

Options:
  --database FILE   the data module to rewrite (default: packages/core/src/pins/data/pin-database.ts)
  --add OWNER/REPO  also record this action (repeatable)
  --newest N        newest stable releases to record per action (default 3)
  --seed FIXTURE    rebuild from an action-pins.json fixture instead, offline
  --dry-run         print what would change, write nothing
  --verbose         log every GitHub request (method, URL, status; never the token)
  -h, --help        show this help

Dates recorded for new or changed pins come from SOURCE_DATE_EPOCH when set, else the clock.
`;

/** Where the script writes; injectable for tests. */
export interface PinsUpdateIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processIo: PinsUpdateIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

function today(env: NodeJS.ProcessEnv): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  const ms = epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : Date.now();
  return new Date(ms).toISOString().slice(0, 10);
}

/** Runs the script; resolves to the exit code (0 done, 2 usage, 4 network or I/O). */
export async function runPinsUpdate(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, io: PinsUpdateIo = processIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        database: { type: 'string' },
        add: { type: 'string', multiple: true },
        newest: { type: 'string' },
        seed: { type: 'string' },
        'dry-run': { type: 'boolean' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    io.stderr(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(USAGE);
    return 0;
  }
  const newest = args.newest === undefined ? 3 : Number(args.newest);
  if (!Number.isInteger(newest) || newest < 0) {
    io.stderr(`--newest expects a whole number\n\n${USAGE}`);
    return 2;
  }
  const file = path.resolve(args.database ?? DEFAULT_DATABASE);
  // Loaded only past argument checks (Nx also counts @slsa-kit/core as lazy-loaded in tools).

  try {
    let database: PinDatabase;
    let changes: readonly string[];
    if (args.seed !== undefined) {
      const fixture = JSON.parse(await readFile(args.seed, 'utf8')) as unknown;
      database = seedPinDatabase(fixture, `shared/fixtures/${path.basename(args.seed)}`);
      changes = [`seeded ${Object.keys(database.actions).length} actions from ${args.seed}`];
    } else {
      const current = parsePinDatabaseModule(await readFile(file, 'utf8'));
      const resolver = new GitHubPinResolver({
        baseUrl: env['GITHUB_API_URL'] || undefined,
        token: env['GH_TOKEN'] || env['GITHUB_TOKEN'] || undefined,
        ...(args.verbose ? { log: (line: string) => io.stderr(`${line}\n`) } : {}),
      });
      ({ database, changes } = await updatePinDatabase(current, { resolver, today: today(env), add: args.add ?? [], newest }));
    }
    const text = renderPinDatabaseModule(database);
    const previous = await readFile(file, 'utf8').catch(() => undefined);
    for (const line of changes) io.stdout(`${line}\n`);
    if (text === previous) io.stdout(`unchanged: ${file}\n`);
    else if (args['dry-run']) io.stdout(`would write ${file} (dry run)\n`);
    else {
      await writeFileAtomic(file, text);
      io.stdout(`wrote ${file}\n`);
    }
    return 0;
  } catch (e) {
    io.stderr(`pins:update: ${(e as Error).message}\n`);
    return pinErrorExitCode(e) ?? 4;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await runPinsUpdate(process.argv.slice(2));
}
