import { parseArgs } from 'node:util';
import { parseStrict } from '../shared/parse-strict.js';
import { COMMAND_OPTIONS, COMMANDS, FORMATS, PROVENANCE_FLAG, type VerifyCommand, type VerifyFormat } from './commands.js';
import { usageError } from './errors.js';

/** The command line of `slsa-verify`, validated. */
export interface VerifyArgs {
  /** Undefined only with a bare `--help` / `--version`. */
  readonly command?: VerifyCommand;
  readonly artifactPaths: readonly string[];
  readonly artifactDigests: readonly string[];
  readonly provenancePath: string;
  readonly sourceUri: string;
  readonly builderId?: string;
  readonly sourceTag?: string;
  readonly sourceVersionedTag?: string;
  readonly sourceBranch?: string;
  readonly workflowInputs: Readonly<Record<string, string>>;
  readonly packageName?: string;
  readonly packageVersion?: string;
  readonly trustedRoot?: string;
  readonly tufUrl?: string;
  readonly tufRoot?: string;
  readonly online: boolean;
  /** `--rekor-url`: the Rekor instance for legacy envelopes (only with `--online`). */
  readonly rekorUrl?: string;
  readonly format: VerifyFormat;
  readonly printProvenance: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

const HELP_HINT = (command?: string) => `run \`slsa-verify ${command ? `${command} ` : ''}--help\` for usage`;

/**
 * Parses `slsa-verify SUBCOMMAND [flags] [ARTIFACT…]` with `node:util` `parseArgs` (strict: a flag
 * the subcommand does not take is an error). Throws a `usage` error (exit 2) naming the problem.
 */
export function parseVerifyArgs(argv: readonly string[]): VerifyArgs {
  const first = argv[0];
  if (first === undefined || first.startsWith('-')) return parseGlobal(argv);
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw usageError(`unknown command '${first}' (expected ${COMMANDS.join(', ')})`, HELP_HINT());
  }
  const command = first as VerifyCommand;
  const parsed = parseStrict(argv.slice(1), COMMAND_OPTIONS[command], (message) => usageError(`${command}: ${message}`, HELP_HINT(command)));
  const v = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const str = (name: string): string | undefined => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
  const list = (name: string): string[] => (Array.isArray(v[name]) ? (v[name] as string[]) : []);
  const flag = (name: string): boolean => v[name] === true;

  const base = { command, help: flag('help'), version: flag('version') };
  if (base.help || base.version) return { ...empty(), ...base };

  const bad = (message: string) => usageError(`${command}: ${message}`, HELP_HINT(command));
  const format = str('format') ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw bad(`--format must be one of ${FORMATS.join(', ')}, not '${format}'`);
  for (const [name, value] of Object.entries(v)) {
    if (value === '') throw bad(`--${name} needs a value`);
    if (Array.isArray(value) && value.includes('')) throw bad(`--${name} needs a value`);
  }

  const provenanceFlag = PROVENANCE_FLAG[command];
  const provenancePath = str(provenanceFlag);
  if (provenancePath === undefined) throw bad(`--${provenanceFlag} is required`);
  const sourceUri = str('source-uri');
  if (sourceUri === undefined) throw bad('--source-uri is required (the repository the artifact must come from, e.g. github.com/OWNER/REPO)');
  const rekorUrl = str('rekor-url');
  const tufUrl = str('tuf-url');
  const tufRoot = str('tuf-root');
  if ((tufUrl !== undefined || tufRoot !== undefined) && !flag('online')) throw bad('--tuf-url and --tuf-root need --online (the TUF repository is only reached online)');
  if (tufUrl !== undefined && !/^https?:\/\/[^/]/.test(tufUrl)) throw bad(`--tuf-url must be an http(s) URL, not '${tufUrl}'`);
  if ((tufUrl === undefined) !== (tufRoot === undefined)) throw bad('--tuf-url and --tuf-root go together: another TUF repository needs its own initial root.json');
  if (tufUrl !== undefined && str('trusted-root') !== undefined) throw bad('--trusted-root and --tuf-url both name the trusted root; give one');
  if (rekorUrl !== undefined && !flag('online')) throw bad('--rekor-url needs --online (the Rekor log is only reached online)');
  if (rekorUrl !== undefined && !/^https?:\/\/[^/]/.test(rekorUrl)) throw bad(`--rekor-url must be an http(s) URL, not '${rekorUrl}'`);
  if (str('source-tag') !== undefined && str('source-versioned-tag') !== undefined) throw bad('--source-tag and --source-versioned-tag cannot be used together');

  // verify-github-attestation and verify-pypi-attestation name the signing workflow; slsa-verifier
  // calls that --builder-id, so both spellings are accepted but not two different values.
  const signer = str('signer-workflow');
  const builder = str('builder-id');
  if (signer !== undefined && builder !== undefined && signer !== builder) throw bad('--signer-workflow and --builder-id name the same thing; give one');
  const builderId = signer ?? builder;
  if (builderId === undefined && command !== 'verify-artifact') throw bad(missingBuilder(command));

  const artifactPaths = parsed.positionals;
  const artifactDigests = list('artifact-digest');
  if (artifactPaths.length + artifactDigests.length === 0) throw bad('give the artifact to verify: a file, or --artifact-digest sha256:HEX');
  if (command !== 'verify-artifact' && artifactPaths.length + artifactDigests.length > 1) throw bad('takes exactly one artifact');

  return {
    ...base,
    artifactPaths,
    artifactDigests,
    provenancePath,
    sourceUri,
    ...(builderId !== undefined ? { builderId } : {}),
    ...optional('sourceTag', str('source-tag')),
    ...optional('sourceVersionedTag', str('source-versioned-tag')),
    ...optional('sourceBranch', str('source-branch')),
    ...optional('packageName', str('package-name')),
    ...optional('packageVersion', str('package-version')),
    ...optional('trustedRoot', str('trusted-root')),
    workflowInputs: parseWorkflowInputs(list('build-workflow-input'), bad),
    online: flag('online'),
    ...optional('rekorUrl', rekorUrl),
    ...optional('tufUrl', tufUrl),
    ...optional('tufRoot', tufRoot),
    format: format as VerifyFormat,
    printProvenance: flag('print-provenance'),
  };
}

function missingBuilder(command: VerifyCommand): string {
  if (command === 'verify-npm-package') {
    return '--builder-id is required: https://github.com/actions/runner/github-hosted for packages published by the npm CLI with --provenance, or the SLSA Node.js builder workflow';
  }
  return '--signer-workflow (or --builder-id) is required: any workflow of any repository can sign an attestation, so name the one you trust, e.g. https://github.com/OWNER/REPO/.github/workflows/release.yml';
}

/** `--build-workflow-input k=v`, repeated; a key given twice is ambiguous and rejected. */
function parseWorkflowInputs(items: readonly string[], bad: (m: string) => Error): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw bad(`--build-workflow-input expects KEY=VALUE, not '${item}'`);
    const key = item.slice(0, eq);
    if (Object.hasOwn(out, key)) throw bad(`--build-workflow-input ${key} is given twice`);
    out[key] = item.slice(eq + 1);
  }
  return out;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function empty(): VerifyArgs {
  return { artifactPaths: [], artifactDigests: [], provenancePath: '', sourceUri: '', workflowInputs: {}, online: false, format: 'text', printProvenance: false, help: false, version: false };
}

/** `slsa-verify --help` / `--version` without a subcommand; anything else there is a usage error. */
function parseGlobal(argv: readonly string[]): VerifyArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: false, strict: true, options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'V' } } });
  } catch (error) {
    throw usageError(`${error instanceof Error ? error.message : String(error)}; a command comes first (${COMMANDS.join(', ')})`, HELP_HINT());
  }
  const help = parsed.values.help === true;
  const version = parsed.values.version === true;
  if (!help && !version) throw usageError(`missing command (${COMMANDS.join(', ')})`, HELP_HINT());
  return { ...empty(), help, version };
}
