import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../yaml/parse.js';
import { validateWorkflowSchema } from './validate-workflow.js';

/** Test data lives beside the repository (`../shared/fixtures`), or where SLSA_KIT_FIXTURES says. */
const FIXTURES = process.env['SLSA_KIT_FIXTURES'] ?? fileURLToPath(new URL('../../../../../shared/fixtures', import.meta.url));
const SCHEMASTORE = path.join(FIXTURES, 'schemas/schemastore-tests/src');
const ACTIONLINT_OK = path.join(FIXTURES, 'actionlint/testdata/ok');
const REAL_WORLD = path.join(FIXTURES, 'real-world/workflows');

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));

/**
 * Findings that are right although the file is in actionlint's `ok/` corpus: GitHub's own workflow
 * parser (actions/languageservices, workflow-v1.0.json) rejects these too; actionlint is lenient.
 */
const GENUINE: Readonly<Record<string, string>> = {
  'actionlint/testdata/ok/workflow_call_job.yaml:30:11 `uses` must name a workflow file: `./.github/workflows/NAME.yml` or `OWNER/REPO/.github/workflows/NAME.yml@REF`':
    '`uses: ${{ ... }}` on a reusable-workflow job: GitHub does not evaluate expressions in `jobs.<id>.uses` (no expression context); actionlint deliberately skips the check ("Edge case. Give up checking format.")',
  'actionlint/testdata/ok/workflow_dispatch_upper_case_inputs.yaml:4:7 `logLevel` has no value; it must be a mapping':
    'a workflow_dispatch input declared with no mapping (`logLevel:`); GitHub requires a mapping (workflow-dispatch-input has no scalar form); the test is about input-name case, not this',
};

interface FileResult {
  readonly file: string;
  readonly skipped: boolean;
  readonly findings: readonly string[];
  readonly ms: number;
}

function check(file: string): FileResult {
  const parsed = parseYaml(readFileSync(file), file);
  if (!parsed.document || parsed.diagnostics.some((d) => d.severity === 'error')) return { file, skipped: true, findings: [], ms: 0 };
  const started = performance.now();
  const diagnostics = validateWorkflowSchema(parsed.document, parsed.source);
  const ms = performance.now() - started;
  const findings = diagnostics.map((d) => {
    const at = parsed.source.locate(d.span);
    return `${path.relative(FIXTURES, file)}:${at.line}:${at.column} ${d.message}`;
  });
  return { file, skipped: false, findings, ms };
}

describe('SchemaStore test files', () => {
  it.each(yamlFiles(path.join(SCHEMASTORE, 'test/github-workflow')).map((f) => [path.basename(f), f]))('accepts %s', (_name, file) => {
    const r = check(file);
    expect(r.skipped).toBe(false);
    expect(r.findings).toEqual([]);
  });
  it.each(yamlFiles(path.join(SCHEMASTORE, 'negative_test/github-workflow')).map((f) => [path.basename(f), f]))('rejects %s', (_name, file) => {
    const r = check(file);
    expect(r.skipped).toBe(false);
    expect(r.findings.length).toBeGreaterThan(0);
  });
});

describe('false positives on workflows GitHub accepts', () => {
  it('reports nothing for actionlint ok/ and the real-world release workflows, except explained findings', () => {
    const files = [...yamlFiles(ACTIONLINT_OK), ...yamlFiles(REAL_WORLD)];
    const results = files.map(check);
    const skipped = results.filter((r) => r.skipped);
    const flagged = results.filter((r) => r.findings.length > 0);
    const findings = flagged.flatMap((r) => r.findings);
    const ms = results.reduce((sum, r) => sum + r.ms, 0);
    console.log(
      [
        `workflow-schema over ${files.length} files: ${skipped.length} skipped (YAML errors), ${flagged.length} with diagnostics, validation ${ms.toFixed(1)} ms`,
        ...skipped.map((r) => `  skipped ${path.relative(FIXTURES, r.file)}`),
        ...findings.map((f) => `  ${f}${GENUINE[f] ? ` [genuine: ${GENUINE[f]}]` : ''}`),
      ].join('\n'),
    );
    expect(skipped).toEqual([]);
    expect(findings).toEqual(Object.keys(GENUINE));
  });
});
