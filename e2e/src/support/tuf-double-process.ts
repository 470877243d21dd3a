import { startServerProcess } from './server-process.js';

/** The TUF repository double of `@slsa-kit/core/testing`, run in its own process from the built package. */
export interface TufDoubleProcess {
  /** The repository URL, for `--tuf-url`. */
  readonly url: string;
  /** Its initial root.json, for `--tuf-root`. */
  readonly rootJson: string;
  stop(): Promise<void>;
}

/**
 * Serves `trustedRootFile` as the `trusted_root.json` target of a freshly signed TUF repository,
 * optionally with one metadata file's signature corrupted on the wire.
 */
export function startTufDoubleProcess(repoRoot: string, trustedRootFile: string, tamper?: 'timestamp.json' | 'snapshot.json' | 'targets.json'): Promise<TufDoubleProcess> {
  const script = `
const t = await import('@slsa-kit/core/testing');
const { readFileSync } = await import('node:fs');
const content = readFileSync(${JSON.stringify(trustedRootFile)}, 'utf8');
const double = await t.startTufDouble([{ name: 'trusted_root.json', content }], ${JSON.stringify(tamper === undefined ? {} : { tamper })});
process.stdout.write(JSON.stringify({ url: double.url, rootJson: double.rootJson }) + '\\n');
process.on('SIGTERM', () => void double.close().then(() => process.exit(0)));
`;
  return startServerProcess<Omit<TufDoubleProcess, 'stop'>>(repoRoot, 'the TUF double', script);
}
