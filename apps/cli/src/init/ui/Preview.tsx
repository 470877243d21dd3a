import { useState, type ReactElement } from 'react';
import { Box, Text, useInput, useStdout } from 'ink';
import { clampOffset, diffLineColor, splitLines, windowFooter } from './preview-lines.js';

/** Props of {@link Preview}. */
export interface PreviewProps {
  /** The output path and what writing would do (new file, unchanged, diff). */
  readonly title: string;
  /** The workflow YAML, or a unified diff against the existing file. */
  readonly text: string;
  readonly isDiff: boolean;
  /** Lines of text shown at once; default the terminal's height less the surrounding lines, else 20. */
  readonly rows?: number | undefined;
  /** The line under the footer; default "Press Enter to continue". */
  readonly enterHint?: string | undefined;
  readonly onContinue: () => void;
}

/**
 * Lines of the screen that are not text (progress, title, blank, footer, Enter hint) plus one,
 * because Ink redraws the whole screen, flickering, once its output fills the terminal.
 */
const CHROME_ROWS = 6;
const FALLBACK_ROWS = 20;

/**
 * A scrolling window onto a generated file or diff: ↑/↓ move a line, PageUp/PageDown a window,
 * Enter continues. Each line is truncated rather than wrapped so that the window is exactly
 * `rows` terminal lines and the footer's line numbers stay true.
 */
export function Preview({ title, text, isDiff, rows, enterHint, onContinue }: PreviewProps): ReactElement {
  const { stdout } = useStdout();
  const height = Math.max(1, rows ?? (stdout.rows ? stdout.rows - CHROME_ROWS : FALLBACK_ROWS));
  const lines = splitLines(text);
  const [offset, setOffset] = useState(0);
  useInput((_input, key) => {
    const move = key.upArrow ? -1 : key.downArrow ? 1 : key.pageUp ? -height : key.pageDown ? height : 0;
    if (move !== 0) setOffset((o) => clampOffset(o + move, lines.length, height));
    else if (key.return) onContinue();
  });
  const start = clampOffset(offset, lines.length, height);
  const shown = lines.slice(start, start + height);
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      <Box flexDirection="column" marginTop={1}>
        {shown.map((line, i) => (
          <Text key={start + i} wrap="truncate-end" color={isDiff ? diffLineColor(line) : undefined}>
            {line === '' ? ' ' : line}
          </Text>
        ))}
      </Box>
      <Text dimColor>{`${windowFooter(start, shown.length, lines.length)}${lines.length > height ? ', ↑/↓ PageUp/PageDown to scroll' : ''}`}</Text>
      <Text color="cyan">{enterHint ?? 'Press Enter to continue'}</Text>
    </Box>
  );
}
