import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caught } from '../testing/error-code.js';
import { fixturePath } from '../testing/fixtures.js';
import { pinErrorExitCode } from './codes.js';
import { pinDatabase } from './data/pin-database.js';
import { OfflinePinResolver } from './offline-resolver.js';
import { PinService } from './pin-service.js';

interface FixtureEntry {
  tag: string;
  sha: string;
}
const fixture = JSON.parse(readFileSync(fixturePath('action-pins.json'), 'utf8')) as {
  _meta: { floating_major_tags_at_snapshot: Record<string, string> };
} & Record<string, FixtureEntry[]>;
const { _meta: meta, ...byAction } = fixture;
const entries = Object.entries(byAction).flatMap(([action, list]) => list.map((e) => ({ action, ...e })));

const service = new PinService(new OfflinePinResolver(pinDatabase));

describe('offline pins (the embedded database)', () => {
  it('covers every action of the fixture', () => {
    expect(Object.keys(pinDatabase.actions).sort()).toEqual(Object.keys(byAction).sort());
    expect(entries.length).toBeGreaterThan(30);
  });

  it.each(entries)('$action@$tag resolves to its recorded SHA', async ({ action, tag, sha }) => {
    const pin = await service.pin(action, tag);
    expect(pin).toMatchObject({ sha, tag, refKind: 'tag', source: 'embedded', recordedAt: '2026-11-26' });
  });

  it.each(Object.entries(meta.floating_major_tags_at_snapshot))('moving tag %s resolves to %s', async (ref, sha) => {
    const [action, tag] = ref.split('@') as [string, string];
    const pin = await service.pin(action, tag);
    expect(pin.sha).toBe(sha);
    expect(pin.tag).toMatch(new RegExp(`^${tag}\\.\\d+\\.\\d+$`));
  });

  it('writes @v7 as the SHA with the most specific tag', async () => {
    expect(await service.pin('actions/checkout', 'v7')).toMatchObject({ sha: '3d3c42e5aac5ba805825da76410c181273ba90b1', tag: 'v7.0.1', ref: 'v7' });
  });

  it('resolves a major line with no recorded moving tag through its newest recorded release', async () => {
    expect(await service.pin('actions/checkout', 'v6')).toMatchObject({ tag: 'v6.1.0', sha: 'd23441a48e516b6c34aea4fa41551a30e30af803', ref: 'v6.1.0' });
  });

  it('pins the latest stable release by semver when no version is given', async () => {
    expect(await service.pin('actions/checkout')).toMatchObject({ tag: 'v7.0.1' });
    expect(await service.pin('slsa-framework/slsa-github-generator')).toMatchObject({ tag: 'v2.1.0', referenceByTag: true });
  });

  it('keeps the verified flag of secondary-source entries', async () => {
    expect(await service.pin('actions/upload-artifact', 'v7.0.1')).toMatchObject({ verified: false });
    expect(await service.pin('actions/upload-artifact', 'v7.0.0')).toMatchObject({ verified: true });
  });

  it('names the version tag of a recorded SHA, and matches case-insensitively', async () => {
    expect(await service.pin('Actions/Checkout', 'df4cb1c069e1874edd31b4311f1884172cec0e10')).toMatchObject({ tag: 'v6.0.3', refKind: 'commit' });
  });

  it('fails for an unknown action with PIN_UNKNOWN_ACTION, naming --online (exit 4)', async () => {
    const e = await caught(() => service.pin('someone/unknown-action', 'v1'));
    expect(e.code).toBe('PIN_UNKNOWN_ACTION');
    expect(e.message).toContain('--online');
    expect(pinErrorExitCode(e)).toBe(4);
  });

  it('fails for an unknown ref with PIN_UNKNOWN_REF, naming --online', async () => {
    const e = await caught(() => service.pin('actions/checkout', 'v99'));
    expect(e.code).toBe('PIN_UNKNOWN_REF');
    expect(e.message).toContain('--online');
  });

  it('cannot run the impostor check on an unknown SHA offline', async () => {
    expect(await service.checkCommit('actions/checkout', '3d3c42e5aac5ba805825da76410c181273ba90b1')).toEqual({
      reachable: true,
      via: { kind: 'tag', name: 'v7.0.1' },
    });
    expect((await caught(() => service.checkCommit('actions/checkout', 'f'.repeat(40)))).code).toBe('PIN_OFFLINE_UNVERIFIABLE');
  });

  it('rejects what is not an action', async () => {
    for (const bad of ['./local', 'docker://alpine', 'checkout', 'actions/checkout@v4']) {
      expect((await caught(() => service.pin(bad))).code).toBe('PIN_INVALID_ACTION');
    }
  });
});
