import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The README rules table is generated from the rules' meta. Tools may not import the linter
 * (module boundaries), so this runs the generator against the built linter in a child process.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('README rules table', () => {
  it('is current (run `npm run docs:rules` if not)', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'tools', 'scripts', 'rules-table.mjs'), '--check'], {
      cwd: root,
      encoding: 'utf8',
      // Node warns on stderr when NO_COLOR and FORCE_COLOR are both set (as in some CI shells).
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'FORCE_COLOR' && k !== 'NO_COLOR')),
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/README\.md is current \(\d+ rules\)/);
  });
});
