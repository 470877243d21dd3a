import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caughtSync } from '../testing/error-code.js';
import { pinDatabase } from './data/pin-database.js';
import { canonicalPinDatabase, parsePinDatabaseModule, renderPinDatabaseModule, validatePinDatabase, type PinDatabase } from './database.js';

const moduleText = readFileSync(fileURLToPath(new URL('./data/pin-database.ts', import.meta.url)), 'utf8');

describe('the embedded pin database', () => {
  it('is valid and records where it came from', () => {
    expect(validatePinDatabase(pinDatabase)).toBe(pinDatabase);
    expect(pinDatabase.origin.seed).toBe('seeded from shared/fixtures/action-pins.json, generated 2026-11-26');
  });

  it('is stored in canonical form: rendering it gives the file byte for byte', () => {
    expect(renderPinDatabaseModule(pinDatabase)).toBe(moduleText);
    expect(moduleText.endsWith('};\n')).toBe(true);
  });

  it('reads back from the module text', () => {
    expect(parsePinDatabaseModule(moduleText)).toEqual(pinDatabase);
  });
});

describe('canonical form', () => {
  it('sorts keys and orders releases newest first by semver whatever the input order', () => {
    const action = pinDatabase.actions['actions/checkout']!;
    const shuffled: PinDatabase = {
      origin: pinDatabase.origin,
      actions: { 'actions/checkout': { referenceByTag: false, movingTags: action.movingTags, releases: [...action.releases].reverse() } },
      schemaVersion: 1,
    };
    const canonical = canonicalPinDatabase(shuffled);
    expect(Object.keys(canonical)).toEqual(['actions', 'origin', 'schemaVersion']);
    expect(canonical.actions['actions/checkout']!.releases.map((r) => r.tag)).toEqual(['v7.0.1', 'v7.0.0', 'v6.1.0', 'v6.0.3']);
    expect(renderPinDatabaseModule(shuffled)).toBe(renderPinDatabaseModule(canonical));
  });
});

describe('validation', () => {
  it('collects every problem before failing with PIN_DATABASE_INVALID', () => {
    const bad = {
      schemaVersion: 2,
      origin: { seed: 'x', updatedBy: null, updatedAt: 'yesterday' },
      actions: {
        'Actions/Checkout': {
          releases: [{ tag: 'v7', sha: 'abc', recordedAt: '2026-11-26', source: 's', verified: 'yes', tagType: 'weird', date: null }],
          movingTags: { 'v7.0.1': { sha: 'f'.repeat(40), recordedAt: '2026-11-26', source: 's', verified: true } },
          referenceByTag: false,
        },
      },
    };
    const e = caughtSync(() => validatePinDatabase(bad));
    expect(e.code).toBe('PIN_DATABASE_INVALID');
    const lines = e.message.split('\n').slice(1);
    expect(lines.length).toBeGreaterThanOrEqual(8);
  });

  it('rejects a module without the declaration or with broken JSON', () => {
    expect(caughtSync(() => parsePinDatabaseModule('export const x = 1;\n')).code).toBe('PIN_DATABASE_INVALID');
    expect(caughtSync(() => parsePinDatabaseModule('export const pinDatabase: PinDatabase = {oops};\n')).code).toBe('PIN_DATABASE_INVALID');
  });
});
