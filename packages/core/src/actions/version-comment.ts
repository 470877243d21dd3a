import type { Span } from '../diagnostic.js';
import { parseActionRef, type ActionRef } from './action-ref.js';
import { parseTagVersion, type TagVersion } from './ref-kind.js';

/** A `# …` comment at the end of a line. */
export interface TrailingComment {
  /** From the `#` to the end of the line, without trailing blanks or the line break. */
  readonly span: Span;
  /** The text after `#`, as written (leading blanks kept, trailing blanks dropped). */
  readonly body: string;
}

/**
 * How the version was written, so a fixer can rewrite the comment in the same style:
 * `# v4.2.2` (`plain`), `# tag=v4.2.2`, `# pin @v4.2.2`, `# @v4.2.2`, `# ratchet:owner/repo@v4`.
 */
export type VersionCommentStyle = 'plain' | 'tag=' | 'pin @' | '@' | 'ratchet';

/** The version a pinned `uses:` claims to be, read from its trailing comment. */
export interface VersionComment {
  /** The version text (`v4.2.2`, `4.2.2`, `v4`; for ratchet, the target's ref). */
  readonly version: string;
  /** Where {@link version} is in the file; replace this span to update the comment. */
  readonly span: Span;
  readonly style: VersionCommentStyle;
  /** The version as semver, when it is one (a ratchet target may name a branch). */
  readonly tag?: TagVersion;
  /** For `# ratchet:owner/repo@ref`, the parsed target. */
  readonly ratchetTarget?: ActionRef;
  /** Text after the version (`(some note)`), when there is any. */
  readonly note?: string;
  readonly comment: TrailingComment;
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';

/**
 * Finds the comment on the rest of the line after a scalar value. The YAML parser keeps no spans
 * for comments, so this reads the source: a `#` counts only after a blank, as in YAML (`a#b` is
 * part of a plain scalar). Stops at `\n` or `\r`, so CRLF files work.
 *
 * `valueEnd` is the end offset of the scalar (after its closing quote, if quoted).
 */
export function findTrailingComment(text: string, valueEnd: number): TrailingComment | undefined {
  let hash = -1;
  for (let i = valueEnd; i < text.length && !isBreak(text[i]); i++) {
    if (text[i] === '#' && i > 0 && isBlank(text[i - 1])) {
      hash = i;
      break;
    }
  }
  if (hash === -1) return undefined;
  let end = hash + 1;
  while (end < text.length && !isBreak(text[end])) end++;
  while (end > hash + 1 && isBlank(text[end - 1])) end--;
  return { span: { start: hash, end }, body: text.slice(hash + 1, end) };
}

// A version token: `v4`, `4.2`, `v4.2.2`, `v1.2.3-rc.1+build`. `v4.x` or `main` are not versions.
const VERSION = /^v?\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const PREFIXED = /^(tag=|pin\s*@|@)?(\S+)/;
const RATCHET = /^ratchet:(\S+)/;

/**
 * Reads the version a comment claims, or undefined when the comment is something else (prose,
 * `# ratchet:exclude`, a branch name). Only the first word after an optional prefix is read;
 * anything after it is kept as {@link VersionComment.note}.
 */
export function parseVersionComment(comment: TrailingComment): VersionComment | undefined {
  const lead = /^\s*/.exec(comment.body)![0].length;
  const body = comment.body.slice(lead);
  const bodyStart = comment.span.start + 1 + lead;

  const ratchet = RATCHET.exec(body);
  if (ratchet) {
    const targetText = ratchet[1]!;
    if (targetText === 'exclude') return undefined;
    const target = parseActionRef(targetText, bodyStart + 'ratchet:'.length);
    const pinned =
      target.kind === 'repository'
        ? { version: target.ref, span: target.spans.ref }
        : target.kind === 'docker' && target.tag !== undefined && target.spans.tag
          ? { version: target.tag, span: target.spans.tag }
          : undefined;
    if (!pinned) return undefined;
    return build(comment, pinned.version, pinned.span, 'ratchet', body.slice(ratchet[0].length), target);
  }

  const m = PREFIXED.exec(body);
  if (!m) return undefined;
  const prefix = m[1] ?? '';
  const version = m[2]!;
  if (!VERSION.test(version)) return undefined;
  const style: VersionCommentStyle = prefix === '' ? 'plain' : prefix === 'tag=' ? 'tag=' : prefix === '@' ? '@' : 'pin @';
  const start = bodyStart + prefix.length;
  return build(comment, version, { start, end: start + version.length }, style, body.slice(m[0].length));
}

function build(
  comment: TrailingComment,
  version: string,
  span: Span,
  style: VersionCommentStyle,
  after: string,
  ratchetTarget?: ActionRef,
): VersionComment {
  const tag = parseTagVersion(version);
  const note = after.trim();
  return {
    version,
    span,
    style,
    ...(tag ? { tag } : {}),
    ...(ratchetTarget ? { ratchetTarget } : {}),
    ...(note !== '' ? { note } : {}),
    comment,
  };
}

/** Whether a comment opts the line out of pinning (`# ratchet:exclude`). */
export function isRatchetExclude(comment: TrailingComment): boolean {
  return /^\s*ratchet:exclude(?:\s|$)/.test(comment.body);
}

/** {@link findTrailingComment} and {@link parseVersionComment} in one step. */
export function readVersionComment(text: string, valueEnd: number): VersionComment | undefined {
  const comment = findTrailingComment(text, valueEnd);
  return comment ? parseVersionComment(comment) : undefined;
}
