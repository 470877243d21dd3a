import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { githubWorkflowSchema, validateGithubWorkflow } from './generated/github-workflow.validate.js';

const read = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');

interface Patch {
  readonly op: string;
  readonly path: string;
  readonly reason: string;
}

describe('schema build', () => {
  const schemaText = read('../../vendor/schemas/github-workflow.json');
  const patchesText = read('../../vendor/schemas/github-workflow.patches.json');
  const generated = read('./generated/github-workflow.validate.ts');
  const quick = read('./generated/github-workflow.check.ts');

  it('generated code is current with the vendored schema and patches (run `nx run core:codegen`)', () => {
    const digest = createHash('sha256').update(schemaText).update('\0').update(patchesText).digest('hex').slice(0, 16);
    expect(generated).toContain(`input digest ${digest}.`);
    expect(quick).toContain(`input digest ${digest}.`);
  });

  it('every patch is a known operation with a reason', () => {
    const patches = (JSON.parse(patchesText) as { patches: Patch[] }).patches;
    expect(patches.length).toBeGreaterThan(0);
    for (const p of patches) {
      expect(['add', 'replace', 'remove', 'test']).toContain(p.op);
      expect(p.path).toMatch(/^\//);
      expect(p.reason.length).toBeGreaterThan(20);
    }
  });

  it('runs precompiled: no ajv compiler at run time, only its small runtime helpers', () => {
    for (const code of [generated, quick]) {
      expect(code).not.toMatch(/from ['"]ajv['"]/);
      for (const m of code.matchAll(/^import (?!type )\S+ from '([^']+)'/gm)) expect(m[1]).toMatch(/^ajv\/dist\/runtime\//);
    }
    for (const file of readdirSync(fileURLToPath(new URL('.', import.meta.url)))) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const text = read(`./${file}`);
      // Type-only imports of ajv are erased; a value import would load the compiler.
      expect(text, file).not.toMatch(/^import (?!type )[^;]*from 'ajv/m);
    }
  });

  it('compiled a schema without $ref, so every error path is a full path', () => {
    expect(JSON.stringify(githubWorkflowSchema)).not.toContain('"$ref"');
    expect(validateGithubWorkflow({ on: 'push', jobs: { a: { 'runs-on': 'x', steps: [{ run: 'y' }] } } })).toBe(true);
    expect(validateGithubWorkflow({})).toBe(false);
    expect(validateGithubWorkflow.errors?.map((e) => e.keyword)).toEqual(['required', 'required']);
  });
});
