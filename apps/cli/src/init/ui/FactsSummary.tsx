import { Box, Text, useInput } from 'ink';
import type { ReactElement } from 'react';
import type { ProjectFacts } from '@slsa-kit/generator';
import { factLines } from './fact-lines.js';

/** Props of {@link FactsSummary}. */
export interface FactsSummaryProps {
  readonly facts: ProjectFacts;
  readonly onContinue: () => void;
}

const LABEL_WIDTH = 16;

/** The first screen: what detection found, so that the defaults of the questions make sense. */
export function FactsSummary({ facts, onContinue }: FactsSummaryProps): ReactElement {
  useInput((_input, key) => {
    if (key.return) onContinue();
  });
  return (
    <Box flexDirection="column">
      <Text bold>Detected in this directory</Text>
      {factLines(facts).map((line, i) => (
        <Box key={i}>
          <Box width={LABEL_WIDTH} flexShrink={0}>
            <Text dimColor>{line.label}</Text>
          </Box>
          <Text>{line.value}</Text>
        </Box>
      ))}
      <Box marginTop={1}>
        <Text color="cyan">Press Enter to continue</Text>
      </Box>
    </Box>
  );
}
