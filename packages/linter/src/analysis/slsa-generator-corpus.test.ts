import { readFileSync } from 'node:fs';
import { fixturePath, readCorpus } from '@slsa-kit/core/testing';
import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { provenancePermissions } from '../rules/provenance-permissions.js';
import { slsaGeneratorInputs } from '../rules/slsa-generator-inputs.js';

const RULES = [provenancePermissions, slsaGeneratorInputs];
const IDS = new Set(RULES.map((r) => r.meta.id));

function findings(text: string | Uint8Array, name: string): string[] {
  const result = lintText(text, name, { rules: RULES, ignores: false });
  return result.diagnostics.filter((d) => IDS.has(d.ruleId)).map((d) => `${name}:${d.line}:${d.column} ${d.ruleId}`);
}

/**
 * The generator-call rules over real workflows. The 13 real release workflows that call
 * slsa-github-generator (generic generator v2.0.0/v2.1.0, the Go and Node.js builders) all run,
 * so any finding there would be a false positive; actionlint's `ok` corpus calls no generator.
 */
describe('provenance-permissions and slsa-generator-inputs over real workflows', () => {
  for (const corpus of ['real-world', 'actionlint-ok'] as const) {
    it(`report nothing on ${corpus}`, async () => {
      const files = await readCorpus(corpus);
      expect(files.length).toBeGreaterThan(30);
      expect(files.flatMap((f) => findings(f.bytes, f.name))).toEqual([]);
    });
  }

  it('report the first broken link of a real workflow once it is broken (pallets/click, generator v2.1.0)', () => {
    const name = 'pallets__click__publish--d1a80aa.yml';
    const text = readFileSync(fixturePath('real-world', 'workflows', name), 'utf8');
    expect(text).toContain('      contents: write\n    # Can\'t pin');
    const broken = text
      .replace('      contents: write\n    # Can\'t pin', '      contents: read\n    # Can\'t pin')
      .replace('base64-subjects: ${{ needs.build.outputs.hash }}', 'subject-base64: ${{ needs.build.outputs.hash }}');
    expect(findings(broken, name)).toEqual([
      `${name}:32:17 provenance-permissions`,
      `${name}:35:5 slsa-generator-inputs`,
      `${name}:36:7 slsa-generator-inputs`,
    ]);
  });
});
