import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDoubleProcess, type DoubleProcess } from './support/github-api-double-process.js';

// One annotated fixture per rule, linted by the BUILT bin (e2e imports nothing from the packages).
// In e2e/fixtures/rules/<rule-id>.yml every line ending in `# NOT OK` (or `# NOT OK: <rule-id>`)
// must get a finding of that rule, and no other line may; lines ending in `# OK` document what must
// stay quiet. Findings of other rules fail the test unless the fixture's header allows them with
// `# also: rule-a, rule-b`. The text output of each fixture is snapshotted in
// e2e/fixtures/rules/__snapshots__/<rule-id>.txt (NO_COLOR, paths relative to the repository root).
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(repoRoot, 'apps', 'cli', 'bin', 'slsa-lint.js');
const FIXTURES = path.join('e2e', 'fixtures', 'rules');
// The defaults, whatever configuration the repository root may carry.
const CONFIG = path.join('e2e', 'fixtures', 'slsa-lint.yml');

/** Rules that need the network: their fixture runs with --online against the GitHub API double. */
const ONLINE = new Set(['impostor-commit']);
let double: DoubleProcess | undefined;
let cacheDir = '';

interface Diagnostic {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}

function slsaLint(args: string[], online = false) {
  const network = online && double ? { GITHUB_API_URL: double.url, GH_TOKEN: 'ghp_e2eRulesFixtureToken', XDG_CACHE_HOME: cacheDir } : {};
  const r = spawnSync(process.execPath, [BIN, '-c', CONFIG, ...(online ? ['--online'] : []), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...network },
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every rule id the bin knows, from its SARIF rule table (so a new rule without a fixture fails). */
function ruleIds(): string[] {
  const log = JSON.parse(slsaLint(['--format', 'sarif', path.join('e2e', 'fixtures', 'golden', 'release-broken.yml')]).stdout);
  return log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
}

const ANNOTATION = /#\s*(NOT OK|OK)(?::\s*([a-z0-9-]+))?\s*$/;

function annotations(text: string, rule: string) {
  const notOk: number[] = [];
  const ok: number[] = [];
  const also = new Set<string>();
  text.split('\n').forEach((line, i) => {
    const header = /^#\s*also:\s*(.+)$/.exec(line);
    if (header) for (const id of (header[1] ?? '').split(',')) also.add(id.trim());
    const m = ANNOTATION.exec(line);
    if (!m) return;
    if (m[2] !== undefined && m[2] !== rule) throw new Error(`line ${i + 1} annotates ${m[2]} in the fixture of ${rule}`);
    (m[1] === 'NOT OK' ? notOk : ok).push(i + 1);
  });
  return { notOk, ok, also };
}

const ids = ruleIds();

describe('slsa-lint rule fixtures (built bin)', () => {
  beforeAll(async () => {
    double = await startDoubleProcess(repoRoot);
    cacheDir = mkdtempSync(path.join(tmpdir(), 'slsa-lint-rules-cache-'));
  });
  afterAll(async () => {
    await double?.stop();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('knows the rules', () => {
    expect(ids.length).toBeGreaterThanOrEqual(20);
  });

  for (const rule of ids) {
    const fixture = path.join(FIXTURES, `${rule}.yml`);
    const online = ONLINE.has(rule);
    it(`${rule}: exactly the # NOT OK lines, and a text snapshot`, async () => {
      expect(existsSync(path.join(repoRoot, fixture)), `add ${fixture}`).toBe(true);
      const { notOk, ok, also } = annotations(readFileSync(path.join(repoRoot, fixture), 'utf8'), rule);
      expect(notOk.length, 'a fixture needs at least one # NOT OK line').toBeGreaterThan(0);
      expect(ok.length, 'a fixture needs at least one # OK line').toBeGreaterThan(0);

      const json = slsaLint(['--format', 'json', fixture], online);
      expect(json.stderr).toBe('');
      expect([0, 1]).toContain(json.code);
      const diagnostics: Diagnostic[] = JSON.parse(json.stdout).results.flatMap((r: { diagnostics: Diagnostic[] }) => r.diagnostics);
      const lines = [...new Set(diagnostics.filter((d) => d.ruleId === rule).map((d) => d.line))].sort((a, b) => a - b);
      expect(lines).toEqual(notOk);
      const foreign = diagnostics.filter((d) => d.ruleId !== rule && !also.has(d.ruleId)).map((d) => `${d.line}:${d.column} ${d.ruleId}: ${d.message}`);
      expect(foreign, 'findings of other rules (allow them with a `# also:` header)').toEqual([]);

      const text = slsaLint([fixture], online);
      expect(text.stdout).not.toContain('\u001b[');
      await expect(text.stdout).toMatchFileSnapshot(path.join(repoRoot, FIXTURES, '__snapshots__', `${rule}.txt`));
    });
  }
});
