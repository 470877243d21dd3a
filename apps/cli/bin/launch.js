'use strict';
// Shared by the committed launchers: npm links `bin` entries at install time, before `npm run
// build` has produced dist/, so each bin exists in the repository and loads the build lazily —
// the esbuild bundle (scripts/bundle.mjs): a few large files start much faster than ~1,000 small
// modules. slsa-lint, which pre-commit starts for every commit, also runs through a code cache.
const { existsSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const bundle = path.join(__dirname, '..', 'dist', 'bundle');

/** Runs the bundled `name` bin, or exits 4 saying how to build it. */
function launch(name) {
  const file = name === 'slsa-lint' ? 'slsa-lint-launch.cjs' : `${name}.mjs`;
  const entry = path.join(bundle, file);
  if (!existsSync(entry)) {
    process.stderr.write(`${name}: the CLI is not built (apps/cli/dist/bundle/${file} is missing)\nhint: run \`npm run build\` in the slsa-kit repository\n`);
    process.exit(4);
  }
  if (name === 'slsa-lint') require(entry).launchLint(bundle);
  else {
    import(pathToFileURL(entry).href).catch((error) => {
      process.stderr.write(`${name}: cannot load ${entry}: ${error instanceof Error ? error.message : String(error)}\nhint: reinstall @slsa-kit/cli\n`);
      process.exit(4);
    });
  }
}

module.exports = { launch };
