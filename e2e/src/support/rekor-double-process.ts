import { startServerProcess } from './server-process.js';

/** A legacy `.intoto.jsonl` envelope, as the double hands it out. */
export type LegacyEnvelope = Record<string, unknown>;

/**
 * The Rekor double of `@slsa-kit/core/testing`, run in its own process from the built package.
 * e2e imports nothing from the packages: the double prints its URL, the test trusted root (its
 * keys are fresh test keys), one envelope per scenario and the artifact they name.
 */
export interface RekorDoubleProcess {
  readonly url: string;
  readonly trustedRoot: unknown;
  readonly envelopes: Readonly<Record<string, LegacyEnvelope>>;
  /** The artifact's content; every envelope names its sha256. */
  readonly artifact: string;
  readonly artifactSha256: string;
  readonly sourceUri: string;
  readonly sourceTag: string;
  stop(): Promise<void>;
}

// Runs from the repository root, where `@slsa-kit/core` resolves to the built dist.
const SCRIPT = `
const t = await import('@slsa-kit/core/testing');
const s = await t.legacyScenarios();
const double = await t.startRekorDouble({ entries: s.entries, index: s.index });
const { entries, index, ...rest } = s;
process.stdout.write(JSON.stringify({ url: double.url, artifact: t.LEGACY_ARTIFACT, ...rest }) + '\\n');
process.on('SIGTERM', () => void double.close().then(() => process.exit(0)));
`;

/** Starts the Rekor double in a child process and waits for the line describing it. */
export function startRekorDoubleProcess(repoRoot: string): Promise<RekorDoubleProcess> {
  return startServerProcess<Omit<RekorDoubleProcess, 'stop'>>(repoRoot, 'the Rekor double', SCRIPT);
}
