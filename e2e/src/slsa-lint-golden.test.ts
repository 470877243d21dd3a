import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';

// One golden file per output format for one realistic broken release workflow, compared byte for
// byte with the BUILT bin's output. `UPDATE_GOLDEN=1` rewrites the golden files. The SARIF tool
// version is the bin's package version, normalised to `<version>` so a release does not break it.
//
// The bin's SARIF is also validated here against the OASIS SARIF 2.1.0 schema (the data file
// packages/linter/test-data/sarif/sarif-2.1.0-rtm.5.json; ajv-draft-04 is an e2e devDependency).
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(repoRoot, 'apps', 'cli', 'bin', 'slsa-lint.js');
const GOLDEN = path.join('e2e', 'fixtures', 'golden');
const WORKFLOW = path.join(GOLDEN, 'release-broken.yml');
const CONFIG = path.join('e2e', 'fixtures', 'slsa-lint.yml');
const FORMATS = { text: 'txt', json: 'json', sarif: 'sarif', github: 'github' } as const;

function output(format: keyof typeof FORMATS) {
  const r = spawnSync(process.execPath, [BIN, '-c', CONFIG, '--format', format, WORKFLOW], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
    timeout: 30_000,
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(1);
  return format === 'sarif' ? r.stdout.replace(/("name": "slsa-lint",\s*"version": ")[^"]*"/, '$1<version>"') : r.stdout;
}

const sarifSchema: unknown = JSON.parse(readFileSync(path.join(repoRoot, 'packages', 'linter', 'test-data', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
// A CommonJS module: its class is the default export's `default`. The schema's `language`
// pattern is not a valid regular expression with the `u` flag.
const validateSarif = new AjvModule.default({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(sarifSchema as object);

describe('slsa-lint golden output (built bin)', () => {
  it('sarif validates against the SARIF 2.1.0 schema (a broken workflow, and a clean run)', () => {
    const broken = JSON.parse(output('sarif')) as { runs: [{ results: unknown[] }] };
    expect(broken.runs[0].results.length).toBeGreaterThan(5);
    expect(validateSarif(broken), JSON.stringify(validateSarif.errors?.slice(0, 5), null, 2)).toBe(true);
    const clean = spawnSync(process.execPath, [BIN, '--format', 'sarif', path.join('packages', 'generator', 'golden', 'python-slsa-generator-pypi.yml')], { cwd: repoRoot, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
    expect(clean.status).toBe(0);
    const cleanLog = JSON.parse(clean.stdout) as { runs: [{ results: unknown[] }] };
    expect(cleanLog.runs[0].results).toEqual([]);
    expect(validateSarif(cleanLog), JSON.stringify(validateSarif.errors?.slice(0, 5), null, 2)).toBe(true);
    // The validator is not vacuous: a log without its required version fails.
    expect(validateSarif({ ...broken, version: undefined })).toBe(false);
  });

  for (const [format, ext] of Object.entries(FORMATS) as [keyof typeof FORMATS, string][]) {
    it(`${format} matches ${GOLDEN}/release-broken.${ext}`, () => {
      const file = path.join(repoRoot, GOLDEN, `release-broken.${ext}`);
      const actual = output(format);
      if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(file, actual);
      expect(existsSync(file), 'run with UPDATE_GOLDEN=1 to create it').toBe(true);
      expect(actual === readFileSync(file, 'utf8'), `${file} differs; rerun with UPDATE_GOLDEN=1 if the change is intended`).toBe(true);
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('the golden findings are the same in every format', () => {
    const read = (ext: string) => readFileSync(path.join(repoRoot, GOLDEN, `release-broken.${ext}`), 'utf8');
    const json = JSON.parse(read('json')).results[0].diagnostics.map((d: { ruleId: string; line: number; column: number }) => `${d.ruleId}@${d.line}:${d.column}`);
    const sarif = JSON.parse(read('sarif')).runs[0].results.map(
      (r: { ruleId: string; locations: [{ physicalLocation: { region: { startLine: number; startColumn: number } } }] }) =>
        `${r.ruleId}@${r.locations[0].physicalLocation.region.startLine}:${r.locations[0].physicalLocation.region.startColumn}`,
    );
    const github = [...read('github').matchAll(/^::\w+ file=[^,]+,line=(\d+),col=(\d+),[^:]*title=slsa-lint ([a-z-]+)::/gm)].map((m) => `${m[3]}@${m[1]}:${m[2]}`);
    const text = [...read('txt').matchAll(/^\w+\[([a-z-]+)\]: [^\n]*\n\s+--> [^\n]*:(\d+):(\d+)$/gm)].map((m) => `${m[1]}@${m[2]}:${m[3]}`);
    expect(json.length).toBeGreaterThan(5);
    expect(sarif).toEqual(json);
    expect(github).toEqual(json);
    expect(text).toEqual(json);
  });
});
