#!/usr/bin/env node
// Bundles the three bins (apps/cli/dist/slsa-*.js, built by tsc) with their dependencies into
// dist/bundle/ with esbuild: Node then loads a few large files instead of ~1,000 small modules,
// which roughly halves start-up (measured by `npm run bench`). Code split: the Ink wizard, the
// Octokit pin resolver and other lazily imported parts stay in chunks that load only when used.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: ['slsa-init', 'slsa-lint', 'slsa-verify'].map((name) => path.join(root, 'dist', `${name}.js`)),
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  entryNames: '[name]',
  // Chunks sit beside the entries: version.ts finds package.json two directories up from either.
  chunkNames: '[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  // CommonJS dependencies call require() for Node built-ins and read __filename (write-file-atomic
  // names its temp files with it); ESM output has neither, so each file defines them.
  banner: {
    js: [
      "import { createRequire as __slsaKitCreateRequire } from 'node:module';",
      "import { fileURLToPath as __slsaKitFileURLToPath } from 'node:url';",
      'const require = __slsaKitCreateRequire(import.meta.url);',
      'const __filename = __slsaKitFileURLToPath(import.meta.url);',
    ].join(' '),
  },
  // Ink loads React DevTools only when DEV=true; it is not a dependency and is never shipped.
  external: ['react-devtools-core'],
  // Ink and React read NODE_ENV at run time; the production build skips React's dev-only checks.
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`bundled 3 bins into ${path.relative(process.cwd(), outdir)} (${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB)`);
