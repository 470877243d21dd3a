import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedPinDatabase, parsePinDatabaseModule, renderPinDatabaseModule } from '@slsa-kit/core/pins';
import { doubleFixturesFromPinDatabase, fakeSha, fixturePath, startGitHubApiDouble, type GitHubApiDouble } from '@slsa-kit/core/testing';
import { DEFAULT_DATABASE, runPinsUpdate } from './pins-update.js';

// Dynamic, as Nx treats @slsa-kit/core as lazy-loaded in tools.

const TOKEN = 'ghp_pinsUpdateSecret000000000000000000000';
const NEW_SHA = fakeSha('setup-node v7.1.0');

let double: GitHubApiDouble;
let dir: string;
beforeAll(async () => {
  const { repos } = doubleFixturesFromPinDatabase(embeddedPinDatabase);
  const node = repos['actions/setup-node']!;
  double = await startGitHubApiDouble({
    repos: {
      ...repos,
      'actions/setup-node': {
        ...node,
        tags: { ...node.tags, 'v7.1.0': NEW_SHA, v7: NEW_SHA },
        releases: [{ tag: 'v7.1.0', publishedAt: '2026-11-20T00:00:00Z' }, ...(node.releases ?? [])],
      },
    },
  });
  dir = await mkdtemp(path.join(os.tmpdir(), 'pins-update-'));
});
afterAll(async () => {
  await double.close();
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const out: Run = { code: -1, stdout: '', stderr: '' };
  out.code = await runPinsUpdate(args, env, { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) });
  return out;
}

describe('npm run pins:update', () => {
  it('regenerates the database from the double deterministically: same answers, same bytes', async () => {
    const a = path.join(dir, 'a.ts');
    const b = path.join(dir, 'b.ts');
    await copyFile(DEFAULT_DATABASE, a);
    await copyFile(DEFAULT_DATABASE, b);
    const env = { GITHUB_API_URL: double.url, GH_TOKEN: TOKEN, SOURCE_DATE_EPOCH: '1796083200' };

    const first = await run(['--database', a, '--verbose'], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/repos\/actions\/attest\/releases\?per_page=100 → 200$/m);
    expect(first.stdout).toContain(`actions/setup-node@v7.1.0: added ${NEW_SHA}`);
    expect(first.stdout).toContain('actions/upload-artifact@v7.0.1: verified 043fb46d1a93c77aae656e7c1c64a875d1fc6a0a');
    expect(first.stdout).toContain(`wrote ${a}`);
    const once = await readFile(a);

    // The same run on another copy, and a second run over its own output on a later day.
    expect((await run(['--database', b], env)).code).toBe(0);
    expect(await readFile(b)).toEqual(once);
    const again = await run(['--database', a], { ...env, SOURCE_DATE_EPOCH: '1798761600' });
    expect(again).toMatchObject({ code: 0, stdout: `unchanged: ${a}\n` });
    expect(await readFile(a)).toEqual(once);

    const db = parsePinDatabaseModule(once.toString('utf8'));
    expect(db.actions['actions/setup-node']!.movingTags['v7']).toMatchObject({ sha: NEW_SHA, recordedAt: '2026-12-01' });
    expect(db.origin.seed).toBe(embeddedPinDatabase.origin.seed);
    expect(renderPinDatabaseModule(db)).toBe(once.toString('utf8'));

    expect(double.requests.some((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    for (const r of [first, again]) expect(r.stdout + r.stderr).not.toContain(TOKEN);
    expect(once.toString('utf8')).not.toContain(TOKEN);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('seeds from the fixture offline, recording that origin, deterministically', async () => {
    const a = path.join(dir, 'seed-a.ts');
    const b = path.join(dir, 'seed-b.ts');
    expect((await run(['--seed', fixturePath('action-pins.json'), '--database', a], {})).code).toBe(0);
    expect((await run(['--seed', fixturePath('action-pins.json'), '--database', b], {})).code).toBe(0);
    const seeded = await readFile(a, 'utf8');
    expect(await readFile(b, 'utf8')).toBe(seeded);
    expect(parsePinDatabaseModule(seeded).origin.seed).toBe('seeded from shared/fixtures/action-pins.json, generated 2026-11-26');
    // Until the first online refresh, the shipped database is exactly the seed.
    if (embeddedPinDatabase.origin.updatedAt === null) expect(seeded).toBe(await readFile(DEFAULT_DATABASE, 'utf8'));
  });

  it('exits 4 with a coded message and leaves the file alone when GitHub cannot be reached', async () => {
    const file = path.join(dir, 'offline.ts');
    await copyFile(DEFAULT_DATABASE, file);
    const before = await readFile(file);
    double.inject({ path: /\/releases$/, drop: true, times: Infinity });
    try {
      const r = await run(['--database', file], { GITHUB_API_URL: double.url, GITHUB_TOKEN: TOKEN });
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/^pins:update: GitHub cannot be reached/m);
      expect(r.stderr).not.toContain(TOKEN);
    } finally {
      double.clearFaults();
    }
    expect(await readFile(file)).toEqual(before);
  }, 60_000);

  it('exits 2 on a usage error and 4 on a broken database file', async () => {
    expect((await run(['--bogus'], {})).code).toBe(2);
    expect((await run(['--newest', 'x'], {})).code).toBe(2);
    const broken = path.join(dir, 'broken.ts');
    await writeFile(broken, 'export const nothing = 1;\n');
    expect((await run(['--database', broken], { GITHUB_API_URL: double.url })).code).toBe(4);
  });
});
