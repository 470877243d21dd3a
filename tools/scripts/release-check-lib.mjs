// The pieces of `npm run release:check` (tools/scripts/release-check.mjs), also driven by
// e2e/src/installed-tarball.test.ts through `release-check.mjs --node current`:
//   packShippedPackages  `npm pack` of the four shipped workspaces, and what each tarball holds;
//   checkTarballs        contents and manifests (dist only, no tests/maps/tsbuildinfo/stale outputs,
//                        LICENSE, README, version 0.1.0, internal deps pinned, cli not private);
//   nodeBinary           the Node.js under test: this one, or node-<platform>-<arch>@24 from npm;
//   checkInstalled       an empty project in a temp dir that installs ONLY the tarballs, then runs
//                        the three bins there (init → lint → verify) and times their start-up.
// Every check fails with the command and its output. What runs in the temp project never sees the
// repository: the sample project and the provenance file are copied there, the environment keeps
// no PATH entry, npm_config_* or NODE_OPTIONS from it, and a trace of every loaded module proves it.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The workspaces that are published, in dependency order. */
export const SHIPPED = [
  { name: '@slsa-kit/core', dir: 'packages/core' },
  { name: '@slsa-kit/generator', dir: 'packages/generator' },
  { name: '@slsa-kit/linter', dir: 'packages/linter' },
  // The CLI ships only its esbuild bundle (apps/cli/scripts/bundle.mjs): no types, no tsc output.
  { name: '@slsa-kit/cli', dir: 'apps/cli', bundle: true },
];
export const VERSION = '0.1.0';
export const BINS = ['slsa-init', 'slsa-lint', 'slsa-verify'];
/**
 * The file each bin's launcher loads from dist/bundle/ (what the module trace must see), and the
 * files the tarball must hold for it. slsa-lint's launcher runs slsa-lint.cjs through a V8 code
 * cache (vm.Script), which no module hook sees; it is required to be in the tarball instead.
 */
const BUNDLE_FILES = {
  'slsa-init': { loaded: 'slsa-init.mjs', shipped: ['slsa-init.mjs'] },
  'slsa-lint': { loaded: 'slsa-lint-launch.cjs', shipped: ['slsa-lint-launch.cjs', 'slsa-lint.cjs', 'workflow-schema-details.cjs'] },
  'slsa-verify': { loaded: 'slsa-verify.mjs', shipped: ['slsa-verify.mjs'] },
};
/**
 * Export subpaths that exist for the monorepo only: `@slsa-kit/core/testing` needs devDependencies
 * (`@sigstore/mock`, `fflate`) and `../shared/fixtures`, so `dist/testing` is left out of the tarball.
 */
export const REPO_ONLY_EXPORTS = { '@slsa-kit/core': ['./testing'] };

const VERIFY = {
  digest: 'sha256:376e7e01348585b6e6643bc6663146b9d525d9b41228bf180eaeb4d4a3706caa',
  provenance: path.join(repoRoot, 'tools', 'demo', 'binary-linux-amd64-push-v13.0.30.intoto.jsonl'),
  sourceUri: 'github.com/slsa-framework/example-package',
  sourceTag: 'v13.0.30',
};
const SAMPLE_PROJECT = path.join(repoRoot, 'e2e', 'fixtures', 'projects', 'python');
/** Nothing is listening on the discard port: a request for `@slsa-kit/*` fails loudly instead of reaching the registry. */
const DEAD_REGISTRY = 'http://127.0.0.1:9/';

/** A failed check: what was run and everything it printed. */
export class CheckError extends Error {
  constructor(message, details = '') {
    super(details ? `${message}\n${details}` : message);
    this.name = 'CheckError';
  }
}

export const isInside = (dir, p) => {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

function describeRun(cmd, args, r, cwd) {
  const out = (label, s) => (s && s.trim() ? `--- ${label} ---\n${s.trimEnd()}\n` : '');
  const how = r.error ? `failed to start: ${r.error.message}` : r.signal ? `killed by ${r.signal}` : `exit ${r.status}`;
  return `$ ${[cmd, ...args].join(' ')}\n  (cwd ${cwd}; ${how})\n${out('stdout', r.stdout)}${out('stderr', r.stderr)}`;
}

/** Runs a command to completion; `expect` is the exit code it must end with. */
export function run(cmd, args, { cwd, env = process.env, expect = 0, timeout = 300_000 } = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout, maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (expect !== undefined && r.status !== expect) throw new CheckError(`expected exit ${expect}`, describeRun(cmd, args, r, cwd));
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms, describe: () => describeRun(cmd, args, r, cwd) };
}

// ---------------------------------------------------------------------------------------------
// Packing and tarball contents

/** `npm pack` of every shipped workspace into `dest`; the `npm pack --json` record of each. */
export function packShippedPackages(dest) {
  const args = ['pack', ...SHIPPED.flatMap((p) => ['--workspace', p.dir]), '--pack-destination', dest, '--json'];
  const r = run('npm', args, { cwd: repoRoot });
  const packs = JSON.parse(r.stdout);
  return SHIPPED.map((p) => {
    const pack = packs.find((x) => x.name === p.name);
    if (!pack) throw new CheckError(`npm pack did not pack ${p.name}`, r.describe());
    return { ...p, ...pack, tarball: path.join(dest, pack.filename) };
  });
}

/** The files `tsc --build` compiled for the dist that was packed, from its tsbuildinfo. */
function compiledOutputs(pkgDir) {
  const info = path.join(pkgDir, 'dist', 'tsconfig.lib.tsbuildinfo');
  if (!existsSync(info)) return undefined;
  const { fileNames } = JSON.parse(readFileSync(info, 'utf8'));
  const outputs = new Set();
  for (const f of fileNames) {
    const abs = path.resolve(path.dirname(info), f);
    const rel = path.relative(path.join(pkgDir, 'src'), abs);
    if (rel.startsWith('..') || /\.d\.[cm]?ts$/.test(rel)) continue;
    const base = rel.replace(/\.[cm]?tsx?$/, '');
    outputs.add(`dist/${base}.js`);
    outputs.add(`dist/${base}.d.ts`);
  }
  return outputs;
}

/** Problems with what each tarball holds and declares; an empty list when all is well. */
export function checkTarballs(packs) {
  const problems = [];
  const rootLicense = readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8');
  const internal = new Set(SHIPPED.map((p) => p.name));
  for (const pack of packs) {
    const say = (m) => problems.push(`${pack.name}: ${m}`);
    const files = pack.files.map((f) => f.path);
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, pack.dir, 'package.json'), 'utf8'));
    if (pack.version !== VERSION) say(`version ${pack.version}, expected ${VERSION}`);
    if (manifest.private) say('is "private": true, so it cannot be published');
    for (const kind of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const [dep, range] of Object.entries(manifest[kind] ?? {})) {
        if (internal.has(dep) && range !== VERSION) say(`${kind}.${dep} is "${range}", expected "${VERSION}"`);
      }
    }
    for (const f of files) {
      if (!/^(dist\/|bin\/|schema\/|package\.json$|README\.md$|LICENSE$)/.test(f)) say(`ships ${f} (only dist, bin, schema, README.md and LICENSE belong in the tarball)`);
      else if (/\.(test|spec)\.|\.fixture\.|\.map$|\.tsbuildinfo$|(^|\/)testing\//.test(f) && !/^dist\/bundle\/[\w-]+\.c?mjs\.LEGAL\.txt$/.test(f)) say(`ships ${f} (tests, fixtures, source maps, build info and test helpers stay out)`);
    }
    if (!files.includes('README.md')) say('has no README.md');
    if (!files.includes('LICENSE')) say('has no LICENSE');
    else if (readFileSync(path.join(repoRoot, pack.dir, 'LICENSE'), 'utf8') !== rootLicense) say(`LICENSE differs from the repository's (copy ${path.relative(pack.dir, 'LICENSE')} again)`);
    const shipped = SHIPPED.find((p) => p.name === pack.name);
    if (shipped?.bundle) {
      for (const bin of BINS) for (const f of BUNDLE_FILES[bin].shipped) if (!files.includes(`dist/bundle/${f}`)) say(`has no dist/bundle/${f} (is it bundled? nx run cli:bundle)`);
      const unbundled = files.filter((f) => f.startsWith('dist/') && !f.startsWith('dist/bundle/'));
      if (unbundled.length > 0) say(`ships tsc output beside its bundle: ${unbundled.slice(0, 5).join(', ')}`);
      continue;
    }
    if (!files.some((f) => /^dist\/.*\.js$/.test(f)) || !files.some((f) => /^dist\/.*\.d\.ts$/.test(f))) say('has no dist/**/*.js and .d.ts (is it built?)');
    const compiled = compiledOutputs(path.join(repoRoot, pack.dir));
    if (!compiled) say('has no dist/tsconfig.lib.tsbuildinfo to tell stale outputs from current ones (is it built?)');
    else {
      const stale = files.filter((f) => /^dist\/.*\.(js|d\.ts)$/.test(f) && !compiled.has(f));
      if (stale.length > 0) {
        say(
          `ships build outputs that the last build did not compile (their source was moved, removed or excluded): ${stale.join(', ')}\n` +
            `  tsc never deletes them and the Nx cache restores them: delete them from ${pack.dir}/dist, run \`npx nx reset\`, and build again`,
        );
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The Node.js under test

/**
 * The node binary for `which`: `current` (and `20`, which must be what runs this script) is
 * `process.execPath`; `24` is `node-<platform>-<arch>@24` from the npm registry, packed once into
 * the cache directory and reused from there.
 */
export function nodeBinary(which, { log = undefined } = {}) {
  if (which === 'current' || which === '20') {
    const major = Number(process.versions.node.split('.')[0]);
    if (which === '20' && major !== 20) throw new CheckError(`--node 20 runs the Node.js that runs this script, which is ${process.version}; run release:check with Node 20`);
    return { label: which === 'current' ? `current (${process.version})` : `Node 20 (${process.version})`, bin: process.execPath };
  }
  if (which !== '24') throw new CheckError(`unknown Node.js version ${which}`);
  const pkg = `node-${process.platform}-${process.arch}`;
  const cache = process.env.XDG_CACHE_HOME
    ? path.join(process.env.XDG_CACHE_HOME, 'slsa-kit', 'node24')
    : path.join(repoRoot, 'node_modules', '.cache', 'slsa-kit', 'node24');
  mkdirSync(cache, { recursive: true });
  const versionOf = (f) => f.slice(pkg.length + 1, -'.tgz'.length).split('.').map(Number);
  const newest = () =>
    readdirSync(cache)
      .filter((f) => f.startsWith(`${pkg}-24.`) && f.endsWith('.tgz'))
      .sort((a, b) => {
        const [x, y] = [versionOf(a), versionOf(b)];
        return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
      })
      .pop();
  let tgz = newest();
  if (!tgz) {
    log?.(`fetching ${pkg}@24 from the npm registry into ${cache}`);
    const staging = mkdtempSync(path.join(cache, '.pack-'));
    try {
      const [packed] = JSON.parse(run('npm', ['pack', `${pkg}@24`, '--pack-destination', staging, '--json'], { cwd: staging }).stdout);
      renameSync(path.join(staging, packed.filename), path.join(cache, packed.filename));
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
    tgz = newest();
  }
  const dir = path.join(cache, tgz.slice(0, -'.tgz'.length));
  const bin = path.join(dir, 'bin', 'node');
  if (!existsSync(bin)) {
    const staging = mkdtempSync(path.join(cache, '.unpack-'));
    try {
      run('tar', ['-xzf', path.join(cache, tgz), '-C', staging, '--strip-components=1', 'package/bin/node'], { cwd: cache });
      rmSync(dir, { recursive: true, force: true });
      renameSync(staging, dir);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  const version = run(bin, ['--version'], { cwd: cache }).stdout.trim();
  if (!version.startsWith('v24.')) throw new CheckError(`${bin} is ${version}, not Node 24`);
  return { label: `Node 24 (${version}, ${path.relative(process.cwd(), bin) || bin})`, bin };
}

// ---------------------------------------------------------------------------------------------
// The installed project

/**
 * The environment of everything run in the temp project: no npm_config_*, NODE_OPTIONS or
 * NODE_PATH inherited from `npm run`/vitest, no PATH entry inside the repository (its
 * node_modules/.bin), and the node under test first in PATH so `#!/usr/bin/env node` picks it.
 */
function cleanEnv(nodeBin) {
  const keep = /^(HOME|USER|LOGNAME|LANG|LC_[A-Z]+|TZ|TMPDIR|XDG_[A-Z_]+|(HTTPS?|NO)_PROXY|(https?|no)_proxy|NODE_EXTRA_CA_CERTS|SSL_CERT_(FILE|DIR)|npm_config_(cache|registry|userconfig)|NPM_CONFIG_(CACHE|REGISTRY|USERCONFIG))$/;
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => keep.test(k)));
  const inherited = (process.env.PATH ?? '').split(path.delimiter).filter((p) => p && !isInside(repoRoot, path.resolve(p)));
  env.PATH = [path.dirname(nodeBin), ...inherited].join(path.delimiter);
  env.NO_COLOR = '1';
  return env;
}

// Loaded with `--import` in every process of the functional runs: records each file: module the
// ESM loader resolves (in the hooks thread) and every CommonJS module at exit, with the node version.
const TRACE_REGISTER = `import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
const log = process.env.SLSA_KIT_TRACE_LOG;
register('./trace-hooks.mjs', import.meta.url, { data: { log } });
appendFileSync(log, 'process ' + process.version + ' ' + (process.argv[1] ?? '') + '\\n');
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => appendFileSync(log, Object.keys(cache).filter((k) => k.startsWith('/')).map((k) => 'file ' + k + '\\n').join('')));
`;
const TRACE_HOOKS = `import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (r.url.startsWith('file:')) appendFileSync(log, 'file ' + fileURLToPath(r.url) + '\\n');
  return r;
}
`;

/** Symlinks anywhere under `dir` (node_modules), with their real paths; nested copies of internal packages. */
function walkInstalled(dir) {
  const links = [];
  const nested = [];
  let files = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isSymbolicLink()) links.push({ path: p, real: realpathSync(p) });
      else if (e.isDirectory()) {
        if (e.name === '@slsa-kit' && d !== dir) nested.push(p);
        walk(p);
      } else files++;
    }
  };
  walk(dir);
  return { links, nested, files };
}

// Statements at the start of a line; calls not inside a string (ajv's generated code quotes
// `require("ajv/dist/runtime/…")` as text).
const SPECIFIERS = [
  /^\s*(?:import|export)\b[^;'"`]*?\bfrom\s*(['"])([^'"\n]+)\1/gm,
  /^\s*import\s*(['"])([^'"\n]+)\1/gm,
  /(?<!['"`])\bimport\(\s*(['"])([^'"\n]+)\1\s*\)/g,
  /(?<!['"`])\brequire\(\s*(['"])([^'"\n]+)\1\s*\)/g,
  /(?<!['"`])\bnew URL\(\s*(['"])([^'"\n]+)\1\s*,\s*import\.meta\.url\s*\)/g,
];
/**
 * References the scan accepts in esbuild bundles (dist/bundle), each because it is reached only in
 * a mode users never run: the dependency's own code, inlined, would otherwise pass unscanned.
 */
const DEV_ONLY = [
  { file: /\/dist\/bundle\//, spec: 'react-devtools-core', why: 'Ink imports React DevTools only when DEV=true (kept external)' },
  { file: /\/dist\/bundle\//, spec: '../package.json', why: "Ink's reconciler reads its own package.json only when DEV=true" },
];
const BUILTINS = new Set(builtinModules);
const packageName = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

/**
 * Every module specifier and `new URL(…, import.meta.url)` in an installed package's JS and
 * declarations: relative ones must stay inside the package and name a file it ships, bare ones a
 * dependency it declares (or Node itself, or an exported subpath of a sibling package).
 */
export function checkInstalledSources(pkgDir, manifests) {
  const problems = [];
  const manifest = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const declared = new Set([manifest.name, ...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {})]);
  const walk = (d) =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() && e.name !== 'node_modules' ? walk(path.join(d, e.name)) : e.isFile() ? [path.join(d, e.name)] : []));
  for (const file of walk(pkgDir).filter((f) => /\.(m?js|d\.ts)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    const where = path.relative(path.dirname(pkgDir), file);
    for (const re of SPECIFIERS) {
      for (const m of text.matchAll(re)) {
        const spec = m[2];
        if (spec.includes('${') || DEV_ONLY.some((d) => d.spec === spec && d.file.test(file))) continue;
        if (spec.startsWith('.') || spec.startsWith('/')) {
          const target = path.resolve(path.dirname(file), spec);
          if (!isInside(pkgDir, target)) problems.push(`${where}: '${spec}' points outside the package`);
          else if (!existsSync(target) && !existsSync(target.replace(/\.js$/, '.d.ts'))) problems.push(`${where}: '${spec}' names a file the tarball does not have`);
        } else if (spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(packageName(spec))) {
          continue;
        } else if (!declared.has(packageName(spec)) && !(file.endsWith('.d.ts') && declared.has(`@types/${packageName(spec)}`))) {
          problems.push(`${where}: imports '${spec}', which ${manifest.name} does not declare in dependencies`);
        } else if (manifests.has(packageName(spec)) && packageName(spec) !== spec) {
          const sub = `.${spec.slice(packageName(spec).length)}`;
          const exp = manifests.get(packageName(spec)).exports ?? {};
          if (!(sub in exp) || (REPO_ONLY_EXPORTS[packageName(spec)] ?? []).includes(sub)) problems.push(`${where}: imports '${spec}', which ${packageName(spec)} does not export to users`);
        }
      }
    }
  }
  return problems;
}

/**
 * The tarballs grouped into `npm install` commands so that npm never asks a registry for
 * @slsa-kit/*. npm places a command's packages in name order and at once prefetches the packuments
 * of the dependencies a placed package still misses (arborist build-ideal-tree: "pre-fetch any
 * problem edges", errors ignored). One command for all four therefore asks the registry for core,
 * generator and linter as soon as it places cli; so a package goes into a command only when every
 * @slsa-kit package it needs is installed by an earlier command or sorts before it in this one.
 */
function installCommands(packs) {
  const internal = new Set(SHIPPED.map((p) => p.name));
  const needs = (p) => Object.keys(JSON.parse(readFileSync(path.join(repoRoot, p.dir, 'package.json'), 'utf8')).dependencies ?? {}).filter((d) => internal.has(d));
  const commands = [];
  const installed = new Set();
  let left = [...packs].sort((a, b) => (a.name < b.name ? -1 : 1));
  while (left.length > 0) {
    const command = [];
    for (const p of left) if (needs(p).every((d) => installed.has(d) || command.some((c) => c.name === d))) command.push(p);
    if (command.length === 0) throw new CheckError(`the @slsa-kit packages depend on each other in a cycle: ${left.map((p) => p.name).join(', ')}`);
    commands.push(command);
    for (const p of command) installed.add(p.name);
    left = left.filter((p) => !command.includes(p));
  }
  return commands;
}

/** npm's warnings, once each: EBADENGINE blocks as one line, the rest as they are. */
function npmWarnings(stderr) {
  const out = [];
  for (const m of stderr.matchAll(/EBADENGINE Unsupported engine \{\s*npm warn EBADENGINE\s+package: '([^']+)',\s*npm warn EBADENGINE\s+required: \{ node: '([^']+)' \}/g)) {
    out.push(`EBADENGINE: ${m[1]} requires node ${m[2]}`);
  }
  out.push(...stderr.split('\n').filter((l) => /^npm warn/i.test(l) && !/EBADENGINE/.test(l)));
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Installs the tarballs in a new temp project with `node` first in PATH and runs the checks.
 * Returns what the summary prints; throws {@link CheckError} on the first failure.
 */
export function checkInstalled({ node, packs, runs = 5, keep = false, log = undefined }) {
  const result = { node: node.label, runs, steps: [], timings: [], warnings: [] };
  const step = (name, fn) => {
    const t0 = performance.now();
    const detail = fn();
    result.steps.push({ name, ms: performance.now() - t0, detail });
    log?.(`  ok  ${name}${detail ? ` — ${detail}` : ''}`);
  };
  const env = cleanEnv(node.bin);
  const tmp = realpathSync(mkdtempSync(path.join(tmpdir(), 'slsa-kit-release-check-')));
  const realRepo = realpathSync(repoRoot);
  try {
    step('temp project outside the repository', () => {
      if (isInside(realRepo, tmp)) throw new CheckError(`the temp dir ${tmp} is inside the repository; set TMPDIR elsewhere`);
      for (let d = path.dirname(tmp); ; d = path.dirname(d)) {
        if (existsSync(path.join(d, 'node_modules'))) throw new CheckError(`${path.join(d, 'node_modules')} exists above the temp project: modules missing from the install could resolve there`);
        if (d === path.dirname(d)) break;
      }
      return tmp;
    });

    const nodeVersion = run('node', ['--version'], { cwd: tmp, env }).stdout.trim();
    result.nodeVersion = nodeVersion;
    log?.(`  node --version (first in PATH): ${nodeVersion}`);

    mkdirSync(path.join(tmp, 'tarballs'));
    for (const p of packs) copyFileSync(p.tarball, path.join(tmp, 'tarballs', p.filename));
    writeFileSync(path.join(tmp, 'package.json'), `${JSON.stringify({ name: 'release-check-consumer', version: '0.0.0', private: true }, null, 2)}\n`);
    // Should npm look @slsa-kit/* up anywhere, it asks a registry that does not answer (and gives
    // up after two quick retries), and the http log below shows it.
    writeFileSync(path.join(tmp, '.npmrc'), `@slsa-kit:registry=${DEAD_REGISTRY}\nfetch-retry-mintimeout=1000\nfetch-retry-maxtimeout=2000\n`);

    step('npm install of the four tarballs only', () => {
      const commands = installCommands(packs);
      const fetches = [];
      let ms = 0;
      for (const command of commands) {
        const specs = command.map((p) => `./tarballs/${p.filename}`);
        const r = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=http', ...specs], { cwd: tmp, env });
        ms += r.ms;
        const mine = r.stderr.split('\n').filter((l) => /\bhttp fetch\b/.test(l));
        const internal = mine.filter((l) => /@slsa-kit|%40slsa-kit|127\.0\.0\.1:9\b/.test(l));
        if (internal.length > 0) throw new CheckError('npm asked a registry for @slsa-kit/* instead of using the tarballs', `${r.describe()}\n${internal.join('\n')}`);
        fetches.push(...mine);
        for (const w of npmWarnings(r.stderr)) if (!result.warnings.includes(w)) result.warnings.push(w);
      }
      const lock = JSON.parse(readFileSync(path.join(tmp, 'package-lock.json'), 'utf8'));
      for (const p of SHIPPED) {
        const entry = lock.packages[`node_modules/${p.name}`];
        if (!entry?.resolved?.startsWith('file:')) throw new CheckError(`${p.name} is not installed from its tarball`, JSON.stringify(entry, null, 2));
        if (entry.version !== VERSION) throw new CheckError(`${p.name} installed as ${entry.version}, expected ${VERSION}`);
      }
      const packages = Object.keys(lock.packages).filter((k) => k !== '').length;
      const cached = fetches.filter((l) => /\(cache (hit|stale)\)/.test(l)).length;
      result.install = { ms, packages, fetches: fetches.length, cached };
      const order = commands.map((l) => l.map((p) => p.name.replace('@slsa-kit/', '')).join(' + ')).join(', then ');
      return `${packages} packages in ${(ms / 1000).toFixed(1)} s (npm install ${order}); ${fetches.length} registry fetches, ${cached} of them from the npm cache, none for @slsa-kit/*`;
    });

    const nodeModules = path.join(tmp, 'node_modules');
    step('no installed file resolves into the repository', () => {
      const { links, nested, files } = walkInstalled(nodeModules);
      const escaping = links.filter((l) => !isInside(tmp, l.real));
      if (escaping.length > 0) throw new CheckError('installed files resolve outside the temp project', escaping.map((l) => `${l.path} -> ${l.real}`).join('\n'));
      if (nested.length > 0) throw new CheckError('a second copy of an @slsa-kit package was installed', nested.join('\n'));
      return `${files} files, ${links.length} symlinks, all inside ${path.basename(tmp)}`;
    });

    const manifests = new Map(SHIPPED.map((p) => [p.name, JSON.parse(readFileSync(path.join(nodeModules, p.name, 'package.json'), 'utf8'))]));
    step('every import in the installed packages stays inside them or names a declared dependency', () => {
      const problems = SHIPPED.flatMap((p) => checkInstalledSources(path.join(nodeModules, p.name), manifests));
      if (problems.length > 0) throw new CheckError('the installed packages would not load everything they import', problems.join('\n'));
      return undefined;
    });

    step('every public entry point resolves inside the temp project and loads', () => {
      const entries = SHIPPED.flatMap((p) => {
        const exp = manifests.get(p.name).exports;
        if (!exp) return [{ spec: `${p.name}/package.json`, json: true }];
        return Object.keys(exp)
          .filter((k) => !(REPO_ONLY_EXPORTS[p.name] ?? []).includes(k))
          .map((k) => ({ spec: `${p.name}${k.slice(1)}`, json: k.endsWith('.json') }));
      });
      const script = `import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const out = [];
for (const e of ${JSON.stringify(entries)}) {
  const file = realpathSync(fileURLToPath(import.meta.resolve(e.spec)));
  if (e.json) await import(e.spec, { with: { type: 'json' } }); else await import(e.spec);
  out.push([e.spec, file]);
}
console.log(JSON.stringify(out));`;
      writeFileSync(path.join(tmp, 'entry-points.mjs'), script);
      const r = run('node', ['entry-points.mjs'], { cwd: tmp, env });
      const outside = JSON.parse(r.stdout).filter(([, file]) => !isInside(nodeModules, file));
      if (outside.length > 0) throw new CheckError('entry points resolve outside the temp project', outside.map(([s, f]) => `${s} -> ${f}`).join('\n'));
      return `${entries.length} entry points`;
    });

    // The sample project lives beside the install, so npx finds the bins through the project's
    // parent and detection sees a Python project only (no package.json in it).
    const project = path.join(tmp, 'widget');
    cpSync(SAMPLE_PROJECT, project, { recursive: true });
    mkdirSync(path.join(project, '.git'));
    writeFileSync(path.join(project, '.git', 'config'), '[remote "origin"]\n\turl = git@github.com:acme/widget.git\n');
    writeFileSync(path.join(project, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const provenance = path.join(tmp, path.basename(VERIFY.provenance));
    copyFileSync(VERIFY.provenance, provenance);

    const traceDir = path.join(tmp, '.trace');
    mkdirSync(traceDir);
    writeFileSync(path.join(traceDir, 'trace-register.mjs'), TRACE_REGISTER);
    writeFileSync(path.join(traceDir, 'trace-hooks.mjs'), TRACE_HOOKS);
    const traceLog = path.join(traceDir, 'loaded.log');
    const tracedEnv = { ...env, NODE_OPTIONS: `--import=${pathToFileURL(path.join(traceDir, 'trace-register.mjs')).href}`, SLSA_KIT_TRACE_LOG: traceLog };
    // `--no`: never install a missing bin from the registry. A warning on stderr (a deprecated Node
    // API in a dependency, say) fails the check too: users would see it on every run.
    const npx = (bin, args, cwd) => {
      const r = run('npx', ['--no', '--', bin, ...args], { cwd, env: tracedEnv });
      if (r.stderr.trim() !== '') throw new CheckError(`${bin} wrote to stderr`, r.describe());
      return r;
    };

    for (const bin of BINS) {
      step(`npx ${bin} --version`, () => {
        const r = npx(bin, ['--version'], tmp);
        if (r.stdout.trim() !== `${bin} ${VERSION}`) throw new CheckError(`expected "${bin} ${VERSION}"`, r.describe());
        return r.stdout.trim();
      });
    }
    step('npx slsa-init --yes in the Python sample project', () => {
      const r = npx('slsa-init', ['--yes'], project);
      const workflow = path.join(project, '.github', 'workflows', 'release.yml');
      if (!existsSync(workflow) || !readFileSync(workflow, 'utf8').includes('ecosystem=python')) throw new CheckError('slsa-init did not write a Python release workflow', r.describe());
      return r.stdout.split('\n')[0];
    });
    step('npx slsa-lint on what slsa-init wrote', () => {
      const r = npx('slsa-lint', [], project);
      return r.stdout.trim().split('\n').pop();
    });
    step('npx slsa-verify verify-artifact on real provenance, offline', () => {
      const r = npx('slsa-verify', ['verify-artifact', '--artifact-digest', VERIFY.digest, '--provenance-path', provenance, '--source-uri', VERIFY.sourceUri, '--source-tag', VERIFY.sourceTag], project);
      if (!r.stdout.includes('PASSED: SLSA verification passed')) throw new CheckError('slsa-verify did not print PASSED', r.describe());
      return 'PASSED';
    });

    step('every module those processes loaded is outside the repository', () => {
      const lines = readFileSync(traceLog, 'utf8').split('\n').filter(Boolean);
      const loaded = [...new Set(lines.filter((l) => l.startsWith('file ')).map((l) => l.slice(5)))].map((f) => (existsSync(f) ? realpathSync(f) : f));
      const inRepo = loaded.filter((f) => isInside(realRepo, f));
      if (inRepo.length > 0) throw new CheckError('modules were loaded from the repository', inRepo.join('\n'));
      const ours = loaded.filter((f) => f.includes(`${path.sep}@slsa-kit${path.sep}`));
      const foreign = ours.filter((f) => !isInside(nodeModules, f));
      if (foreign.length > 0) throw new CheckError('@slsa-kit modules were loaded from outside the temp project', foreign.join('\n'));
      for (const bin of BINS) if (!ours.some((f) => f.endsWith(`${path.sep}dist${path.sep}bundle${path.sep}${BUNDLE_FILES[bin].loaded}`))) throw new CheckError(`the trace saw no ${bin} run (is the --import hook working?)`, lines.slice(0, 20).join('\n'));
      const binProcesses = lines.filter((l) => l.startsWith('process ') && /slsa-(init|lint|verify)/.test(l));
      const wrongNode = binProcesses.filter((l) => l.split(' ')[1] !== nodeVersion);
      if (wrongNode.length > 0) throw new CheckError(`bins ran under another Node.js than ${nodeVersion}`, wrongNode.join('\n'));
      return `${loaded.length} files, ${ours.length} of them @slsa-kit, in ${binProcesses.length} bin processes under ${nodeVersion}`;
    });

    // Start-up, without the trace and without npx in between: median of `runs` runs each. Without
    // NODE_EXTRA_CA_CERTS too: Node 20 parses that bundle at every start (~50 ms here), which says
    // nothing about the bins and would flatten the ratios.
    const timingEnv = { ...env };
    delete timingEnv.NODE_EXTRA_CA_CERTS;
    const binPath = (bin) => path.join(nodeModules, '@slsa-kit', 'cli', 'bin', `${bin}.js`);
    const time = (label, args, cwd = tmp) => {
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(run('node', args, { cwd, env: timingEnv }).ms);
      return { label, ms: median(samples) };
    };
    step(`start-up timings (median of ${runs})`, () => {
      const base = time("node -e ''", ['-e', '']);
      result.timings.push(
        base,
        time('slsa-lint --version', [binPath('slsa-lint'), '--version']),
        time('slsa-lint .github/workflows/release.yml', [binPath('slsa-lint'), '.github/workflows/release.yml'], project),
        time('slsa-init --version', [binPath('slsa-init'), '--version']),
        time('slsa-init --yes --dry-run', [binPath('slsa-init'), '--yes', '--dry-run'], project),
        time('slsa-verify --version', [binPath('slsa-verify'), '--version']),
        time('slsa-verify verify-artifact (offline)', [binPath('slsa-verify'), 'verify-artifact', '--artifact-digest', VERIFY.digest, '--provenance-path', provenance, '--source-uri', VERIFY.sourceUri, '--source-tag', VERIFY.sourceTag]),
      );
      const viaNpx = [];
      for (let i = 0; i < Math.min(runs, 3); i++) viaNpx.push(run('npx', ['--no', '--', 'slsa-lint', '--version'], { cwd: tmp, env: timingEnv }).ms);
      result.timings.push({ label: 'npx slsa-lint --version', ms: median(viaNpx) });
      for (const t of result.timings) t.ratio = t.ms / base.ms;
      return undefined;
    });
    return result;
  } finally {
    if (keep) log?.(`  kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

/** The tarball table: name, packed and unpacked size, file count. */
export function formatPacks(packs) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const rows = packs.map((p) => [p.filename, kb(p.size), kb(p.unpackedSize), String(p.entryCount)]);
  const head = ['tarball', 'size', 'unpacked', 'files'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

/** One Node version's summary: the steps, the install, the start-up table. */
export function formatResult(r) {
  const lines = [`${r.node}: node --version ${r.nodeVersion}`];
  for (const s of r.steps) lines.push(`  ✓ ${s.name}${s.detail ? ` — ${s.detail}` : ''} (${(s.ms / 1000).toFixed(1)} s)`);
  if (r.warnings.length > 0) lines.push(`  npm install warned:`, ...r.warnings.map((w) => `    ${w}`));
  lines.push(`  start-up from the installed tarballs (median wall time of ${r.runs}, × node -e ''):`);
  const w = Math.max(...r.timings.map((t) => t.label.length));
  for (const t of r.timings) lines.push(`    ${t.label.padEnd(w)}  ${t.ms.toFixed(0).padStart(5)} ms  ${t.ratio.toFixed(1).padStart(5)}×`);
  return lines.join('\n');
}
