import { describe, expect, it } from 'vitest';
import { CORPORA, readCorpus } from '../testing/corpus.js';
import { loadWorkflow } from './load-workflow.js';
import type { Workflow } from './types.js';

/** Every `uses:` value in the model, with its span (steps and reusable-workflow jobs). */
function usesOf(w: Workflow): { value: string; span: { start: number; end: number } }[] {
  return w.jobs.flatMap((j) => (j.kind === 'reusable' ? [j.uses] : j.steps.flatMap((s) => (s.uses ? [s.uses] : []))));
}

describe.each(CORPORA)('corpus %s', (name) => {
  it('parses into the model without one thrown exception, with exact `uses:` spans', async () => {
    const files = await readCorpus(name);
    let modelled = 0;
    let yamlErrors = 0;
    let uses = 0;
    const mismatches: string[] = [];
    for (const f of files) {
      const loaded = loadWorkflow(f.bytes, f.name);
      if (!loaded.workflow) {
        yamlErrors++;
        expect(loaded.diagnostics.length, `${f.name} has no model and no diagnostic`).toBeGreaterThan(0);
        continue;
      }
      modelled++;
      for (const u of usesOf(loaded.workflow)) {
        uses++;
        // The span covers the scalar as written: strip quotes, or a block scalar's header line.
        let raw = loaded.source.slice(u.span).replace(/^(['"])(.*)\1$/s, '$2');
        if (/^[|>]/.test(raw)) raw = raw.slice(raw.indexOf('\n') + 1).trim();
        if (raw !== u.value.trim()) mismatches.push(`${f.name}: ${JSON.stringify(raw)} != ${JSON.stringify(u.value)}`);
      }
    }
    console.log(`${name}: ${files.length} files, ${modelled} modelled, ${yamlErrors} with YAML errors, ${uses} uses: values, ${mismatches.length} span mismatches`);
    expect(mismatches).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
    if (name === 'actionlint-realworld') expect(files.length).toBe(1503);
    if (name === 'real-world' || name === 'actionlint-ok') expect(yamlErrors).toBe(0);
  }, 120_000);
});
