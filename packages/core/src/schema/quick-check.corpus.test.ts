import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPORA, readCorpus } from '../testing/corpus.js';
import { fixturePath } from '../testing/fixtures.js';
import { parseYaml } from '../yaml/parse.js';
import { detailedWorkflowValidator } from './detailed-validator.js';
import { passesQuickCheck } from './quick-check.js';

/** Workflows as data, from every corpus and SchemaStore's positive and negative test files. */
async function allWorkflows(): Promise<{ name: string; data: unknown }[]> {
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const corpus of CORPORA) for (const f of await readCorpus(corpus)) files.push({ name: `${corpus}/${f.name}`, bytes: f.bytes });
  for (const kind of ['test', 'negative_test']) {
    const dir = fixturePath('schemas', 'schemastore-tests', 'src', kind, 'github-workflow');
    for (const f of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) files.push({ name: `schemastore/${kind}/${f}`, bytes: readFileSync(path.join(dir, f)) });
  }
  return files.flatMap(({ name, bytes }) => {
    const parsed = parseYaml(bytes, name);
    if (!parsed.document || parsed.diagnostics.some((d) => d.severity === 'error')) return [];
    try {
      return [{ name, data: parsed.document.toJS({ maxAliasCount: 10_000 }) }];
    } catch {
      return [];
    }
  });
}

describe('the quick schema check', () => {
  // validateWorkflowSchema trusts the quick check's "valid" and asks the detailed validator only
  // otherwise; this is the evidence that the two, compiled differently from one schema, agree.
  it('agrees with the detailed validator on every corpus workflow', async () => {
    const workflows = await allWorkflows();
    const { validate } = detailedWorkflowValidator();
    // One direction only: "valid" from the quick check must mean valid. A cyclic value (an alias
    // inside its own anchor) is "not certain" there and valid for the detailed validator, whose
    // recursion is unrolled a fixed depth; validateWorkflowSchema then reports nothing, as before.
    const disagreements = workflows.filter((w) => passesQuickCheck(w.data) && !validate(w.data)).map((w) => w.name);
    const stricter = workflows.filter((w) => !passesQuickCheck(w.data) && validate(w.data)).map((w) => w.name);
    const invalid = workflows.filter((w) => !passesQuickCheck(w.data)).length;
    console.log(`quick check over ${workflows.length} workflows: ${invalid} invalid, ${disagreements.length} disagreements, stricter on ${stricter.join(', ') || 'none'}`);
    expect(workflows.length).toBeGreaterThan(1600);
    // Both sides must see invalid workflows, or agreement would prove nothing.
    expect(invalid).toBeGreaterThan(20);
    expect(disagreements).toEqual([]);
    expect(stricter.length).toBeLessThan(5);
  });

  it('rejects what the detailed validator rejects, key by key', () => {
    const base = { on: 'push', jobs: { a: { 'runs-on': 'x', steps: [{ run: 'y' }] } } };
    expect(passesQuickCheck(base)).toBe(true);
    for (const bad of [{}, { ...base, on: 3 }, { ...base, jobs: { a: { 'runs-on': 'x', steps: [{ run: 'y', uses: 'z' }] } } }, { ...base, permissions: { contents: 'admin' } }]) {
      expect(passesQuickCheck(bad), JSON.stringify(bad)).toBe(false);
      expect(detailedWorkflowValidator().validate(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
