#!/usr/bin/env node
/**
 * The command outputs shown in README.md, captured from the built bins rather than typed by hand.
 *
 * A README block looks like this (the fence is rewritten, the markers stay):
 *
 *     <!-- readme-output: lint-text -->
 *     ```console
 *     $ npx slsa-lint
 *     …the real output…
 *     (exit 1)
 *     ```
 *     <!-- /readme-output -->
 *
 * Each block id below knows its setup (a temp copy of a sample project, a workflow with known
 * problems, the demo provenance), the command it runs, and how that command is shown. The bins
 * run as `node apps/cli/bin/<bin>.js` with `NO_COLOR=1` and only PATH from the environment, in
 * the temp directory, stdin at /dev/null; stdout and stderr go to one file, so they interleave as
 * on a terminal. Temp paths are normalised away.
 *
 *   node tools/scripts/readme-outputs.mjs           check: exit 1 with a diff of each drifted block
 *   node tools/scripts/readme-outputs.mjs --write   rewrite the blocks (`npm run docs:readme`)
 *
 * Exit codes: 0 current (or written), 1 a block drifted, 2 usage error, unbuilt CLI, unknown or
 * unused block id, or a setup step that did not behave as expected.
 *
 * e2e/src/readme.test.ts runs the check. Build first (`npx nx run cli:build`).
 */
import { spawn } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const README = path.join(root, 'README.md');
const BIN_DIR = path.join(root, 'apps', 'cli', 'bin');
const PYTHON_PROJECT = path.join(root, 'e2e', 'fixtures', 'projects', 'python');
const PROVENANCE_NAME = 'binary-linux-amd64-push-v13.0.30.intoto.jsonl';
const PROVENANCE = path.join(root, 'tools', 'demo', PROVENANCE_NAME);
const RELEASE_YML = '.github/workflows/release.yml';

const VERIFY_ARGS = (tag) => [
  'verify-artifact',
  '--artifact-digest',
  'sha256:376e7e01348585b6e6643bc6663146b9d525d9b41228bf180eaeb4d4a3706caa',
  '--provenance-path',
  PROVENANCE_NAME,
  '--source-uri',
  'github.com/slsa-framework/example-package',
  '--source-tag',
  tag,
];

/**
 * A release workflow with known problems for slsa-lint: a tag-pinned action (fixable offline from
 * the pin database), the generator called by a short tag (`@v2`, not fixable: the user chooses the
 * release), and a provenance job without `actions: read` (fixable).
 */
const BROKEN_WORKFLOW = `name: Release
on:
  push:
    tags: ["v*"]
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    outputs:
      hashes: \${{ steps.hash.outputs.hashes }}
    steps:
      - uses: actions/checkout@v7
        with:
          persist-credentials: false
      - run: python -m pip install build && python -m build
      - id: hash
        run: cd dist && echo "hashes=$(sha256sum * | base64 -w0)" >> "$GITHUB_OUTPUT"

  provenance:
    needs: [build]
    permissions:
      id-token: write
      contents: write
    uses: slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2
    with:
      base64-subjects: \${{ needs.build.outputs.hashes }}
      upload-assets: true
`;

// ---------------------------------------------------------------------------------------------
// Setups: each block gets a fresh temp directory `tmp` and returns the directory to run in.

/** A copy of the Python sample project made a GitHub checkout of acme/widget (no git binary needed). */
function pythonProject(tmp) {
  const dir = path.join(tmp, 'widget');
  cpSync(PYTHON_PROJECT, dir, { recursive: true });
  mkdirSync(path.join(dir, '.git'));
  writeFileSync(path.join(dir, '.git', 'config'), '[remote "origin"]\n\turl = https://github.com/acme/widget.git\n');
  writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  return dir;
}

/** The Python project after `slsa-init --yes`. */
async function initialised(tmp) {
  const dir = pythonProject(tmp);
  await step(dir, 'slsa-init', ['--yes'], 0);
  return dir;
}

/** The Python project after `slsa-init --yes` and a hand edit of the Python version. */
async function initialisedAndEdited(tmp) {
  const dir = await initialised(tmp);
  const file = path.join(dir, RELEASE_YML);
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(/python-version: "[^"]*"/, 'python-version: "3.13"');
  if (edited === text) throw new SetupError('init-check: the generated workflow has no `python-version: "…"` line to edit');
  writeFileSync(file, edited);
  return dir;
}

/** A repository whose only workflow is {@link BROKEN_WORKFLOW}. */
function brokenWorkflow(tmp) {
  const dir = path.join(tmp, 'widget');
  mkdirSync(path.join(dir, '.git'), { recursive: true });
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(path.join(dir, RELEASE_YML), BROKEN_WORKFLOW);
  return dir;
}

/** {@link brokenWorkflow} after `slsa-lint --fix` (one finding remains, so it exits 1). */
async function fixedWorkflow(tmp) {
  const dir = brokenWorkflow(tmp);
  await step(dir, 'slsa-lint', ['--fix'], 1);
  return dir;
}

/** A directory holding the demo provenance, as a user who downloaded it would have. */
function provenanceDownloaded(tmp) {
  cpSync(PROVENANCE, path.join(tmp, PROVENANCE_NAME));
  return tmp;
}

// ---------------------------------------------------------------------------------------------
// The blocks. `bin` + `args` run a bin (shown as `npx <bin> …`); `shown` + `emulate` show a shell
// command whose output is computed here with Node (no shell is run).

const firstLines = (n, file) => (dir) => {
  const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
  return { output: `${lines.slice(0, n).join('\n')}\n`, code: 0 };
};

/** `sed -n '/START/,/END/p' FILE`: every range from a START line to the next END line, inclusive. */
const sedRange = (start, end, file) => (dir) => {
  const out = [];
  let inside = false;
  for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
    if (!inside && start.test(line)) inside = true;
    else if (inside && end.test(line)) {
      out.push(line);
      inside = false;
      continue;
    }
    if (inside) out.push(line);
  }
  return { output: out.length > 0 ? `${out.join('\n')}\n` : '', code: 0 };
};

const BLOCKS = {
  'init-yes': { setup: pythonProject, bin: 'slsa-init', args: ['--yes'] },
  'init-workflow': { setup: initialised, shown: `head -n 30 ${RELEASE_YML}`, emulate: firstLines(30, RELEASE_YML) },
  'init-provenance': {
    setup: initialised,
    shown: `sed -n '/^  provenance:/,/^ *upload-assets:/p' ${RELEASE_YML}`,
    emulate: sedRange(/^ {2}provenance:/, /^ *upload-assets:/, RELEASE_YML),
  },
  'init-lint': { setup: initialised, bin: 'slsa-lint', args: [] },
  'init-check': { setup: initialisedAndEdited, bin: 'slsa-init', args: ['--check'] },
  'lint-workflow': { setup: brokenWorkflow, shown: `cat ${RELEASE_YML}`, emulate: (dir) => ({ output: readFileSync(path.join(dir, RELEASE_YML), 'utf8'), code: 0 }) },
  'lint-text': { setup: brokenWorkflow, bin: 'slsa-lint', args: [] },
  'lint-fix': { setup: brokenWorkflow, bin: 'slsa-lint', args: ['--fix'] },
  'lint-json': { setup: fixedWorkflow, bin: 'slsa-lint', args: ['--format', 'json'] },
  'verify-passed': { setup: provenanceDownloaded, bin: 'slsa-verify', args: VERIFY_ARGS('v13.0.30') },
  'verify-failed': { setup: provenanceDownloaded, bin: 'slsa-verify', args: VERIFY_ARGS('v13.0.31') },
};

// ---------------------------------------------------------------------------------------------
// Running.

class SetupError extends Error {}

/** Only PATH and NO_COLOR: no CI, colour or token settings leak into the bins from this shell. */
const binEnv = () => ({ PATH: process.env['PATH'] ?? '', NO_COLOR: '1' });

/** Runs a built bin in `cwd`; stdout and stderr share one file, so their order is the terminal's. */
function runBin(cwd, bin, args) {
  const capture = path.join(mkdtempSync(path.join(tmpdir(), 'readme-out-')), 'output');
  const fd = openSync(capture, 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(BIN_DIR, `${bin}.js`), ...args], { cwd, env: binEnv(), stdio: ['ignore', fd, fd], timeout: 60_000 });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      closeSync(fd);
      const output = readFileSync(capture, 'utf8');
      rmSync(path.dirname(capture), { recursive: true, force: true });
      if (code === null) reject(new SetupError(`${bin} ${args.join(' ')} was killed (${signal})`));
      else resolve({ output, code });
    });
  });
}

/** A hidden setup step: a bin run that must end with `expected`. */
async function step(cwd, bin, args, expected) {
  const r = await runBin(cwd, bin, args);
  if (r.code !== expected) throw new SetupError(`setup step \`${bin} ${args.join(' ')}\` exited ${r.code}, expected ${expected}:\n${r.output}`);
}

const quote = (arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/** Removes what differs from run to run: the temp directories (realpath too, for macOS' /private). */
function normalise(text, dirs) {
  let out = text;
  for (const dir of dirs) {
    out = out.split(`${dir}${path.sep}`).join('').split(dir).join('.');
  }
  return out;
}

/** Runs one block in a fresh temp directory; returns the fence as it belongs in the README. */
async function render(id) {
  const block = BLOCKS[id];
  const tmp = mkdtempSync(path.join(tmpdir(), `readme-${id}-`));
  try {
    const cwd = await block.setup(tmp);
    const shown = block.bin ? ['npx', block.bin, ...block.args].map(quote).join(' ') : block.shown;
    const r = block.bin ? await runBin(cwd, block.bin, block.args) : block.emulate(cwd);
    if (r.output.includes('\u001b')) throw new SetupError(`${id}: the output contains ANSI escapes despite NO_COLOR=1`);
    if (r.output.includes('```')) throw new SetupError(`${id}: the output contains \`\`\`, which would end the fence`);
    const dirs = [...new Set([cwd, realpathSync(cwd), tmp, realpathSync(tmp)])].sort((a, b) => b.length - a.length);
    let output = normalise(r.output, dirs);
    if (output !== '' && !output.endsWith('\n')) output += '\n';
    return `\`\`\`console\n$ ${shown}\n${output}(exit ${r.code})\n\`\`\`\n`;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The README side.

const BLOCK_RE = /<!-- readme-output: ([\w-]+) -->\n([\s\S]*?)<!-- \/readme-output -->/g;

/** The blocks of the README text, in order, with the line their opening marker is on. */
function findBlocks(text) {
  return [...text.matchAll(BLOCK_RE)].map((m) => ({
    id: m[1],
    body: m[2],
    start: m.index,
    end: m.index + m[0].length,
    line: text.slice(0, m.index).split('\n').length,
  }));
}

/** A unified diff of two texts (line LCS, 3 lines of context), or '' when they are equal. */
function unifiedDiff(a, b, fromLabel, toLabel) {
  if (a === b) return '';
  const x = a.split('\n');
  const y = b.split('\n');
  const lcs = Array.from({ length: x.length + 1 }, () => new Array(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) ops.push({ t: ' ', s: x[i++], a: i, b: ++j });
    else if (i < x.length && (j === y.length || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ t: '-', s: x[i++], a: i, b: j });
    else ops.push({ t: '+', s: y[j++], a: i, b: j });
  }
  const CONTEXT = 3;
  const keep = ops.map((op, k) => ops.slice(Math.max(0, k - CONTEXT), k + CONTEXT + 1).some((o) => o.t !== ' '));
  const out = [`--- ${fromLabel}`, `+++ ${toLabel}`];
  for (let k = 0; k < ops.length; k++) {
    if (!keep[k]) continue;
    if (k === 0 || !keep[k - 1]) out.push(`@@ line ${ops[k].t === '+' ? ops[k].a + 1 : ops[k].a} of the block @@`);
    out.push(`${ops[k].t}${ops[k].s}`);
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------

async function main(argv) {
  const unknown = argv.filter((a) => a !== '--write' && a !== '--check');
  if (unknown.length > 0) {
    console.error(`readme-outputs: unknown argument ${unknown[0]}\nusage: node tools/scripts/readme-outputs.mjs [--write | --check]`);
    return 2;
  }
  const write = argv.includes('--write');
  for (const bin of ['slsa-init', 'slsa-lint', 'slsa-verify']) {
    if (!existsSync(path.join(root, 'apps', 'cli', 'dist', `${bin}.js`))) {
      console.error(`readme-outputs: apps/cli/dist/${bin}.js is missing; build the CLI first (npx nx run cli:build, or npm run docs:readme)`);
      return 2;
    }
  }
  const text = readFileSync(README, 'utf8');
  const blocks = findBlocks(text);
  const problems = [];
  for (const b of blocks) if (!(b.id in BLOCKS)) problems.push(`README.md:${b.line}: unknown block id \`${b.id}\` (known: ${Object.keys(BLOCKS).join(', ')})`);
  const used = new Set(blocks.map((b) => b.id));
  for (const id of Object.keys(BLOCKS)) if (!used.has(id)) problems.push(`block \`${id}\` is defined here but not used in README.md; add \`<!-- readme-output: ${id} -->\` … or delete it`);
  const opened = (text.match(/<!-- readme-output:/g) ?? []).length;
  if (opened !== blocks.length) problems.push(`README.md has ${opened} \`<!-- readme-output: … -->\` markers but ${blocks.length} complete blocks; check the \`<!-- /readme-output -->\` markers`);
  if (problems.length > 0) {
    for (const p of problems) console.error(`readme-outputs: ${p}`);
    return 2;
  }

  let rendered;
  try {
    const ids = [...used];
    const fences = await Promise.all(ids.map((id) => render(id)));
    rendered = new Map(ids.map((id, k) => [id, fences[k]]));
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    console.error(`readme-outputs: ${error.message}`);
    return 2;
  }

  let next = '';
  let at = 0;
  const drifted = [];
  for (const b of blocks) {
    const fence = rendered.get(b.id);
    next += `${text.slice(at, b.start)}<!-- readme-output: ${b.id} -->\n${fence}<!-- /readme-output -->`;
    at = b.end;
    if (b.body !== fence) drifted.push({ block: b, fence });
  }
  next += text.slice(at);

  if (write) {
    if (next !== text) writeFileSync(README, next);
    console.log(`readme-outputs: ${drifted.length === 0 ? 'README.md is current' : `rewrote ${drifted.length} of ${blocks.length} blocks in README.md`} (${blocks.length} blocks)`);
    return 0;
  }
  if (drifted.length === 0) {
    console.log(`readme-outputs: README.md is current (${blocks.length} blocks)`);
    return 0;
  }
  for (const { block, fence } of drifted) {
    console.log(`readme-outputs: block \`${block.id}\` (README.md:${block.line}) differs from the command's output now:`);
    console.log(unifiedDiff(block.body, fence, `README.md (${block.id})`, `output now (${block.id})`));
  }
  console.log(`readme-outputs: ${drifted.length} of ${blocks.length} blocks drifted; run \`npm run docs:readme\` and review the change`);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
