import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared, read-only test data (`../shared/fixtures` beside the repository, as CI lays it out).
 * `SLSA_KIT_FIXTURES` overrides the location.
 */
export function fixturesDir(): string {
  const env = process.env['SLSA_KIT_FIXTURES'];
  if (env) return env;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'shared', 'fixtures');
    if (existsSync(path.join(dir, 'nx.json')) || existsSync(candidate)) {
      const beside = path.resolve(dir, '..', 'shared', 'fixtures');
      if (existsSync(beside)) return beside;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('shared fixtures not found: lay ../shared/fixtures beside the repository or set SLSA_KIT_FIXTURES');
}

/** A path inside the shared fixtures. */
export function fixturePath(...segments: string[]): string {
  return path.join(fixturesDir(), ...segments);
}
