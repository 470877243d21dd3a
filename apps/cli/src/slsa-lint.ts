/**
 * The `slsa-lint` bin (loaded by the committed launcher `bin/slsa-lint.js`). Deliberately tiny and
 * free of React/Ink: it starts fast in pre-commit hooks.
 */
import { main } from './lint/run.js';

// A closed pipe (`slsa-lint | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

// No top-level await: the bin is bundled as CommonJS so that it can run with a code cache
// (src/launch/code-cache.ts). `main` never rejects; it turns every failure into an exit code.
void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then((code) => {
  process.exitCode = code;
});
