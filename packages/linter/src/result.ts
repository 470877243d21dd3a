import type { LineColumnRange, LocatedDiagnostic, RelatedLocation, SourceFile, TextEdit } from '@slsa-kit/core';

/** A related location with its 1-based position. */
export type LocatedRelated = RelatedLocation & LineColumnRange;

/** A text edit with its 1-based position (SARIF `replacements` need it). */
export type LocatedEdit = TextEdit & LineColumnRange;

/** A finding ready for formatters: every span already located once, by `SourceFile.locate`. */
export interface LintDiagnostic extends LocatedDiagnostic {
  readonly related?: readonly LocatedRelated[];
  readonly fix?: { readonly description: string; readonly edits: readonly LocatedEdit[] };
}

/** The findings of one file, sorted by position and rule id. */
export interface LintResult {
  /** The path as given to the linter (formatters print it as is). */
  readonly file: string;
  readonly source: SourceFile;
  readonly diagnostics: readonly LintDiagnostic[];
}
