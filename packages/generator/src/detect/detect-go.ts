import { posix } from 'node:path';
import type { GoFacts, ProjectSnapshot } from '../facts.js';

// Whitespace and comments (build constraints are `//go:build` comments) that may precede the
// package clause; the clause must come first after them, so nothing else is skipped.
const PREAMBLE = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/;
const PACKAGE_CLAUSE = /^package\s+([\p{L}_][\p{L}\p{N}_]*)/u;
const GORELEASER_FILES = ['.goreleaser.yml', '.goreleaser.yaml'] as const;

/** The package name a Go source declares, or `undefined` when its head has no package clause. */
export function goPackageName(source: string): string | undefined {
  const text = source.replace(/^\uFEFF/, '');
  return PACKAGE_CLAUSE.exec(text.slice(PREAMBLE.exec(text)![0].length))?.[1];
}

/** Strips a trailing `// comment` and the quotes of a go.mod argument. */
function argument(rest: string): string {
  return rest.replace(/\/\/.*$/, '').trim().replace(/^"(.*)"$/, '$1');
}

function directive(goMod: string, keyword: string): string | undefined {
  for (const line of goMod.split(/\r?\n/)) {
    const match = new RegExp(`^\\s*${keyword}\\s+(.+)$`).exec(line);
    const value = match ? argument(match[1]!) : '';
    if (value !== '') return value;
  }
  return undefined;
}

/** The module's last path element, skipping a major-version suffix: `example.com/tool/v2` → `tool`. */
export function goName(snapshot: ProjectSnapshot): string | undefined {
  const module = goModule(snapshot);
  const parts = module?.split('/').filter((part) => part !== '') ?? [];
  if (parts.length > 1 && /^v\d+$/.test(parts.at(-1)!)) parts.pop();
  return parts.at(-1);
}

function goModule(snapshot: ProjectSnapshot): string | undefined {
  const goMod = snapshot.files.get('go.mod');
  return goMod === undefined ? undefined : directive(goMod, 'module');
}

/** Directories holding a `package main` source (`.` for the root), sorted and unique. */
function mainPackages(files: ProjectSnapshot['files']): string[] {
  const dirs = new Set<string>();
  for (const [file, text] of files) {
    if (file.endsWith('.go') && !file.endsWith('_test.go') && goPackageName(text) === 'main') dirs.add(posix.dirname(file));
  }
  return [...dirs].sort();
}

/** Go facts, or `undefined` without a go.mod. A go.mod with no `module` line gives an empty module. */
export function detectGo(snapshot: ProjectSnapshot): GoFacts | undefined {
  const goMod = snapshot.files.get('go.mod');
  if (goMod === undefined) return undefined;
  return {
    module: goModule(snapshot) ?? '',
    goVersion: directive(goMod, 'go'),
    mainPackages: mainPackages(snapshot.files),
    goreleaserConfig: GORELEASER_FILES.find((file) => snapshot.files.has(file)),
  };
}
