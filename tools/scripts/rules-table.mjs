#!/usr/bin/env node
/**
 * Writes the README's rules table from the rules' meta (root script `npm run docs:rules`), between
 * `<!-- rules:start -->` and `<!-- rules:end -->`. With `--check` it writes nothing and exits 1 when
 * the README is stale (tools/src/rules-table.test.ts runs it so).
 *
 * It reads the built linter (`packages/linter/dist`), so build first. The import is by file URL:
 * tools' own code may not depend on @slsa-kit/linter (module boundaries), and this script is a
 * docs generator run beside the build, not a module of tools.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';
const check = process.argv.includes('--check');
const readme = path.join(root, 'README.md');
const linter = path.join(root, 'packages', 'linter', 'dist', 'index.js');

if (!existsSync(linter)) {
  console.error(`rules-table: ${path.relative(root, linter)} is missing; build the linter first (npx nx run linter:build)`);
  process.exit(2);
}
const { builtinRules } = await import(pathToFileURL(linter).href);

const yesNo = (b) => (b ? 'yes' : '');
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const docsLink = (url) => {
  // Links into this repository are written relative, so they work on forks and offline clones.
  const local = /\/blob\/[^/]+\/(packages\/linter\/docs\/rules\/[^/]+\.md)$/.exec(url);
  return `[docs](${local ? local[1] : url})`;
};
const rows = builtinRules.map(
  (r) => `| \`${r.meta.id}\` | ${r.meta.defaultSeverity} | ${yesNo(r.meta.fixable)} | ${yesNo(r.meta.requiresNetwork)} | ${cell(r.meta.description)} | ${docsLink(r.meta.docsUrl)} |`,
);
const table = [
  '<!-- Generated from the rules\' meta by `npm run docs:rules`; do not edit by hand. -->',
  '',
  '| rule | default severity | fixable | needs network | description | |',
  '|---|---|---|---|---|---|',
  ...rows,
].join('\n');

const text = readFileSync(readme, 'utf8');
const start = text.indexOf(START);
const end = text.indexOf(END);
if (start < 0 || end < start) {
  console.error(`rules-table: README.md has no ${START} … ${END} markers`);
  process.exit(2);
}
const next = `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`;
if (check) {
  if (next !== text) {
    console.error('rules-table: the README rules table is stale; run `npm run docs:rules`');
    process.exit(1);
  }
  console.log(`rules-table: README.md is current (${rows.length} rules)`);
} else {
  writeFileSync(readme, next);
  console.log(`rules-table: wrote ${rows.length} rules to README.md`);
}
