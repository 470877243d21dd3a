import type { ReactElement } from 'react';
import { useInput } from 'ink';
import type { Choice } from '@slsa-kit/generator';
import { SelectQuestion } from './SelectQuestion.js';

/** Props of {@link Confirm}. */
export interface ConfirmProps {
  /** The question, e.g. `Write .github/workflows/release.yml?`. */
  readonly message: string;
  readonly onSubmit: (yes: boolean) => void;
}

const YES_NO: readonly Choice<'yes' | 'no'>[] = [
  { value: 'yes', label: 'Yes', hint: '' },
  { value: 'no', label: 'No', hint: '' },
];

/** A yes/no question with Yes selected: ↑/↓ and Enter, or `y`/`n` to answer at once. */
export function Confirm({ message, onSubmit }: ConfirmProps): ReactElement {
  useInput((input, key) => {
    if (key.ctrl || key.meta) return;
    const letter = input.toLowerCase();
    if (letter === 'y') onSubmit(true);
    else if (letter === 'n') onSubmit(false);
  });
  return <SelectQuestion title={message} choices={YES_NO} defaultValue="yes" help="↑/↓ to move, Enter to choose, or press y or n" onSubmit={(value) => onSubmit(value === 'yes')} />;
}
