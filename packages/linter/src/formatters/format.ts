import type { LintResult } from '../result.js';
import type { AnyRule } from '../rule.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

/** The output formats of `--format`. */
export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** What the formatters together need; only `text` uses colour, and only it may. */
export interface FormatOptions {
  readonly color: boolean;
  readonly rules: readonly AnyRule[];
  readonly toolVersion: string;
}

/** Renders results in a format. Machine formats ignore `color`: they never contain ANSI codes. */
export function formatResults(format: OutputFormat, results: readonly LintResult[], options: FormatOptions): string {
  switch (format) {
    case 'text':
      return formatText(results, { color: options.color });
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, { rules: options.rules, toolVersion: options.toolVersion });
    case 'github':
      return formatGithub(results);
  }
}
