import type { LintResult } from '../result.js';

/** The version of the JSON output; it changes only when a field changes meaning or goes away. */
export const JSON_FORMAT_VERSION = 1;

/**
 * The versioned JSON contract of DESIGN.md:
 * `{"version":1,"results":[{"file","diagnostics":[{"ruleId","severity","message","line","column","endLine","endColumn","fixable"}]}]}`.
 * Fields are copied one by one so that internal fields never leak into the contract.
 */
export function formatJson(results: readonly LintResult[]): string {
  const out = {
    version: JSON_FORMAT_VERSION,
    results: results.map((r) => ({
      file: r.file,
      diagnostics: r.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity,
        message: d.message,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        fixable: d.fix !== undefined,
      })),
    })),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
