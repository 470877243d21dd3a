import { describe, expect, it } from 'vitest';
import type { NodeFacts, ProjectSnapshot } from '../facts.js';
import { detectNode, nodeName } from './detect-node.js';

function snapshot(files: Record<string, string>): ProjectSnapshot {
  return { dirName: 'dir', files: new Map(Object.entries(files)) };
}

const BARE: NodeFacts = { packageManager: 'npm', hasLockfile: false, workspaces: [], workspacePackages: [], nodeVersion: undefined, private: false, hasBuildScript: false };

describe('detectNode', () => {
  it('is undefined without package.json', () => {
    expect(detectNode(snapshot({ 'package-lock.json': '', '.nvmrc': '20' }))).toBeUndefined();
  });

  it.each<[string, Record<string, string>, Partial<NodeFacts>]>([
    ['an empty manifest', { 'package.json': '{}' }, {}],
    ['malformed JSON', { 'package.json': '{"name": "x", ', 'pnpm-lock.yaml': '' }, { packageManager: 'pnpm', hasLockfile: true }],
    ['a manifest that is not an object', { 'package.json': '[]' }, {}],
    ['packageManager field', { 'package.json': '{"packageManager": "pnpm@9.1.0"}' }, { packageManager: 'pnpm' }],
    ['packageManager with a hash', { 'package.json': '{"packageManager": "yarn@4.1.0+sha512.abc"}', 'yarn.lock': '' }, { packageManager: 'yarn', hasLockfile: true }],
    ['packageManager beats the lockfile', { 'package.json': '{"packageManager": "pnpm@9.1.0"}', 'package-lock.json': '' }, { packageManager: 'pnpm', hasLockfile: false }],
    ['unknown packageManager falls back to the lockfile', { 'package.json': '{"packageManager": "deno@2"}', 'yarn.lock': '' }, { packageManager: 'yarn', hasLockfile: true }],
    ['package-lock.json', { 'package.json': '{}', 'package-lock.json': '' }, { hasLockfile: true }],
    ['npm-shrinkwrap.json', { 'package.json': '{}', 'npm-shrinkwrap.json': '' }, { hasLockfile: true }],
    ['pnpm-lock.yaml', { 'package.json': '{}', 'pnpm-lock.yaml': '' }, { packageManager: 'pnpm', hasLockfile: true }],
    ['yarn.lock', { 'package.json': '{}', 'yarn.lock': '' }, { packageManager: 'yarn', hasLockfile: true }],
    ['bun.lock', { 'package.json': '{}', 'bun.lock': '' }, { packageManager: 'bun', hasLockfile: true }],
    ['bun.lockb', { 'package.json': '{}', 'bun.lockb': '' }, { packageManager: 'bun', hasLockfile: true }],
    ['workspaces array', { 'package.json': '{"workspaces": ["packages/*", 3, "apps/*"]}' }, { workspaces: ['packages/*', 'apps/*'] }],
    ['workspaces object', { 'package.json': '{"workspaces": {"packages": ["libs/*"], "nohoist": ["x"]}}' }, { workspaces: ['libs/*'] }],
    ['workspaces of the wrong type', { 'package.json': '{"workspaces": "packages/*"}' }, {}],
    ['.nvmrc with v and patch', { 'package.json': '{}', '.nvmrc': 'v20.11.1\n' }, { nodeVersion: '20' }],
    ['.nvmrc major only', { 'package.json': '{}', '.nvmrc': '22' }, { nodeVersion: '22' }],
    ['.nvmrc alias', { 'package.json': '{}', '.nvmrc': 'lts/*\n' }, {}],
    ['.nvmrc alias falls back to engines', { 'package.json': '{"engines": {"node": ">=18"}}', '.nvmrc': 'lts/iron' }, { nodeVersion: '18' }],
    ['.nvmrc beats .node-version and engines', { 'package.json': '{"engines": {"node": ">=18"}}', '.nvmrc': '21', '.node-version': '19' }, { nodeVersion: '21' }],
    ['.node-version', { 'package.json': '{}', '.node-version': '18.20.0' }, { nodeVersion: '18' }],
    ['engines lower bound', { 'package.json': '{"engines": {"node": ">=20.19"}}' }, { nodeVersion: '20' }],
    ['engines alternatives', { 'package.json': '{"engines": {"node": "^18 || >=20"}}' }, { nodeVersion: '18' }],
    ['engines without a lower bound', { 'package.json': '{"engines": {"node": "*"}}' }, {}],
    ['private and build script', { 'package.json': '{"private": true, "scripts": {"build": "tsc"}}' }, { private: true, hasBuildScript: true }],
    ['private must be true, build a string', { 'package.json': '{"private": "true", "scripts": {"test": "x", "build": null}}' }, {}],
  ])('%s', (_name, files, expected) => {
    expect(detectNode(snapshot(files))).toEqual({ ...BARE, ...expected });
  });
});

describe('nodeName', () => {
  it.each([
    ['{"name": "@acme/widget"}', '@acme/widget'],
    ['{"name": "plain"}', 'plain'],
    ['{"name": ""}', undefined],
    ['{"name": ', undefined],
  ])('%s → %j', (text, expected) => {
    expect(nodeName(snapshot({ 'package.json': text }))).toBe(expected);
  });
});

describe('workspace packages', () => {
  it('lists the packages that `dir/*` and plain-directory globs name, with their privacy', () => {
    const facts = detectNode(
      snapshot({
        'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*', 'tools', 'docs/**'] }),
        'packages/core/package.json': JSON.stringify({ name: '@acme/core' }),
        'packages/cli/package.json': JSON.stringify({ name: '@acme/cli', private: false }),
        'packages/deep/x/package.json': JSON.stringify({ name: 'deep' }),
        'tools/package.json': JSON.stringify({ name: 'tools', private: true }),
        'docs/a/package.json': JSON.stringify({ name: 'docs' }),
        'other/package.json': JSON.stringify({ name: 'other' }),
      }),
    );
    expect(facts?.workspacePackages).toEqual([
      { dir: 'packages/cli', name: '@acme/cli', private: false },
      { dir: 'packages/core', name: '@acme/core', private: false },
      { dir: 'tools', name: 'tools', private: true },
    ]);
  });
});
