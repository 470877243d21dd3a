/**
 * Findings are data. Every producer (YAML parser, schema validator, expression scanner, lint
 * rules) reports a {@link Diagnostic} whose location is a 0-based, half-open offset span into the
 * file text. 1-based line/column pairs are computed once, by {@link SourceFile.locate}.
 */

/** How serious a finding is. `note` is informational (SARIF `note`). */
export type Severity = 'error' | 'warning' | 'note';

/** A half-open range `[start, end)` of 0-based UTF-16 offsets into a file's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A 1-based line/column range, as people and editors read it. `endColumn` is exclusive. */
export interface LineColumnRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A secondary place that explains a finding (for example the job an output is read from). */
export interface RelatedLocation {
  readonly span: Span;
  readonly message: string;
}

/** One text replacement. Edits of one fix never overlap. */
export interface TextEdit {
  readonly span: Span;
  readonly text: string;
}

/** A safe, mechanical change that resolves a finding. */
export interface Fix {
  readonly description: string;
  readonly edits: readonly TextEdit[];
}

/** One finding in one file. */
export interface Diagnostic {
  /** Stable id, part of the public contract (`yaml-syntax`, `workflow-schema`, rule ids). */
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly related?: readonly RelatedLocation[];
  readonly fix?: Fix;
}

/** A diagnostic with its 1-based position resolved, ready for a formatter. */
export interface LocatedDiagnostic extends Diagnostic, LineColumnRange {
  readonly file: string;
}

/** Orders diagnostics by position, then rule id, so output is deterministic. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId);
}
