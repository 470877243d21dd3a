import { LineCounter } from 'yaml';
import type { LineColumnRange, Span } from '../diagnostic.js';

/**
 * A file's text with its line index. This is the one place where 0-based offsets become 1-based
 * line/column pairs (columns count UTF-16 code units, as editors and SARIF do).
 */
export class SourceFile {
  readonly lineCounter: LineCounter;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.lineCounter = new LineCounter();
    this.lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.lineCounter.addNewLine(i + 1);
    }
  }

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const { line, col } = this.lineCounter.linePos(clamped);
    return { line, column: col };
  }

  /** 1-based range of a span (end column exclusive). */
  locate(span: Span): LineColumnRange {
    const start = this.position(span.start);
    const end = this.position(Math.max(span.end, span.start));
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }

  /** The source text a span covers. */
  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** `path:line:column` of an offset, for human messages. */
  where(offset: number): string {
    const { line, column } = this.position(offset);
    return `${this.path}:${line}:${column}`;
  }
}
