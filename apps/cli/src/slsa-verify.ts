/**
 * The `slsa-verify` bin (loaded by the committed launcher `bin/slsa-verify.js`). No React/Ink: it
 * is a one-shot, non-interactive command.
 */
import { main } from './verify/run.js';

// A closed pipe (`slsa-verify … | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 1);
});

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
