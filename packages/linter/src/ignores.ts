import type { Diagnostic, SourceFile, Span } from '@slsa-kit/core';

/** The rule id of findings about ignore comments themselves. */
export const IGNORE_COMMENT = 'ignore-comment';

/** One rule id named in an ignore comment. */
export interface IgnoredId {
  readonly id: string;
  readonly span: Span;
}

/** A `# slsa-lint: ignore[rule-id, …] reason` comment. */
export interface IgnoreComment {
  /** From `#` to the end of the line. */
  readonly span: Span;
  /** 1-based line of the comment. */
  readonly line: number;
  /** The comment is alone on its line, so it also covers the next line. */
  readonly standalone: boolean;
  /** Undefined when the comment is malformed (no `ignore[…]`). */
  readonly ids?: readonly IgnoredId[];
  readonly reason: string;
}

// A `#` at the start of a line or after a blank, as YAML (and shell, inside `run:`) reads comments.
const MARKER = /(^|[ \t])#[ \t]*slsa-lint:/g;
const BODY = /^[ \t]*ignore\[([^\]]*)\](.*)$/;

/**
 * Finds every ignore comment by scanning the text, not the YAML tree: the parser keeps no comment
 * positions, and a comment inside a `run: |` script is how a user ignores a finding in the script.
 */
export function findIgnoreComments(source: SourceFile): IgnoreComment[] {
  const found: IgnoreComment[] = [];
  const text = source.text;
  for (const m of text.matchAll(MARKER)) {
    const hash = m.index + m[1]!.length;
    const lineEnd = endOfLine(text, hash);
    const lineStart = text.lastIndexOf('\n', hash - 1) + 1;
    const afterMarker = m.index + m[0].length;
    const body = text.slice(afterMarker, lineEnd);
    const standalone = text.slice(lineStart, hash).trim() === '';
    const base = { span: { start: hash, end: lineEnd }, line: source.position(hash).line, standalone };
    const parsed = BODY.exec(body);
    if (!parsed) {
      found.push({ ...base, reason: '' });
      continue;
    }
    const listStart = afterMarker + body.indexOf('[') + 1;
    const ids: IgnoredId[] = [];
    let offset = listStart;
    for (const part of parsed[1]!.split(',')) {
      const lead = part.length - part.trimStart().length;
      const id = part.trim();
      if (id !== '') ids.push({ id, span: { start: offset + lead, end: offset + lead + id.length } });
      offset += part.length + 1;
    }
    found.push({ ...base, ids, reason: parsed[2]!.trim() });
  }
  return found;
}

function endOfLine(text: string, from: number): number {
  let end = from;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  while (end > from && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}

/** What applying ignore comments did. */
export interface IgnoreOutcome {
  readonly kept: Diagnostic[];
  /** Findings about the comments themselves (`ignore-comment`). */
  readonly problems: Diagnostic[];
}

/**
 * Drops the findings an ignore comment covers (its own line; the next line too when it stands
 * alone) and reports comments that are malformed, give no reason, name an unknown rule, or name a
 * rule that ran and found nothing there. `knownIds` are all registered rules; `ranIds` the ones
 * that ran on this file (an ignore for a rule that is off or offline is not "unused").
 */
export function applyIgnores(
  source: SourceFile,
  diagnostics: readonly Diagnostic[],
  knownIds: ReadonlySet<string>,
  ranIds: ReadonlySet<string>,
): IgnoreOutcome {
  const comments = findIgnoreComments(source);
  const problems: Diagnostic[] = [];
  const problem = (messageText: string, span: Span, severity: Diagnostic['severity'] = 'warning') =>
    problems.push({ ruleId: IGNORE_COMMENT, severity, message: messageText, span });
  const used = new Set<IgnoredId>();
  const kept = diagnostics.filter((d) => {
    const line = source.position(d.span.start).line;
    for (const c of comments) {
      if (c.line !== line && !(c.standalone && c.line + 1 === line)) continue;
      const hit = c.ids?.find((i) => i.id === d.ruleId);
      if (hit) {
        used.add(hit);
        return false;
      }
    }
    return true;
  });
  for (const c of comments) {
    if (!c.ids) {
      problem('malformed ignore comment; write `# slsa-lint: ignore[rule-id] reason`', c.span);
      continue;
    }
    if (c.ids.length === 0) problem('this ignore comment names no rule; write `ignore[rule-id] reason`', c.span);
    else if (c.reason === '') problem('this ignore comment gives no reason; say why the finding does not apply after the `]`', c.span);
    for (const i of c.ids) {
      if (!knownIds.has(i.id)) problem(`\`${i.id}\` is not a slsa-lint rule, so this ignores nothing`, i.span);
      else if (!used.has(i) && ranIds.has(i.id)) problem(`nothing to ignore: \`${i.id}\` reports nothing here; remove it`, i.span, 'note');
    }
  }
  return { kept, problems };
}

/** An `ignores:` entry of the configuration that applies to the file being linted. */
export interface LineIgnoreEntry {
  readonly line: number;
  readonly rules: readonly string[];
  /** Where the entry is written (`config:line:column`), named in the "unused" note. */
  readonly where: string;
}

/**
 * Drops the findings that the configuration's `ignores:` entries name by line (the line a finding
 * starts on) and rule, and reports each named rule that ran on the file but found nothing on that
 * line, as a note on that line, like an unused ignore comment.
 */
export function applyLineIgnores(
  source: SourceFile,
  diagnostics: readonly Diagnostic[],
  entries: readonly LineIgnoreEntry[],
  ranIds: ReadonlySet<string>,
): IgnoreOutcome {
  if (entries.length === 0) return { kept: [...diagnostics], problems: [] };
  const used = new Set<string>();
  const kept = diagnostics.filter((d) => {
    const line = source.position(d.span.start).line;
    const entry = entries.findIndex((e) => e.line === line && e.rules.includes(d.ruleId));
    if (entry < 0) return true;
    used.add(`${entry}\0${d.ruleId}`);
    return false;
  });
  const starts = source.lineCounter.lineStarts;
  const problems: Diagnostic[] = [];
  entries.forEach((e, i) => {
    for (const id of e.rules) {
      if (used.has(`${i}\0${id}`) || !ranIds.has(id)) continue;
      const start = starts[Math.min(e.line, starts.length) - 1] ?? 0;
      const end = endOfLine(source.text, start);
      problems.push({
        ruleId: IGNORE_COMMENT,
        severity: 'note',
        message: `nothing to ignore: \`${id}\` reports nothing on line ${e.line}; remove it from the \`ignores\` entry at ${e.where}`,
        span: { start, end },
      });
    }
  });
  return { kept, problems };
}
