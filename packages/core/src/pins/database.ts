import { pinError } from './codes.js';
import { compareVersionsDescending, isFullVersionTag, parseVersionTag } from './version-tags.js';

/** One recorded tag → commit mapping. */
export interface PinRecord {
  /** The peeled commit SHA. */
  readonly sha: string;
  /** When the mapping was recorded, `YYYY-MM-DD`. */
  readonly recordedAt: string;
  /** Where it was learned (free text for seeded entries, `github-api` once checked online). */
  readonly source: string;
  /** False when taken from a secondary source and not yet checked against the repository. */
  readonly verified: boolean;
}

/** A release tag (`vX.Y.Z`) and its peeled commit. */
export interface PinReleaseRecord extends PinRecord {
  readonly tag: string;
  readonly tagType: 'lightweight' | 'annotated' | null;
  /** The tag object of an annotated tag. */
  readonly tagObjectSha?: string;
  /** Tagger date (annotated) or commit date (lightweight), when known. */
  readonly date: string | null;
  readonly prerelease?: boolean;
}

/** Everything recorded for one `owner/repo`. */
export interface PinDatabaseAction {
  /** Release tags, newest first by semver. */
  readonly releases: readonly PinReleaseRecord[];
  /** Moving major tags (`v7` → the commit of the newest `v7.x.y` when it was recorded). */
  readonly movingTags: Readonly<Record<string, PinRecord>>;
  /** Referenced by a full `@vX.Y.Z` tag, never by SHA (the slsa-github-generator's workflows). */
  readonly referenceByTag: boolean;
}

/** The pin database shipped in the package (`data/pin-database.ts`). */
export interface PinDatabase {
  readonly schemaVersion: 1;
  readonly origin: {
    /** Where the first content came from. */
    readonly seed: string;
    /** What last refreshed it online, or `null` while it is the seed. */
    readonly updatedBy: string | null;
    /** `YYYY-MM-DD` of the last online refresh that changed something, or `null`. */
    readonly updatedAt: string | null;
  };
  /** Keyed by lowercase `owner/repo`. */
  readonly actions: Readonly<Record<string, PinDatabaseAction>>;
}

const SHA = /^[0-9a-f]{40}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTION_KEY = /^[a-z0-9][a-z0-9-]*\/[a-z0-9._-]+$/;

type Problems = string[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkRecord(v: unknown, at: string, problems: Problems): void {
  if (!isObject(v)) {
    problems.push(`${at}: expected an object`);
    return;
  }
  if (typeof v['sha'] !== 'string' || !SHA.test(v['sha'])) problems.push(`${at}.sha: expected 40 lowercase hex digits`);
  if (typeof v['recordedAt'] !== 'string' || !DAY.test(v['recordedAt'])) problems.push(`${at}.recordedAt: expected YYYY-MM-DD`);
  if (typeof v['source'] !== 'string') problems.push(`${at}.source: expected a string`);
  if (typeof v['verified'] !== 'boolean') problems.push(`${at}.verified: expected a boolean`);
}

function checkRelease(v: unknown, at: string, problems: Problems): void {
  checkRecord(v, at, problems);
  if (!isObject(v)) return;
  if (typeof v['tag'] !== 'string' || !isFullVersionTag(v['tag'])) problems.push(`${at}.tag: expected a vX.Y.Z tag`);
  if (!['lightweight', 'annotated', null].includes(v['tagType'] as string | null)) {
    problems.push(`${at}.tagType: expected "lightweight", "annotated" or null`);
  }
  if (v['tagObjectSha'] !== undefined && (typeof v['tagObjectSha'] !== 'string' || !SHA.test(v['tagObjectSha']))) {
    problems.push(`${at}.tagObjectSha: expected 40 lowercase hex digits`);
  }
  if (v['date'] !== null && typeof v['date'] !== 'string') problems.push(`${at}.date: expected a string or null`);
  if (v['prerelease'] !== undefined && typeof v['prerelease'] !== 'boolean') problems.push(`${at}.prerelease: expected a boolean`);
}

function checkAction(v: unknown, at: string, problems: Problems): void {
  if (!isObject(v)) {
    problems.push(`${at}: expected an object`);
    return;
  }
  if (!Array.isArray(v['releases'])) problems.push(`${at}.releases: expected an array`);
  else v['releases'].forEach((r, i) => checkRelease(r, `${at}.releases[${i}]`, problems));
  if (!isObject(v['movingTags'])) problems.push(`${at}.movingTags: expected an object`);
  else {
    for (const [tag, r] of Object.entries(v['movingTags'])) {
      const parsed = parseVersionTag(tag);
      if (!parsed || parsed.numbers.length === 3) problems.push(`${at}.movingTags.${tag}: expected a major or minor tag such as v7`);
      checkRecord(r, `${at}.movingTags.${tag}`, problems);
    }
  }
  if (typeof v['referenceByTag'] !== 'boolean') problems.push(`${at}.referenceByTag: expected a boolean`);
}

/**
 * Checks that `value` is a {@link PinDatabase}, collecting every problem before failing with
 * `PIN_DATABASE_INVALID`.
 */
export function validatePinDatabase(value: unknown): PinDatabase {
  const problems: Problems = [];
  if (!isObject(value)) problems.push('the database: expected an object');
  else {
    if (value['schemaVersion'] !== 1) problems.push('schemaVersion: expected 1');
    const origin = value['origin'];
    if (!isObject(origin) || typeof origin['seed'] !== 'string') problems.push('origin.seed: expected a string');
    else {
      if (origin['updatedBy'] !== null && typeof origin['updatedBy'] !== 'string') problems.push('origin.updatedBy: expected a string or null');
      if (origin['updatedAt'] !== null && !(typeof origin['updatedAt'] === 'string' && DAY.test(origin['updatedAt']))) {
        problems.push('origin.updatedAt: expected YYYY-MM-DD or null');
      }
    }
    if (!isObject(value['actions'])) problems.push('actions: expected an object');
    else {
      for (const [key, action] of Object.entries(value['actions'])) {
        if (!ACTION_KEY.test(key)) problems.push(`actions.${key}: expected a lowercase owner/repo key`);
        checkAction(action, `actions.${key}`, problems);
      }
    }
  }
  if (problems.length > 0) {
    throw pinError('PIN_DATABASE_INVALID', `the pin database is malformed:\n  ${problems.join('\n  ')}`);
  }
  return value as unknown as PinDatabase;
}

/** A copy with keys sorted at every level and releases newest first: the one canonical form. */
export function canonicalPinDatabase(db: PinDatabase): PinDatabase {
  const actions: Record<string, PinDatabaseAction> = {};
  for (const key of Object.keys(db.actions).sort()) {
    const a = db.actions[key]!;
    actions[key] = { ...a, releases: [...a.releases].sort((x, y) => compareVersionsDescending(x.tag, y.tag)) };
  }
  return sortKeys({ ...db, actions }) as PinDatabase;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (value[key] !== undefined) out[key] = sortKeys(value[key]);
  }
  return out;
}

const MODULE_HEADER = [
  '// Generated by tools/src/pins-update.ts (`npm run pins:update`); do not edit by hand.',
  '// The JSON below is canonical: keys sorted, releases newest first by semver, two-space indent.',
  "import type { PinDatabase } from '../database.js';",
  '',
  '/** The pin database shipped in @slsa-kit/core (see `origin` for where it came from). */',
];
const DECLARATION = 'export const pinDatabase: PinDatabase = ';

/** Renders the `data/pin-database.ts` module: deterministic, byte for byte, for equal content. */
export function renderPinDatabaseModule(db: PinDatabase): string {
  const json = JSON.stringify(canonicalPinDatabase(validatePinDatabase(db)), null, 2);
  return `${MODULE_HEADER.join('\n')}\n${DECLARATION}${json};\n`;
}

/** Reads the database back out of a `data/pin-database.ts` module's text. */
export function parsePinDatabaseModule(text: string): PinDatabase {
  const start = text.indexOf(DECLARATION);
  const end = text.lastIndexOf(';');
  if (start === -1 || end < start) {
    throw pinError('PIN_DATABASE_INVALID', 'not a pin database module: the `export const pinDatabase` declaration is missing');
  }
  let value: unknown;
  try {
    value = JSON.parse(text.slice(start + DECLARATION.length, end));
  } catch (e) {
    throw pinError('PIN_DATABASE_INVALID', 'the pin database module does not hold canonical JSON; regenerate it with `npm run pins:update`', e);
  }
  return validatePinDatabase(value);
}
