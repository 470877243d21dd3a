import { useMemo, useRef, useState, type ReactElement } from 'react';
import { Box, Text, useApp, useInput } from 'ink';
import { ECOSYSTEM_CHOICES, PROVENANCE_CHOICES, TRIGGER_CHOICES, answerProblems, publishChoices, type Answers, type ProjectFacts } from '@slsa-kit/generator';
import { Confirm } from './Confirm.js';
import { FactsSummary } from './FactsSummary.js';
import { Preview } from './Preview.js';
import { SelectQuestion } from './SelectQuestion.js';
import { TextQuestion } from './TextQuestion.js';
import { defaultPublish, wizardSteps, type FixedQuestion } from './steps.js';

/** What the wizard shows before the confirmation, computed by the caller from the answers. */
export interface WizardPreview {
  /** The output path and whether the file is new, unchanged, or changed. */
  readonly title: string;
  /** The workflow YAML, or a unified diff against the existing file when `isDiff`. */
  readonly text: string;
  readonly isDiff: boolean;
  /** The existing file already says this: nothing to write, so no confirmation is asked. */
  readonly unchanged: boolean;
}

/** How the wizard ended: write the workflow for these answers, or leave everything as it was. */
export type WizardResult = { readonly kind: 'write'; readonly answers: Answers } | { readonly kind: 'cancel' };

/** Props of {@link Wizard}. */
export interface WizardProps {
  readonly facts: ProjectFacts;
  /** The defaults with the command-line flags already applied. */
  readonly initial: Answers;
  /** The questions answered by flags, which are not asked. */
  readonly fixed: ReadonlySet<FixedQuestion>;
  readonly preview: (answers: Answers) => WizardPreview;
  /** Called exactly once; the wizard then exits the Ink app. */
  readonly onDone: (result: WizardResult) => void;
}

/**
 * The `slsa-init` flow: facts, the questions not fixed by flags, a preview of the file, and a
 * confirmation. It only moves forward; Ctrl-C on any screen cancels.
 */
export function Wizard({ facts, initial, fixed, preview, onDone }: WizardProps): ReactElement {
  const { exit } = useApp();
  const [answers, setAnswers] = useState<Answers>(initial);
  const [index, setIndex] = useState(0);
  // A ref, not state: a second key in the same tick (Enter then Ctrl-C) must not call onDone again.
  const finished = useRef(false);
  const finish = (result: WizardResult): void => {
    if (finished.current) return;
    finished.current = true;
    onDone(result);
    exit();
  };
  useInput((input, key) => {
    if (key.ctrl && input === 'c') finish({ kind: 'cancel' });
  });
  // Ink moves the keyboard to a new screen in an effect, a moment after drawing it; a key typed in
  // that moment still reaches the old screen. Only the current step's screen may advance, so such a
  // key is dropped instead of answering a question twice or skipping the next one.
  const current = useRef(0);
  const advanceFrom = (from: number, change: Partial<Answers> = {}): void => {
    if (current.current !== from || finished.current) return;
    current.current = from + 1;
    setAnswers((a) => ({ ...a, ...change }));
    setIndex(from + 1);
  };
  const next = (change?: Partial<Answers>): void => advanceFrom(index, change);

  // The confirmation is the only step `unchanged` removes, and it comes after the preview, so the
  // current step can be found before the preview is computed.
  const step = wizardSteps(fixed, initial.publish, answers.ecosystem, false)[index] ?? 'confirm';
  const atEnd = step === 'preview' || step === 'confirm';
  const problems = useMemo(() => (atEnd ? answerProblems(answers) : []), [atEnd, answers]);
  // Computed during render, so that a throwing `preview` reaches Ink's error screen and rejects
  // `waitUntilExit` instead of escaping from a key handler.
  const shown = useMemo(() => (atEnd && problems.length === 0 ? preview(answers) : undefined), [atEnd, problems, preview, answers]);
  const total = wizardSteps(fixed, initial.publish, answers.ecosystem, shown?.unchanged === true).length;

  const screen = (): ReactElement => {
    switch (step) {
      case 'facts':
        return <FactsSummary key={step} facts={facts} onContinue={() => next()} />;
      case 'ecosystem':
        return (
          <SelectQuestion
            key={step}
            title="What does this project build?"
            choices={ECOSYSTEM_CHOICES.map((c) => (facts.ecosystems.includes(c.value) ? { ...c, hint: `${c.hint} (detected)` } : c))}
            defaultValue={answers.ecosystem}
            onSubmit={(ecosystem) => next({ ecosystem })}
          />
        );
      case 'buildCommand':
        return <TextQuestion key={step} title="Build command" hint="The shell command that builds the artifacts, e.g. make dist" defaultValue={answers.buildCommand} onSubmit={(buildCommand) => next({ buildCommand })} />;
      case 'artifacts':
        return <TextQuestion key={step} title="Artifact glob" hint="The files the build makes, relative to the project root, e.g. dist/*" defaultValue={answers.artifacts} onSubmit={(artifacts) => next({ artifacts })} />;
      case 'provenance':
        return <SelectQuestion key={step} title="How should provenance be made?" choices={PROVENANCE_CHOICES} defaultValue={answers.provenance} onSubmit={(provenance) => next({ provenance })} />;
      case 'publish':
        return (
          <SelectQuestion
            key={step}
            title="Where should a release be published?"
            choices={publishChoices(answers.ecosystem)}
            defaultValue={defaultPublish(answers.publish, answers.ecosystem)}
            note={fixed.has('publish') ? `--publish ${initial.publish} does not fit a ${answers.ecosystem} project; choose another target.` : undefined}
            onSubmit={(publish) => next({ publish })}
          />
        );
      case 'trigger':
        return <SelectQuestion key={step} title="What starts a release?" choices={TRIGGER_CHOICES} defaultValue={answers.trigger} onSubmit={(trigger) => next({ trigger })} />;
      case 'preview':
        if (!shown) {
          return <Preview key="problems" title="These answers cannot be used" text={problems.join('\n')} isDiff={false} enterHint="Press Enter to exit" onContinue={() => finish({ kind: 'cancel' })} />;
        }
        return shown.unchanged ? (
          <Preview key={step} title={shown.title} text={shown.text} isDiff={shown.isDiff} enterHint="Already up to date. Press Enter to finish." onContinue={() => finish({ kind: 'write', answers })} />
        ) : (
          <Preview key={step} title={shown.title} text={shown.text} isDiff={shown.isDiff} onContinue={() => next()} />
        );
      case 'confirm':
        return <Confirm key={step} message={`Write ${answers.output}?`} onSubmit={(yes) => finish(yes ? { kind: 'write', answers } : { kind: 'cancel' })} />;
    }
  };

  return (
    <Box flexDirection="column">
      <Text dimColor>{`Step ${index + 1} of ${total}`}</Text>
      {screen()}
    </Box>
  );
}
