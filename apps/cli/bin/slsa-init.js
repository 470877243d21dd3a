#!/usr/bin/env node
// Committed launcher: npm links `bin` entries at install time, before `npm run build` has produced
// dist/, so the bin must exist in the repository and load the build lazily.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/slsa-init.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('slsa-init: the CLI is not built (apps/cli/dist/slsa-init.js is missing)\nhint: run `npm run build` in the slsa-kit repository\n');
  process.exit(4);
}
await import(entry.href);
