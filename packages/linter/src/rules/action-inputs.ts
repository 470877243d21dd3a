import { didYouMean, findKnownAction, repositorySlug, type KnownAction, type RepositoryActionRef } from '@slsa-kit/core';
import { withKeys } from '../analysis/action-with.js';
import { SLSA_GENERATOR_REPO } from '../knowledge/slsa-generator.js';
import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

const ID = 'action-inputs';

/**
 * `action-inputs`: the `with:` of a step (or reusable-workflow call) that uses a known action must
 * name inputs the action declares, give the required ones and avoid the deprecated ones. Inputs
 * are the union over the action's current major versions, so only a name no release accepts is
 * unknown. slsa-github-generator's workflows are left to `slsa-generator-inputs`.
 */
export const actionInputs = defineRule({
  meta: {
    id: ID,
    description: 'Inputs passed to well-known actions must exist, the required ones must be given, and deprecated ones avoided.',
    defaultSeverity: 'error',
    fixable: false,
    requiresNetwork: false,
    docsUrl: docsUrl(ID),
    messages: {
      unknown: '{{action}} has no input `{{input}}`: {{effect}}{{hint}}',
      missing: '{{action}} requires the input `{{input}}`, which is not given: the step fails with "Input required and not supplied: {{input}}"; add it under `with:`',
      deprecated: 'input `{{input}}` of {{action}} is deprecated; {{advice}}',
    },
  },
  create(ctx) {
    return {
      uses(site) {
        const ref = site.ref;
        if (ref.kind !== 'repository' || isGeneratorWorkflow(ref)) return;
        const known = findKnownAction(ref.name);
        if (!known) return;
        const keys = withKeys(ctx.document, site.owner.kind === 'step' ? site.owner.step.route : site.owner.job.route);
        // `with:` given as one expression: its keys exist only at run time.
        if (keys === undefined) return;
        const action = `\`${ref.name}\``;
        const given = new Set<string>();
        for (const { name, keySpan } of keys) {
          const input = known.inputs.get(name.toLowerCase());
          given.add(name.toLowerCase());
          if (!input) {
            const guess = suggest(name, known);
            const effect =
              known.kind === 'workflow'
                ? 'GitHub rejects the call ("Invalid input, … is not defined in the referenced workflow")'
                : 'GitHub ignores it with only an "Unexpected input" warning, so the setting silently has no effect';
            ctx.report({ messageId: 'unknown', data: { action, input: name, effect, hint: guess ? `; did you mean \`${guess}\`?` : '' }, at: keySpan });
          } else if (input.deprecated) {
            ctx.report({ messageId: 'deprecated', data: { action, input: name, advice: input.deprecated.startsWith('use ') ? input.deprecated : 'remove it (newer releases drop it)' }, at: keySpan, severity: 'warning' });
          }
        }
        for (const input of known.inputs.values()) {
          if (input.required && !given.has(input.name.toLowerCase())) {
            ctx.report({ messageId: 'missing', data: { action, input: input.name }, at: site.value.span });
          }
        }
      },
    };
  },
});

/** slsa-github-generator's reusable workflows: `slsa-generator-inputs` knows their rules better. */
function isGeneratorWorkflow(ref: RepositoryActionRef): boolean {
  return repositorySlug(ref) === SLSA_GENERATOR_REPO && (ref.path ?? '').toLowerCase().startsWith('.github/workflows/');
}

/** The current input a misspelt one was probably meant to be (never a deprecated one). */
function suggest(name: string, known: KnownAction): string | undefined {
  return didYouMean(name, [...known.inputs.values()].filter((i) => !i.deprecated).map((i) => i.name));
}
