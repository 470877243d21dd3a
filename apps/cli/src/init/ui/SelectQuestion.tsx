import { useRef, useState, type ReactElement } from 'react';
import { Box, Text, useInput } from 'ink';
import type { Choice } from '@slsa-kit/generator';

/** Props of {@link SelectQuestion}. */
export interface SelectQuestionProps<T extends string> {
  readonly title: string;
  readonly choices: readonly Choice<T>[];
  /** Highlighted on the first frame; the first choice when it is not among `choices`. */
  readonly defaultValue: T;
  /** A warning shown under the title (why a question given by a flag is asked after all). */
  readonly note?: string | undefined;
  /** The key help under the choices; default "↑/↓ to move, Enter to choose". */
  readonly help?: string | undefined;
  readonly onSubmit: (value: T) => void;
}

/**
 * One question with a list of choices: ↑/↓ move (wrapping around), Enter submits. Written on
 * `useInput` rather than ink-select-input so that each choice can show its hint and so that digit
 * keys do not submit a choice the user never highlighted.
 */
export function SelectQuestion<T extends string>({ title, choices, defaultValue, note, help, onSubmit }: SelectQuestionProps<T>): ReactElement {
  const [index, setIndex] = useState(() => Math.max(0, choices.findIndex((c) => c.value === defaultValue)));
  // Ink delivers one stdin chunk (`Down` + `Enter` typed fast, or batched by SSH) as key events
  // back to back, before React re-renders: the handler reads the highlight from a ref, not from
  // the last render, so Enter submits what the user moved to.
  const current = useRef(index);
  const move = (to: number): void => {
    current.current = to;
    setIndex(to);
  };
  useInput((_input, key) => {
    if (key.upArrow) move((current.current + choices.length - 1) % choices.length);
    else if (key.downArrow) move((current.current + 1) % choices.length);
    else if (key.return && choices[current.current]) onSubmit(choices[current.current]!.value);
  });
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      {note ? <Text color="yellow">{note}</Text> : null}
      {choices.map((choice, i) => (
        <Box key={choice.value}>
          <Text color={i === index ? 'cyan' : undefined}>{`${i === index ? '>' : ' '} ${choice.label}`}</Text>
          {choice.hint ? <Text dimColor>{`  ${choice.hint}`}</Text> : null}
        </Box>
      ))}
      <Text dimColor>{help ?? '↑/↓ to move, Enter to choose'}</Text>
    </Box>
  );
}
