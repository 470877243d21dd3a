import { stripVTControlCharacters } from 'node:util';
import { act } from 'react';
import type { Answers, ProjectFacts } from '@slsa-kit/generator';

// Tests drive Ink through `act`, which React only honours (without warnings) in an act environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A Python project with a GitHub remote and one hand-written release workflow. */
export const PYTHON_FACTS: ProjectFacts = {
  ecosystems: ['python'],
  name: 'demo',
  python: { buildFiles: ['pyproject.toml'], buildBackend: 'hatchling.build', pythonVersion: '3.12' },
  repository: { host: 'github.com', owner: 'octo', name: 'demo' },
  defaultBranch: 'main',
  workflows: [
    { file: '.github/workflows/ci.yml', release: false, generatedBySlsaInit: false },
    { file: '.github/workflows/release.yml', release: true, generatedBySlsaInit: false },
  ],
};

/** The answers `defaultAnswers(PYTHON_FACTS)` gives, spelled out so that tests do not depend on it. */
export const PYTHON_ANSWERS: Answers = {
  ecosystem: 'python',
  provenance: 'slsa-generator',
  publish: 'pypi',
  trigger: 'tag',
  output: '.github/workflows/release.yml',
};

/** The key sequences a terminal sends. */
export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  enter: '\r',
  backspace: '\u007F',
  ctrlC: '\u0003',
} as const;

/**
 * Runs `fn` (a render, a key, an unmount) inside `act` and returns its result once React has
 * rendered and run its effects. A fixed sleep is not enough: Ink subscribes a newly shown screen
 * to the keyboard in an effect, which under a loaded test run can come tens of milliseconds after
 * the frame, so that the next key would still reach the screen before it.
 */
export async function settled<T>(fn: () => T): Promise<T> {
  let out!: T;
  await act(async () => {
    out = fn();
  });
  return out;
}

/** Sends each key as its own keypress, letting the app settle after each one. */
export async function press(stdin: { write(data: string): void }, ...keys: string[]): Promise<void> {
  for (const key of keys) await settled(() => stdin.write(key));
}

/** The last frame without colour codes, so assertions hold whatever colour level the test run has. */
export function plain(frame: string | undefined): string {
  return stripVTControlCharacters(frame ?? '');
}
