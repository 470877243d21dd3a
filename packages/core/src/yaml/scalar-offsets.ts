import type { Scalar } from 'yaml';
import type { Span } from '../diagnostic.js';

/**
 * Where each UTF-16 unit of a scalar's value came from in the file. `starts[i]`/`ends[i]` bound
 * the source text that produced `value[i]`: one character, an escape such as `\u00e9`, a doubled
 * `''`, or a line break that folding turned into a space. The extra entry at `value.length` is the
 * end of the content, so an empty range at the end of the value has a place too.
 */
export interface ScalarSourceMap {
  readonly value: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/**
 * The string a scalar holds before tags turn it into a number or a boolean (`1.0` stays `1.0`).
 * Every offset map indexes this string.
 */
export function scalarValue(scalar: Scalar): string {
  return typeof scalar.source === 'string' ? scalar.source : String(scalar.value);
}

const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** YAML 1.2 double-quoted escapes with a fixed expansion (`\x`, `\u`, `\U` are decoded apart). */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** Decodes the escape at `text[at] === '\\'`; undefined when it is not a valid escape. */
function decodeEscape(text: string, at: number): { text: string; length: number } | undefined {
  const kind = text[at + 1] ?? '';
  const simple = SIMPLE_ESCAPES[kind];
  if (simple !== undefined) return { text: simple, length: 2 };
  const digits = HEX_DIGITS[kind];
  if (digits === undefined) return undefined;
  const hex = text.slice(at + 2, at + 2 + digits);
  if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return undefined;
  const code = Number.parseInt(hex, 16);
  return code > 0x10ffff ? undefined : { text: String.fromCodePoint(code), length: 2 + digits };
}

/** Offset after the line break at `at` (`\r\n` is one break). */
function breakEnd(text: string, at: number): number {
  return text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1;
}

/**
 * How many columns of indentation a block scalar strips from each line. Derived from the first
 * non-blank line rather than re-implementing the indentation rules: that line keeps exactly its
 * more-indented spaces in the value, so the difference is the stripped indentation.
 */
function blockIndent(text: string, from: number, end: number, value: string): number {
  let p = from;
  while (p < end) {
    let spaces = 0;
    while (text[p + spaces] === ' ') spaces++;
    const c = text[p + spaces];
    if (p + spaces < end && !isBreak(c)) {
      const body = value.replace(/^\n*/, '');
      const kept = body.length - body.replace(/^ */, '').length;
      return Math.max(0, spaces - kept);
    }
    const next = text.indexOf('\n', p);
    if (next < 0) break;
    p = next + 1;
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * Maps every UTF-16 unit of a scalar's value to the file offsets it came from, for all five
 * scalar styles (with folding, escapes, block headers, indentation and chomping).
 *
 * It aligns the value against the raw source with two pointers, skipping what YAML drops
 * (indentation, a block header, folded line breaks, stripped trailing blanks) and consuming
 * escapes whole. Non-whitespace characters are always exact for a parsed scalar; a folded
 * whitespace character points at the line break it came from. If the two ever disagree (a
 * scalar built by hand), the alignment re-synchronises on the next matching character.
 */
export function scalarSourceMap(scalar: Scalar, text: string): ScalarSourceMap {
  const value = scalarValue(scalar);
  const n = value.length;
  const starts = new Int32Array(n + 1);
  const ends = new Int32Array(n + 1);
  const [rangeStart, rangeEnd] = scalar.range ?? [0, 0];
  const quoted = scalar.type === 'QUOTE_SINGLE' || scalar.type === 'QUOTE_DOUBLE';
  const block = scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED';
  let p = quoted ? rangeStart + 1 : rangeStart;
  const end = quoted ? Math.max(p, rangeEnd - 1) : rangeEnd;
  let indent = Number.POSITIVE_INFINITY;
  if (block) {
    const header = text.slice(p, end).search(/[\r\n]/);
    p = header < 0 ? end : breakEnd(text, p + header);
    indent = blockIndent(text, p, end, value);
  }
  // After a line break: block scalars strip exactly their indentation, flow scalars every blank.
  const skipIndent = (q: number): number => {
    let k = 0;
    while (q < end && (block ? text[q] === ' ' && k < indent : isBlank(text[q]))) {
      q++;
      k++;
    }
    return q;
  };
  // Flow folding drops blanks that end a line; block scalars keep them as content. The verdict is
  // kept for the whole run of blanks, so a long run costs linear time, not quadratic.
  let runEnd = -1;
  let runTrails = false;
  const trailingBlanks = (q: number): boolean => {
    if (block) return false;
    if (q >= runEnd) {
      runEnd = q;
      while (runEnd < end && isBlank(text[runEnd])) runEnd++;
      runTrails = runEnd < end && isBreak(text[runEnd]);
    }
    return runTrails;
  };
  if (block) p = skipIndent(p);
  const put = (i: number, from: number, to: number): void => {
    starts[i] = from;
    ends[i] = to;
  };

  let i = 0;
  while (i < n) {
    const v = value[i]!;
    if (p >= end) {
      put(i++, end, end); // clip chomping adds a final newline the file may not have
      continue;
    }
    const r = text[p]!;
    if (scalar.type === 'QUOTE_DOUBLE' && r === '\\') {
      if (isBreak(text[p + 1])) {
        p = skipIndent(breakEnd(text, p + 1)); // escaped line break: a continuation
        continue;
      }
      const esc = decodeEscape(text, p);
      if (esc && value.startsWith(esc.text, i)) {
        for (let k = 0; k < esc.text.length; k++) put(i++, p, p + esc.length);
        p += esc.length;
        continue;
      }
    } else if (scalar.type === 'QUOTE_SINGLE' && r === "'" && v === "'" && text[p + 1] === "'") {
      put(i++, p, p + 2);
      p += 2;
      continue;
    } else if (isBreak(r)) {
      const after = breakEnd(text, p);
      if (v === '\n' || v === ' ') put(i++, p, after);
      p = skipIndent(after);
      continue;
    } else if (isBlank(r)) {
      if (r === v && !trailingBlanks(p)) put(i++, p, p + 1);
      p++;
      continue;
    } else if (r === v) {
      put(i++, p, ++p);
      continue;
    }
    // Disagreement: re-synchronise on the next occurrence of a visible character.
    const found = /\s/.test(v) ? -1 : text.indexOf(v, p);
    if (found >= 0 && found < end) {
      p = found;
      put(i++, p, ++p);
    } else put(i++, p, p);
  }
  const tail = n > 0 ? ends[n - 1]! : p;
  put(n, tail, tail);
  return { value, starts, ends };
}

/**
 * For each UTF-16 index of the scalar's value ({@link scalarValue}), its 0-based offset in the
 * file text; one extra entry marks the end of the content.
 */
export function scalarOffsetMap(scalar: Scalar, text: string): Int32Array {
  return scalarSourceMap(scalar, text).starts;
}

/** The file span of the value slice `[start, end)`, escapes and line breaks included whole. */
export function valueRangeSpan(map: ScalarSourceMap, start: number, end: number): Span {
  const from = map.starts[start] ?? 0;
  return end > start ? { start: from, end: Math.max(from, map.ends[end - 1]!) } : { start: from, end: from };
}
