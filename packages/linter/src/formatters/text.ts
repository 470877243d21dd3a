import type { Severity } from '@slsa-kit/core';
import type { LintDiagnostic, LintResult } from '../result.js';

/** Options of the text formatter. */
export interface TextFormatOptions {
  /** ANSI colour; the caller decides (a TTY, and `NO_COLOR` unset). */
  readonly color: boolean;
}

const CODES = { red: 31, yellow: 33, cyan: 36, blue: 34, bold: 1, dim: 2 } as const;
type Style = keyof typeof CODES;

function painter(enabled: boolean) {
  return (style: Style, text: string) => (enabled ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text);
}

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', note: 'cyan' };

/**
 * Human output in the style of rustc and zizmor: a header with severity and rule id, the
 * `file:line:column`, a code frame with a caret underline, related notes and the fix, then a
 * summary line. Pure: the same results give the same string.
 */
export function formatText(results: readonly LintResult[], options: TextFormatOptions): string {
  const paint = painter(options.color);
  const blocks: string[] = [];
  for (const result of results) {
    for (const d of result.diagnostics) blocks.push(formatOne(result, d, paint));
  }
  blocks.push(summary(results, paint));
  return blocks.join('\n\n') + '\n';
}

function formatOne(result: LintResult, d: LintDiagnostic, paint: ReturnType<typeof painter>): string {
  const lines = result.source.text.split(/\r?\n|\r/);
  const gutter = String(d.line).length;
  const pad = ' '.repeat(gutter);
  const bar = paint('blue', '|');
  const out = [
    `${paint(SEVERITY_STYLE[d.severity], paint('bold', `${d.severity}[${d.ruleId}]`))}${paint('bold', `: ${d.message}`)}`,
    `${pad}${paint('blue', '-->')} ${d.file}:${d.line}:${d.column}`,
  ];
  const code = lines[d.line - 1];
  if (code !== undefined) {
    // The underline runs to the end of the span, or of the first line when the span is longer.
    const lastColumn = d.endLine === d.line ? d.endColumn : code.length + 1;
    const width = Math.max(1, lastColumn - d.column);
    // Copy tabs from the code so the caret lines up however wide the terminal draws a tab.
    const indent = [...code.slice(0, d.column - 1)].map((c) => (c === '\t' ? '\t' : ' ')).join('');
    out.push(
      `${pad} ${bar}`,
      `${paint('blue', String(d.line))} ${bar} ${code}`,
      `${pad} ${bar} ${indent}${paint(SEVERITY_STYLE[d.severity], '^'.repeat(width))}`,
    );
  }
  for (const r of d.related ?? []) out.push(`${pad} ${paint('blue', '=')} ${paint('bold', 'note')}: ${r.message} (${d.file}:${r.line}:${r.column})`);
  if (d.fix) out.push(`${pad} ${paint('blue', '=')} ${paint('bold', 'fix')}: ${d.fix.description} (run with --fix)`);
  return out.join('\n');
}

function summary(results: readonly LintResult[], paint: ReturnType<typeof painter>): string {
  const all = results.flatMap((r) => r.diagnostics);
  const files = `${results.length} ${results.length === 1 ? 'file' : 'files'}`;
  if (all.length === 0) return `no problems found in ${files}`;
  const count = (s: Severity) => all.filter((d) => d.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const fixable = all.filter((d) => d.fix).length;
  const parts = `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('note'), 'note')}`;
  const fixes = fixable > 0 ? `; ${fixable} fixable with --fix` : '';
  return paint('bold', `${plural(all.length, 'problem')} (${parts}) in ${files}${fixes}`);
}
