import type { Severity } from '@slsa-kit/core';
import type { LintResult } from '../result.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'notice' };

/** Escapes a workflow-command message (the runner decodes `%25`, `%0D`, `%0A`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow-command property value, where `:` and `,` are separators too. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions annotations: one `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`
 * workflow command per finding (`notice` for notes), so findings show on the pull request's diff.
 */
export function formatGithub(results: readonly LintResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const props = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(`slsa-lint ${d.ruleId}`)}`,
      ];
      lines.push(`::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
