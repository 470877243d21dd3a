import type { PinDatabase, PinDatabaseAction, PinRecord, PinReleaseRecord } from '@slsa-kit/core/pins';

/** The fixture's shape (`shared/fixtures/action-pins.json`), as far as the seed reads it. */
interface FixtureEntry {
  readonly tag: string;
  readonly sha: string;
  readonly date: string | null;
  readonly tag_type: 'lightweight' | 'annotated' | null;
  readonly tag_object_sha?: string;
  readonly source: string;
  readonly verified: boolean;
  readonly note?: string;
}

interface FixtureMeta {
  readonly generated: string;
  readonly snapshots?: Readonly<Record<string, { readonly mirror_head_date?: string }>>;
  readonly floating_major_tags_at_snapshot?: Readonly<Record<string, string>>;
}

/**
 * Builds the first pin database from the fixture: its release tags with peeled SHAs (keeping each
 * `verified` flag and source), its moving major tags as seen at the snapshot, and the origin
 * "seeded from shared/fixtures/action-pins.json, generated <date>". No network. The caller
 * validates it (`renderPinDatabaseModule` does, and writes it in canonical form).
 */
export function seedPinDatabase(fixture: unknown, fixtureName = 'shared/fixtures/action-pins.json'): PinDatabase {
  const { _meta: meta, ...byAction } = fixture as { _meta: FixtureMeta } & Record<string, FixtureEntry[]>;
  const generated = /^\d{4}-\d{2}-\d{2}/.exec(meta.generated)?.[0];
  if (!generated) throw new Error(`${fixtureName}: _meta.generated does not start with a YYYY-MM-DD date`);

  const actions: Record<string, PinDatabaseAction> = {};
  for (const [name, entries] of Object.entries(byAction)) {
    const releases: PinReleaseRecord[] = entries.map((e) => ({
      tag: e.tag,
      sha: e.sha,
      tagType: e.tag_type,
      ...(e.tag_object_sha ? { tagObjectSha: e.tag_object_sha } : {}),
      date: e.date,
      recordedAt: generated,
      source: `seed: ${e.source}`,
      verified: e.verified,
    }));
    const movingTags: Record<string, PinRecord> = {};
    for (const [ref, sha] of Object.entries(meta.floating_major_tags_at_snapshot ?? {})) {
      const [action, tag] = ref.split('@') as [string, string];
      if (action !== name) continue;
      const seen = meta.snapshots?.[action]?.mirror_head_date?.slice(0, 10);
      movingTags[tag] = {
        sha,
        recordedAt: generated,
        source: `seed: moving tag in git snapshot${seen ? ` (mirror head ${seen})` : ''}`,
        verified: true,
      };
    }
    actions[name.toLowerCase()] = {
      releases,
      movingTags,
      referenceByTag: entries.some((e) => /reference by TAG/i.test(e.note ?? '')),
    };
  }
  return {
    schemaVersion: 1,
    origin: { seed: `seeded from ${fixtureName}, generated ${generated}`, updatedBy: null, updatedAt: null },
    actions,
  };
}
