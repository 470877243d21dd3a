#!/usr/bin/env node
// Committed launcher: npm links `bin` entries at install time, before `npm run build` has produced
// dist/, so the bin must exist in the repository and load the build lazily. It loads the esbuild
// bundle (scripts/bundle.mjs): a few large files start much faster than ~1,000 small modules.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/bundle/slsa-verify.mjs', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('slsa-verify: the CLI is not built (apps/cli/dist/bundle/slsa-verify.mjs is missing)\nhint: run `npm run build` in the slsa-kit repository\n');
  process.exit(4);
}
await import(entry.href);
