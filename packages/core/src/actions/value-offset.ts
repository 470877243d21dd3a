import type { Span } from '../diagnostic.js';

/**
 * The file offset where a scalar's value text starts, given the scalar's span (as the YAML parser
 * reports it, quotes included) and its decoded value.
 *
 * Plain scalars start at the span; quoted ones one character later. When the source does not
 * contain the value verbatim (escapes such as `"\u0040"`, or a folded multi-line scalar) there is
 * no offset to give, and the result is undefined, so fixers never edit the wrong characters.
 */
export function valueOffset(text: string, span: Span, value: string): number | undefined {
  const quoted = text[span.start] === '"' || text[span.start] === "'";
  const start = quoted ? span.start + 1 : span.start;
  return start + value.length <= span.end && text.startsWith(value, start) ? start : undefined;
}
