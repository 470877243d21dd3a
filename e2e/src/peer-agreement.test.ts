import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// docs/reports/peer-agreement.md measures how far the built slsa-lint agrees with the test suites
// of zizmor and actionlint where their checks overlap; tools/scripts/peer-agreement.mjs generates
// it (npm run report:peers). The script's check mode regenerates it in memory and exits 1 with a
// diff when the checked-in copy differs, so a rule change that moves the numbers shows up here as
// a diff to review (and to explain in the script's WHY map).
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = path.join(repoRoot, 'tools', 'scripts', 'peer-agreement.mjs');
const FIXTURES = ['/work/shared/fixtures/zizmor/test-data', '/work/shared/fixtures/actionlint/testdata'];

describe.skipIf(!FIXTURES.every((p) => existsSync(p)))('peer agreement report (built bin)', () => {
  it('docs/reports/peer-agreement.md is up to date (npm run report:peers)', () => {
    const r = spawnSync(process.execPath, [SCRIPT], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
    expect(r.stderr).toBe('');
    const diff = r.stdout.slice(r.stdout.lastIndexOf('\ndocs/reports/peer-agreement.md'));
    expect(r.status, `the checked-in report is stale: run \`npm run report:peers\`${diff}`).toBe(0);
    expect(r.stdout).toContain('docs/reports/peer-agreement.md is current');
  }, 90_000);
});
