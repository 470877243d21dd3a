import { createHash } from 'node:crypto';
import { createLegacyTestKit, type LegacyEnvelopeJson, type RekorDoubleEntry } from './rekor-double-kit.js';

/** The artifact every scenario's provenance names (its sha256 is the subject digest). */
export const LEGACY_ARTIFACT = 'slsa-kit legacy envelope test artifact\n';

/** The legacy-envelope scenarios served by one Rekor double. */
export type LegacyScenarioName =
  /** Logged as intoto 0.0.2: verifies. */
  | 'pass'
  /** Logged as dsse 0.0.1: verifies. */
  | 'pass-dsse'
  /** The log records another signature over the same payload. */
  | 'body-mismatch'
  /** The entry's SET is signed by a key the trusted root does not know. */
  | 'wrong-set'
  /** The index answers with the entry of another artifact's provenance. */
  | 'other-artifact'
  /** Never logged. */
  | 'no-entry';

/** Everything a test (or the e2e double process) needs: trusted root, envelopes, entries. */
export interface LegacyScenarios {
  readonly trustedRoot: Record<string, unknown>;
  readonly envelopes: Readonly<Record<LegacyScenarioName, LegacyEnvelopeJson>>;
  readonly entries: readonly RekorDoubleEntry[];
  readonly index: Readonly<Record<string, readonly string[]>>;
  /** sha256 of {@link LEGACY_ARTIFACT}, hex. */
  readonly artifactSha256: string;
  readonly sourceUri: string;
  readonly sourceTag: string;
}

/**
 * Makes fresh test keys and one envelope per scenario, all naming {@link LEGACY_ARTIFACT}
 * (the subject name differs, so each has its own payload and log entry).
 */
export async function legacyScenarios(): Promise<LegacyScenarios> {
  const kit = await createLegacyTestKit();
  const artifactSha256 = createHash('sha256').update(LEGACY_ARTIFACT).digest('hex');
  const statementFor = (name: string, digest = artifactSha256) => ({ ...kit.statement, subject: [{ name, digest: { sha256: digest } }] });
  const names: LegacyScenarioName[] = ['pass', 'pass-dsse', 'body-mismatch', 'wrong-set', 'other-artifact', 'no-entry'];
  const signed = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await kit.sign(statementFor(`artifact-${n}`))] as const)));
  const other = await kit.sign(statementFor('another-artifact', createHash('sha256').update('another artifact').digest('hex')));
  const otherEntry = await kit.logEntry(other);
  const entries = [
    await kit.logEntry(signed['pass']!),
    await kit.logEntry(signed['pass-dsse']!, { kind: 'dsse' }),
    await kit.logEntry(signed['body-mismatch']!, { tamper: 'signature' }),
    await kit.logEntry(signed['wrong-set']!, { tamper: 'set' }),
    otherEntry,
  ];
  return {
    trustedRoot: kit.trustedRoot,
    envelopes: Object.fromEntries(names.map((n) => [n, signed[n]!.envelope])) as Record<LegacyScenarioName, LegacyEnvelopeJson>,
    entries,
    index: { [`sha256:${signed['other-artifact']!.payloadSha256}`]: [otherEntry.uuid] },
    artifactSha256,
    sourceUri: 'github.com/slsa-framework/example-package',
    sourceTag: 'v13.0.30',
  };
}
