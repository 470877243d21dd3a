import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '@slsa-kit/core';

/**
 * slsa-lint lints workflows, not action metadata, so the root `action.yml` is checked here: it
 * loads as YAML, is a composite action with the documented inputs, and pins every action it uses.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const parsed = parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8'), 'action.yml');

describe('action.yml', () => {
  it('is a composite action with the documented inputs', () => {
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const action = parsed.document!.toJS() as { name: string; description: string; inputs: Record<string, { default?: string }>; runs: { using: string; steps: { uses?: string; run?: string; shell?: string }[] } };
    expect(action.name).toBe('slsa-lint');
    expect(action.description).toBeTruthy();
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'format', 'min-severity', 'online', 'upload-sarif']));
    expect(action.inputs['upload-sarif']!.default).toBe('true');
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) {
      if (step.run !== undefined) expect(step.shell, step.run).toBeTruthy();
      if (step.uses !== undefined) expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/);
    }
  });
});
