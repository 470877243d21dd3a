/**
 * The `slsa-init` bin (loaded by the committed launcher `bin/slsa-init.js`). Ink and React load
 * only when the wizard runs on a terminal; `--yes` and `--dry-run` never touch them.
 */
import { main } from './init/run.js';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });
// The wizard leaves stdin in raw mode and referenced; exit explicitly once the answer is known.
process.exit();
