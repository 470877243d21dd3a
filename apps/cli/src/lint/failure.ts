import { isSlsaKitError } from '@slsa-kit/core';
import { pinErrorExitCode } from '@slsa-kit/core/pins/embedded';

/** How the CLI reports an exception: a one-line message, an optional hint, and the exit code. */
export interface Failure {
  readonly exitCode: 2 | 3 | 4;
  readonly message: string;
  readonly hint?: string;
}

const REPORT = 'please report it at https://github.com/slsa-kit/slsa-kit/issues with the command you ran';

/** The underlying system error's words (`EACCES: permission denied, open '…'`), when there is one. */
function causeText(error: Error): string {
  const cause = error.cause;
  return cause instanceof Error ? `: ${cause.message}` : '';
}

/**
 * Maps any thrown value to what the user sees. Coded errors are expected failures with a fixed
 * exit code (DESIGN.md contracts); anything else is a bug in slsa-lint: exit 4, "internal error",
 * and never a stack trace.
 */
export function describeFailure(error: unknown): Failure {
  const pinExit = pinErrorExitCode(error);
  if (pinExit !== undefined && isSlsaKitError(error)) return { exitCode: pinExit, message: error.message, hint: onlineHint(error.code) };
  if (isSlsaKitError(error)) {
    switch (error.code) {
      case 'usage':
        return { exitCode: 2, message: error.message, hint: 'run `slsa-lint --help` for usage' };
      case 'config-invalid':
        return { exitCode: 2, message: error.message, hint: 'fix the configuration file; rule ids and settings are listed in `slsa-lint --help`' };
      case 'config-not-found':
      case 'config-unreadable':
        return { exitCode: 2, message: error.message + causeText(error), hint: 'check the --config path' };
      case 'no-inputs':
        return { exitCode: 3, message: error.message, hint: 'pass workflow files or directories, or run inside a repository with .github/workflows' };
      case 'read-failed':
      case 'write-failed':
        return { exitCode: 4, message: error.message + causeText(error) };
      case 'rule-crashed':
        return { exitCode: 4, message: `internal error: ${error.message}${causeText(error)}`, hint: REPORT };
      default:
        return { exitCode: 4, message: error.message + causeText(error) };
    }
  }
  const text = error instanceof Error ? error.message : String(error);
  return { exitCode: 4, message: `internal error: ${text}`, hint: REPORT };
}

/** What to do when `--online` fails, by pin-service error code. */
function onlineHint(code: string): string {
  switch (code) {
    case 'GITHUB_AUTH_FAILED':
      return 'check that GH_TOKEN or GITHUB_TOKEN holds a valid token that can read the repositories, or unset it';
    case 'GITHUB_RATE_LIMITED':
      return 'set GH_TOKEN or GITHUB_TOKEN for a higher rate limit, or retry later';
    default:
      return '--online checks need the GitHub API; check the network, a proxy or GITHUB_API_URL, or run without --online';
  }
}
