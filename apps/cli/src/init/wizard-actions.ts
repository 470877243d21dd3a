import { planPipeline, publishChoices, requiredActions, type Answers, type ProjectFacts } from '@slsa-kit/generator';

/**
 * Every action any answer in the wizard could need, so pins are resolved once before it starts
 * (the preview is synchronous): all ecosystems, provenance kinds, publish targets and triggers.
 */
export function allActions(facts: ProjectFacts, base: Answers): string[] {
  const names = new Set<string>();
  for (const ecosystem of ['python', 'node', 'go', 'generic'] as const) {
    for (const provenance of ['slsa-generator', 'attestations'] as const) {
      for (const { value: publish } of publishChoices(ecosystem)) {
        const answers: Answers = { ...base, ecosystem, provenance, publish, buildCommand: 'x', artifacts: 'x' };
        for (const action of requiredActions(planPipeline(facts, answers))) names.add(action);
      }
    }
  }
  return [...names].sort();
}
