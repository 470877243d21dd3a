#!/usr/bin/env node
// Bundles the three bins (apps/cli/dist/slsa-*.js, built by tsc) with their dependencies into
// dist/bundle/ with esbuild: Node then loads a few large files instead of ~1,000 small modules,
// which roughly halves start-up (measured by `npm run bench`).
// - slsa-init and slsa-verify: ES modules, code split, so the Ink wizard, the Octokit pin resolver
//   and other lazily imported parts stay in chunks that load only when used.
// - slsa-lint: one CommonJS file, run by slsa-lint-launch.cjs through a V8 code cache
//   (src/launch/code-cache.ts); Node 20 can cache compiled code for CommonJS scripts only.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });

// The detailed workflow-schema validator (~600 kB of generated code) is needed only for a workflow
// that fails core's quick check. It goes into a CommonJS file of its own, and core's accessor module
// is replaced by one that requires that file on first use: synchronous, so the validator's API stays
// synchronous, and a run over valid workflows never parses it.
const DETAILS_FILE = 'workflow-schema-details.cjs';
/** Options of every CommonJS file built here; whitespace is minified (less for V8 to scan), names stay. */
const COMMONJS = { bundle: true, format: 'cjs', platform: 'node', target: 'node20.19', minifyWhitespace: true, logLevel: 'warning' };
const coreDist = path.dirname(createRequire(import.meta.url).resolve('@slsa-kit/core'));
const accessor = path.join(coreDist, 'schema', 'detailed-validator.js');
await build({
  entryPoints: [path.join(coreDist, 'schema', 'generated', 'github-workflow.validate.js')],
  outfile: path.join(outdir, DETAILS_FILE),
  ...COMMONJS,
});
const lazyDetails = {
  name: 'lazy-schema-details',
  setup(b) {
    b.onLoad({ filter: /[\\/]schema[\\/]detailed-validator\.js$/ }, (args) => {
      if (args.path !== accessor) return undefined;
      return {
        loader: 'js',
        contents: [
          "import { createRequire } from 'node:module';",
          'let loaded;',
          'export function detailedWorkflowValidator() {',
          `  if (!loaded) { const m = createRequire(import.meta.url)('./${DETAILS_FILE}'); loaded = { validate: m.validateGithubWorkflow, schema: m.githubWorkflowSchema }; }`,
          '  return loaded;',
          '}',
        ].join('\n'),
      };
    });
  },
};

// `yaml` resolves to its CommonJS build under Node; bundled, every `isScalar`/`isMap` call from ESM
// code then goes through an interop getter (a tenth of a corpus lint run in profiles). Its ESM
// build (the package's `default` export condition) is the same code, so the bins bundle that one.
const yamlEsm = {
  name: 'yaml-esm',
  setup(b) {
    const entry = path.join(path.dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser', 'index.js');
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: entry }));
  },
};

const result = await build({
  entryPoints: ['slsa-init', 'slsa-verify'].map((name) => path.join(root, 'dist', `${name}.js`)),
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
  // Less text for V8 to scan at start-up; names stay, so stack traces of bugs stay readable.
  minifyWhitespace: true,
  plugins: [lazyDetails, yamlEsm],
  logLevel: 'warning',
});
// slsa-lint: everything in one CommonJS file. `import.meta.url` (the version lookup, the lazy
// schema accessor) becomes the bundle's own file URL.
const lint = await build({
  entryPoints: [path.join(root, 'dist', 'slsa-lint.js')],
  outfile: path.join(outdir, 'slsa-lint.cjs'),
  ...COMMONJS,
  banner: { js: "const __slsaKitImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__slsaKitImportMetaUrl' },
  legalComments: 'linked',
  metafile: true,
  plugins: [lazyDetails, yamlEsm],
});
const loaded = Object.keys(Object.values(lint.metafile.outputs).find((o) => o.entryPoint)?.inputs ?? {});
const forbidden = loaded.filter((i) => /node_modules\/(ink|react|react-reconciler)\//.test(i));
if (forbidden.length > 0) throw new Error(`slsa-lint must not bundle Ink or React: ${forbidden.slice(0, 3).join(', ')}`);
// Its launcher: sets the heap tuning, finds the cache directory and runs the bundle above.
await build({
  entryPoints: [path.join(root, 'dist', 'launch', 'slsa-lint-launch.js')],
  outfile: path.join(outdir, 'slsa-lint-launch.cjs'),
  ...COMMONJS,
});

const outputs = [...Object.values(result.metafile.outputs), ...Object.values(lint.metafile.outputs)];
const swapped = outputs.some((o) => Object.keys(o.inputs).some((i) => i.endsWith('github-workflow.validate.js')));
if (swapped) throw new Error('the detailed schema validator was bundled into a chunk: the lazy-schema-details plugin did not apply');
const bytes = outputs.reduce((n, o) => n + o.bytes, 0);
console.log(`bundled 3 bins into ${path.relative(process.cwd(), outdir)} (${outputs.length + 2} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB)`);
