import { parseStrict } from '../shared/parse-strict.js';
import type { Severity } from '@slsa-kit/core';
import { OUTPUT_FORMATS, type OutputFormat } from '@slsa-kit/linter';
import { usageError } from './usage-error.js';

/** The command line of `slsa-lint`, validated. */
export interface LintArgs {
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly fix: boolean;
  readonly config?: string;
  readonly online: boolean;
  readonly minSeverity: Severity;
  readonly ignores: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

const SEVERITIES: readonly Severity[] = ['note', 'warning', 'error'];

/**
 * Parses `slsa-lint` arguments with `node:util` `parseArgs` (strict: unknown flags are errors).
 * Throws a `usage` error (exit 2) that names the bad flag or value.
 */
export function parseLintArgs(argv: readonly string[]): LintArgs {
  const parsed = parseStrict(
    argv,
    {
      format: { type: 'string', short: 'f', default: 'text' },
      fix: { type: 'boolean', default: false },
      config: { type: 'string', short: 'c' },
      online: { type: 'boolean', default: false },
      'min-severity': { type: 'string', default: 'note' },
      'no-ignores': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'V', default: false },
    },
    usageError,
  );
  const v = parsed.values;
  if (!(OUTPUT_FORMATS as readonly string[]).includes(v.format)) {
    throw usageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, not '${v.format}'`);
  }
  if (!(SEVERITIES as readonly string[]).includes(v['min-severity'])) {
    throw usageError(`--min-severity must be one of ${SEVERITIES.join(', ')}, not '${v['min-severity']}'`);
  }
  if (v.config === '') throw usageError('--config needs a file name');
  return {
    paths: parsed.positionals,
    format: v.format as OutputFormat,
    fix: v.fix,
    ...(v.config !== undefined ? { config: v.config } : {}),
    online: v.online,
    minSeverity: v['min-severity'] as Severity,
    ignores: !v['no-ignores'],
    help: v.help,
    version: v.version,
  };
}

/** `--help` text. Exit codes are part of the contract, so they are listed here too. */
export const LINT_HELP = `Usage: slsa-lint [options] [PATH...]

Lints GitHub Actions workflows for broken or unsafe SLSA release pipelines.
PATH may be files or directories (searched for *.yml and *.yaml); without PATH,
the .github/workflows/*.yml and *.yaml files of the git repository are linted.

Options:
  -f, --format FORMAT      text (default), json, sarif or github
      --fix                apply safe fixes in place, then report what remains
  -c, --config FILE        configuration file (default: .github/slsa-lint.yml or
                           .slsa-lint.yml at the repository root)
      --online             enable checks that need the GitHub API (token from
                           GH_TOKEN or GITHUB_TOKEN)
      --min-severity SEV   hide findings below note, warning or error (default: note)
      --no-ignores         disregard '# slsa-lint: ignore[rule] reason' comments and the
                           config file's file:line ignores
  -h, --help               show this help
  -V, --version            show the version

Exit codes:
  0  no findings at the failing severity: warning, or --min-severity if higher
     (notes never fail a run)
  1  findings at the failing severity
  2  usage or configuration error
  3  no workflow files found
  4  operational failure (I/O, network) or internal error
`;
