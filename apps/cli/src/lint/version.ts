import { readFileSync } from 'node:fs';

/**
 * The CLI's version from its package.json, which sits one directory above both `src/` and
 * `dist/`, so the same code works from sources in tests and from the build.
 */
export function cliVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
