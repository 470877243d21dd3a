import { readFile } from 'node:fs/promises';
import { SlsaKitError, type Diagnostic, type Fix, type TextEdit } from '@slsa-kit/core';
import { writeFileAtomic } from '@slsa-kit/core/fs';
import { EMPTY_CONFIG } from './config.js';
import { isIgnoredFile, lintText, type LintOptions } from './engine.js';
import type { LintResult } from './result.js';

/** How many lint-and-fix passes `--fix` makes before it stops (a fix that keeps re-triggering). */
export const MAX_FIX_PASSES = 10;

const overlaps = (a: TextEdit, b: TextEdit): boolean =>
  (a.span.start < b.span.end && b.span.start < a.span.end) ||
  // Two insertions at one point would be applied in an arbitrary order; keep only the first.
  (a.span.start === b.span.start && (a.span.start === a.span.end || b.span.start === b.span.end));

/**
 * Applies every fix whose edits overlap neither each other nor an earlier accepted fix (in
 * position order). Skipped fixes are not lost: the next lint pass reports them again.
 */
export function applyFixes(text: string, diagnostics: readonly Pick<Diagnostic, 'fix'>[]): { text: string; applied: number } {
  const fixes = diagnostics.flatMap((d) => (d.fix && d.fix.edits.length > 0 ? [d.fix] : []));
  const start = (f: Fix) => Math.min(...f.edits.map((e) => e.span.start));
  const accepted: TextEdit[] = [];
  let applied = 0;
  for (const fix of [...fixes].sort((a, b) => start(a) - start(b))) {
    const self = fix.edits.some((e, i) => fix.edits.some((o, j) => i < j && overlaps(e, o)));
    const clash = fix.edits.some((e) => accepted.some((a) => overlaps(e, a)));
    if (self || clash) continue;
    accepted.push(...fix.edits);
    applied++;
  }
  // From the end backwards, so earlier offsets stay valid.
  let out = text;
  for (const e of accepted.sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return { text: out, applied };
}

/** The outcome of fixing one file. */
export interface FixOutcome {
  readonly text: string;
  /** Fixes applied over all passes. */
  readonly applied: number;
  /** False when {@link MAX_FIX_PASSES} ran out while fixes still changed the text. */
  readonly converged: boolean;
  /** The findings that remain, linted from the fixed text. */
  readonly result: LintResult;
}

/** Lints and fixes one text until no fix applies (a fixed point), at most `maxPasses` times. */
export function fixText(text: string, file: string, options: LintOptions = {}, maxPasses = MAX_FIX_PASSES): FixOutcome {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const result = lintText(current, file, options);
    const step = applyFixes(current, result.diagnostics);
    if (step.applied === 0 || step.text === current) return { text: current, applied, converged: true, result };
    current = step.text;
    applied += step.applied;
  }
  const result = lintText(current, file, options);
  return { text: current, applied, converged: !result.diagnostics.some((d) => d.fix), result };
}

/**
 * `--fix` for files on disk: each file is fixed to a fixed point and, when it changed, written
 * atomically. Returns the findings left after fixing.
 */
export async function fixFiles(files: readonly string[], options: LintOptions = {}): Promise<{ results: LintResult[]; changedFiles: string[] }> {
  const results: LintResult[] = [];
  const changedFiles: string[] = [];
  for (const file of files) {
    if (isIgnoredFile(options.config ?? EMPTY_CONFIG, file)) continue;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new SlsaKitError('read-failed', `cannot read ${file}`, { cause: error });
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      // Not UTF-8: nothing can be fixed safely; the lint reports the bad byte.
      results.push(lintText(bytes, file, options));
      continue;
    }
    const outcome = fixText(text, file, options);
    if (outcome.text !== text) {
      await writeFileAtomic(file, outcome.text);
      changedFiles.push(file);
    }
    results.push(outcome.result);
  }
  return { results, changedFiles };
}
