import { useState, type ReactElement } from 'react';
import { Box, Text, useInput } from 'ink';

/** Props of {@link TextQuestion}. */
export interface TextQuestionProps {
  readonly title: string;
  /** What the value is for, with an example; shown dim under the title. */
  readonly hint?: string | undefined;
  /** Shown dim in the empty input and submitted by a bare Enter. */
  readonly defaultValue?: string | undefined;
  /** Receives the trimmed value, never an empty one. */
  readonly onSubmit: (value: string) => void;
}

/** Drops line breaks and other control characters that a paste can carry into a one-line answer. */
function printable(input: string): string {
  return [...input].filter((ch) => ch >= ' ' && ch !== '\u007F').join('');
}

/**
 * A one-line text answer: typing appends, Backspace deletes the last character, Enter submits.
 * The default is shown rather than pre-filled, so that typing replaces it instead of appending to
 * it; an empty Enter takes the default, or is refused with a message when there is none.
 */
export function TextQuestion({ title, hint, defaultValue, onSubmit }: TextQuestionProps): ReactElement {
  const [value, setValue] = useState('');
  const [refused, setRefused] = useState(false);
  const fallback = defaultValue?.trim() ?? '';
  useInput((input, key) => {
    if (key.return) {
      const answer = value.trim() || fallback;
      if (answer) onSubmit(answer);
      else setRefused(true);
    } else if (key.backspace || key.delete) {
      setValue((v) => v.slice(0, -1));
    } else if (!key.ctrl && !key.meta && input) {
      setValue((v) => v + printable(input));
      setRefused(false);
    }
  });
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      {hint ? <Text dimColor>{hint}</Text> : null}
      <Box>
        <Text color="cyan">{'> '}</Text>
        {/* The cursor sits after typed text but before the default, which is a suggestion, not text. */}
        {value ? <Text>{value}</Text> : null}
        <Text inverse> </Text>
        {value ? null : <Text dimColor>{fallback}</Text>}
      </Box>
      {refused ? <Text color="red">An answer is needed: type a value, then press Enter.</Text> : null}
      <Text dimColor>{fallback ? 'Enter to accept, or type a new value' : 'Type a value, then press Enter'}</Text>
    </Box>
  );
}
