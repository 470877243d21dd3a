import type { NodeFacts, ProjectSnapshot, WorkspacePackage } from '../facts.js';
import { matchesWorkspaceGlob } from './workspace-globs.js';
import { firstMeaningfulLine, isTable, parseJsonObject, stringField, tableAt, type Table } from './parse-data.js';
import { lowerBound } from './version-bound.js';

type PackageManager = NodeFacts['packageManager'];

/** Each lockfile and the package manager that writes it; the first present one decides. */
const LOCKFILES: ReadonlyArray<readonly [string, PackageManager]> = [
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
];

const MANAGERS: ReadonlySet<string> = new Set<PackageManager>(['npm', 'pnpm', 'yarn', 'bun']);

function isManager(value: string | undefined): value is PackageManager {
  return value !== undefined && MANAGERS.has(value);
}

/** package.json's `name`, scope kept (`@acme/x`), when it is a non-empty string. */
export function nodeName(snapshot: ProjectSnapshot): string | undefined {
  return stringField(parseJsonObject(snapshot.files.get('package.json')), 'name');
}

/** Corepack's `packageManager` (`pnpm@9.1.0`) wins, then the first lockfile, then npm. */
function packageManager(pkg: Table | undefined, files: ProjectSnapshot['files']): PackageManager {
  const declared = stringField(pkg, 'packageManager')?.split('@')[0];
  if (isManager(declared)) return declared;
  return LOCKFILES.find(([file]) => files.has(file))?.[1] ?? 'npm';
}

function workspaces(pkg: Table | undefined): string[] {
  const field = pkg?.['workspaces'];
  const globs = isTable(field) ? field['packages'] : field;
  return Array.isArray(globs) ? globs.filter((glob): glob is string => typeof glob === 'string') : [];
}

/** The workspace manifests the snapshot holds (`<dir>/package.json`), named and not. */
function workspacePackages(globs: readonly string[], files: ProjectSnapshot['files']): WorkspacePackage[] {
  const out: WorkspacePackage[] = [];
  for (const [file, text] of files) {
    const dir = file.slice(0, -'/package.json'.length);
    if (!file.endsWith('/package.json') || !globs.some((glob) => matchesWorkspaceGlob(glob, dir))) continue;
    const pkg = parseJsonObject(text);
    const name = stringField(pkg, 'name');
    if (name !== undefined) out.push({ dir, name, private: pkg?.['private'] === true });
  }
  return out.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

/**
 * `.nvmrc` / `.node-version` when it names a version, else `engines.node`'s lower bound; only
 * the major is kept, which is what setup-node resolves to the newest patch. Aliases such as
 * `lts/*` name no version, so `engines` decides.
 */
function nodeVersion(pkg: Table | undefined, files: ProjectSnapshot['files']): string | undefined {
  const pinned = firstMeaningfulLine(files.get('.nvmrc')) ?? firstMeaningfulLine(files.get('.node-version'));
  const exact = pinned === undefined ? undefined : /^v?(\d+)(?:\.|$)/.exec(pinned)?.[1];
  if (exact !== undefined) return exact;
  const range = stringField(tableAt(pkg, 'engines'), 'node');
  const bound = range === undefined ? undefined : lowerBound(range);
  return bound === undefined ? undefined : String(bound[0]);
}

/** Node facts, or `undefined` without a package.json. Malformed JSON counts as an empty manifest. */
export function detectNode(snapshot: ProjectSnapshot): NodeFacts | undefined {
  const text = snapshot.files.get('package.json');
  if (text === undefined) return undefined;
  const pkg = parseJsonObject(text);
  const manager = packageManager(pkg, snapshot.files);
  return {
    packageManager: manager,
    // The chosen manager's own lockfile: `npm ci` cannot use a pnpm-lock.yaml.
    hasLockfile: LOCKFILES.some(([file, owner]) => owner === manager && snapshot.files.has(file)),
    workspaces: workspaces(pkg),
    workspacePackages: workspacePackages(workspaces(pkg), snapshot.files),
    nodeVersion: nodeVersion(pkg, snapshot.files),
    private: pkg?.['private'] === true,
    hasBuildScript: typeof tableAt(pkg, 'scripts')?.['build'] === 'string',
  };
}
