import { render } from 'ink';
import { Wizard, type WizardProps, type WizardResult } from './Wizard.js';

/** The terminal the wizard runs in; the process's own by default. */
export interface WizardIo {
  readonly stdin?: NodeJS.ReadStream | undefined;
  readonly stdout?: NodeJS.WriteStream | undefined;
}

/**
 * Runs the `slsa-init` wizard and resolves with how it ended. Ctrl-C is handled by the wizard
 * (it resolves `cancel`) rather than by Ink, which would exit without a result. The console is
 * left unpatched: the wizard never logs, and Ink would otherwise replace the console methods of the
 * whole process while it runs. `stdin` must be a TTY: otherwise Ink cannot enter raw mode and the
 * promise rejects; so does it when `preview` throws.
 */
export async function runWizard(props: Omit<WizardProps, 'onDone'>, io: WizardIo = {}): Promise<WizardResult> {
  let result: WizardResult = { kind: 'cancel' };
  const instance = render(
    <Wizard
      {...props}
      onDone={(r) => {
        result = r;
      }}
    />,
    {
      // Only the streams given: Ink's defaults are replaced by an explicit `undefined`.
      ...(io.stdin ? { stdin: io.stdin } : {}),
      ...(io.stdout ? { stdout: io.stdout } : {}),
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  await instance.waitUntilExit();
  return result;
}
