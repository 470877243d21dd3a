import { describe, expect, it } from 'vitest';
import { collectExpressions } from '../expressions/walk.js';
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
    let expressions = 0;
    let expressionDiagnostics = 0;
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
      const found = collectExpressions(loaded.workflow.document, loaded.source.text);
      expressionDiagnostics += found.diagnostics.length;
      for (const e of found.expressions) {
        expressions++;
        // The span's text is the expression as written; within it only YAML layout (indentation,
        // folding) and escapes may differ from the value, so compare with whitespace removed.
        const written = loaded.source.slice(e.span);
        const squash = (t: string): string => t.replace(/\s+/g, '');
        let inner = loaded.source.slice(e.innerSpan);
        if (e.scalar.type === 'QUOTE_DOUBLE') inner = inner.replace(/\\(["\\/])/g, '$1');
        if (e.scalar.type === 'QUOTE_SINGLE') inner = inner.replace(/''/g, "'");
        if (!written.startsWith('${{') || !written.endsWith('}}') || squash(inner) !== squash(e.source)) {
          mismatches.push(`${f.name}: expression ${JSON.stringify(written)} != ${JSON.stringify(e.source)}`);
        }
      }
    }
    console.log(`${name}: ${files.length} files, ${modelled} modelled, ${yamlErrors} with YAML errors, ${uses} uses: values, ${expressions} expressions (${expressionDiagnostics} unparsable), ${mismatches.length} span mismatches`);
    expect(mismatches).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
    if (name === 'actionlint-realworld') expect(files.length).toBe(1503);
    if (name === 'real-world' || name === 'actionlint-ok') expect(yamlErrors).toBe(0);
  }, 120_000);
});
