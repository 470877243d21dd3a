import { parseStrict } from '../shared/parse-strict.js';
import { SlsaKitError } from '@slsa-kit/core/errors';
import { ECOSYSTEM_CHOICES, PROVENANCE_CHOICES, TRIGGER_CHOICES, type Answers, type Choice } from '@slsa-kit/generator';

/** The answers given on the command line; anything absent comes from detection or the wizard. */
export type AnswerFlags = Partial<Pick<Answers, 'ecosystem' | 'provenance' | 'publish' | 'trigger' | 'output' | 'buildCommand' | 'artifacts'>>;

/** The command line of `slsa-init`, validated. */
export interface InitArgs {
  readonly dir: string;
  readonly flags: AnswerFlags;
  readonly yes: boolean;
  readonly dryRun: boolean;
  readonly check: boolean;
  readonly force: boolean;
  readonly online: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

const PUBLISH_VALUES = ['pypi', 'npm', 'github-release', 'none'] as const;

/** A bad flag or value: exit 2. */
export function initUsageError(message: string): SlsaKitError<'usage'> {
  return new SlsaKitError('usage', message);
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw initUsageError(`--${flag} must be one of ${allowed.join(', ')}, not '${value}'`);
  return value as T;
}

const values = <T extends string>(choices: readonly Choice<T>[]): T[] => choices.map((c) => c.value);

/** Parses `slsa-init [DIR]` with `node:util` `parseArgs` (strict); throws a `usage` error. */
export function parseInitArgs(argv: readonly string[]): InitArgs {
  const parsed = parseStrict(
    argv,
    {
      yes: { type: 'boolean', short: 'y', default: false },
      ecosystem: { type: 'string' },
      provenance: { type: 'string' },
      publish: { type: 'string' },
      trigger: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'build-command': { type: 'string' },
      artifacts: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      online: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'V', default: false },
    },
    initUsageError,
  );
  const v = parsed.values;
  if (parsed.positionals.length > 1) throw initUsageError(`give one project directory, not ${parsed.positionals.length}`);
  if (v.check && v['dry-run']) throw initUsageError('--check and --dry-run cannot be used together (--check never writes either)');
  if (v.check && v.force) throw initUsageError('--check never writes, so --force has no meaning with it');
  for (const name of ['output', 'build-command', 'artifacts'] as const) {
    if (v[name] !== undefined && v[name].trim() === '') throw initUsageError(`--${name} needs a value`);
  }
  const flags: AnswerFlags = {
    ...opt('ecosystem', oneOf('ecosystem', v.ecosystem, values(ECOSYSTEM_CHOICES))),
    ...opt('provenance', oneOf('provenance', v.provenance, values(PROVENANCE_CHOICES))),
    ...opt('publish', oneOf('publish', v.publish, PUBLISH_VALUES)),
    ...opt('trigger', oneOf('trigger', v.trigger, values(TRIGGER_CHOICES))),
    ...opt('output', v.output?.replace(/\\/g, '/').replace(/^\.\//, '')),
    ...opt('buildCommand', v['build-command']),
    ...opt('artifacts', v.artifacts),
  };
  return {
    dir: parsed.positionals[0] ?? '.',
    flags,
    yes: v.yes,
    dryRun: v['dry-run'],
    check: v.check,
    force: v.force,
    online: v.online,
    help: v.help,
    version: v.version,
  };
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
