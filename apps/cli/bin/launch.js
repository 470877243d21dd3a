// Shared by the committed launchers: npm links `bin` entries at install time, before `npm run
// build` has produced dist/, so each bin exists in the repository and loads the build lazily —
// the esbuild bundle (scripts/bundle.mjs): a few large files start much faster than ~1,000 small
// modules. slsa-lint, which pre-commit starts for every commit, also runs through a code cache.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Runs the bundled `name` bin, or exits 4 saying how to build it. */
export async function launch(name) {
  const bundle = new URL('../dist/bundle/', import.meta.url);
  const entry = new URL(name === 'slsa-lint' ? 'slsa-lint-launch.cjs' : `${name}.mjs`, bundle);
  if (!existsSync(fileURLToPath(entry))) {
    process.stderr.write(`${name}: the CLI is not built (apps/cli/dist/bundle/${entry.pathname.split('/').pop()} is missing)\nhint: run \`npm run build\` in the slsa-kit repository\n`);
    process.exit(4);
  }
  if (name === 'slsa-lint') createRequire(import.meta.url)(fileURLToPath(entry)).launchLint(fileURLToPath(bundle));
  else await import(entry.href);
}
