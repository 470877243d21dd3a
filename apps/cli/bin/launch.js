// Shared by the committed launchers: npm links `bin` entries at install time, before `npm run
// build` has produced dist/, so each bin exists in the repository and loads the build lazily —
// the esbuild bundle (scripts/bundle.mjs): a few large files start much faster than ~1,000 small
// modules.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Runs the bundled `name` bin, or exits 4 saying how to build it. */
export async function launch(name) {
  const entry = new URL(`../dist/bundle/${name}.mjs`, import.meta.url);
  if (!existsSync(fileURLToPath(entry))) {
    process.stderr.write(`${name}: the CLI is not built (apps/cli/dist/bundle/${name}.mjs is missing)\nhint: run \`npm run build\` in the slsa-kit repository\n`);
    process.exit(4);
  }
  await import(entry.href);
}
