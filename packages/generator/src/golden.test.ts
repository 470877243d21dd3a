import { readFile, readdir, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTPUT, publishChoices, type Answers } from './answers.js';
import type { Ecosystem } from './facts.js';
import { generateWorkflow } from './generate.js';
import { embeddedPins, requiredActions } from './pins.js';
import { planPipeline } from './plan/plan-pipeline.js';
import { GENERIC_BUILD, SAMPLE_FACTS } from './testing/facts.fixture.js';

const GOLDEN = new URL('../golden/', import.meta.url);
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

/** Every ecosystem × provenance × publish (tag trigger), plus the release trigger once per provenance. */
function combinations(): Array<{ file: string; answers: Answers }> {
  const out: Array<{ file: string; answers: Answers }> = [];
  for (const ecosystem of ['python', 'node', 'go', 'generic'] as Ecosystem[]) {
    for (const provenance of ['slsa-generator', 'attestations'] as const) {
      for (const { value: publish } of publishChoices(ecosystem)) {
        const answers: Answers = { ecosystem, provenance, publish, trigger: 'tag', output: DEFAULT_OUTPUT, ...(ecosystem === 'generic' ? GENERIC_BUILD : {}) };
        out.push({ file: `${ecosystem}-${provenance}-${publish}.yml`, answers });
        if (ecosystem === 'python' && publish === 'pypi') out.push({ file: `${ecosystem}-${provenance}-${publish}-on-release.yml`, answers: { ...answers, trigger: 'release' } });
      }
    }
  }
  return out;
}

describe('golden workflows (UPDATE_GOLDEN=1 rewrites them)', () => {
  const cases = combinations();

  it.each(cases)('$file', async ({ file, answers }) => {
    const facts = SAMPLE_FACTS[answers.ecosystem];
    const { text } = generateWorkflow(facts, answers, embeddedPins(requiredActions(planPipeline(facts, answers))));
    if (UPDATE) await writeFile(new URL(file, GOLDEN), text);
    expect(text).toBe(await readFile(new URL(file, GOLDEN), 'utf8'));
  });

  it('has no golden file without a combination', async () => {
    const files = (await readdir(GOLDEN)).filter((f) => f.endsWith('.yml')).sort();
    expect(files).toEqual(cases.map((c) => c.file).sort());
  });

  it('is deterministic: the same inputs give the same bytes', () => {
    const { answers } = cases[0]!;
    const facts = SAMPLE_FACTS[answers.ecosystem];
    const pins = embeddedPins(requiredActions(planPipeline(facts, answers)));
    expect(generateWorkflow(facts, answers, pins).text).toBe(generateWorkflow(structuredClone(facts), { ...answers }, new Map(pins)).text);
  });
});
