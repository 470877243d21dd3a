import { didYouMean, type KnownAction, type Located, type ScalarValue } from '@slsa-kit/core';
import { generatorCall, type GeneratorCall } from '../analysis/slsa-generator-call.js';
import { runsOnTags } from '../analysis/slsa-generator-triggers.js';
import { literalBoolean, withInput } from '../analysis/slsa-generator-with.js';
import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

const ID = 'slsa-generator-inputs';
const GENERIC = 'generator_generic_slsa3.yml';
const PROVENANCE_SUFFIX = '.intoto.jsonl';

/**
 * `slsa-generator-inputs`: the `with:` of a job calling slsa-github-generator must use inputs the
 * called workflow declares, give it its subjects, and ask for an upload only where one can happen.
 */
export const slsaGeneratorInputs = defineRule({
  meta: {
    id: ID,
    description: 'Inputs passed to slsa-github-generator workflows must exist, include the subjects, and be consistent with the triggers.',
    defaultSeverity: 'error',
    fixable: false,
    requiresNetwork: false,
    docsUrl: docsUrl(ID),
    messages: {
      unknown: '{{workflow}} has no input `{{input}}`, so GitHub rejects the call ("Invalid input, {{input}} is not defined in the referenced workflow"){{hint}}',
      deprecated: 'input `{{input}}` of {{workflow}} is deprecated: {{advice}}',
      missingRequired: '{{workflow}} requires the input `{{input}}`; add it under `with:`',
      missingSubjects:
        '{{workflow}} is called without subjects: pass `base64-subjects` (the base64 of `sha256sum` output, usually the `hashes` output of the build job) or `base64-subjects-as-file`; without them the generator has nothing to attest and fails',
      provenanceName: '`{{input}}` must end in `.intoto.jsonl` (the generator refuses other names); use `{{suggestion}}`',
      uploadWithoutTag:
        '`upload-assets: true` uploads only when the run is on a tag, and no trigger of this workflow (`on:`) runs on one; the provenance would silently not be uploaded. Trigger on `push: tags:` or `release`, or set `upload-tag-name`',
    },
  },
  create(ctx) {
    return {
      reusableJob(job) {
        const call = generatorCall(job);
        if (!call?.known) return;
        checkInputs(call, call.known);
        if (call.file.toLowerCase() === GENERIC) checkGeneric(call);
      },
    };

    function checkInputs(call: GeneratorCall, known: KnownAction): void {
      for (const [name, value] of call.job.with) {
        const at = value.keySpan ?? value.span;
        const input = known.inputs.get(name.toLowerCase());
        if (!input) {
          const guess = suggest(name, known);
          ctx.report({ messageId: 'unknown', data: { workflow: call.file, input: name, hint: guess ? `; did you mean \`${guess}\`?` : '' }, at });
        } else if (input.deprecated) {
          ctx.report({ messageId: 'deprecated', data: { workflow: call.file, input: name, advice: input.deprecated }, at, severity: 'warning' });
        }
      }
      for (const input of known.inputs.values()) {
        if (input.required && !withInput(call.job, input.name)) {
          ctx.report({ messageId: 'missingRequired', data: { workflow: call.file, input: input.name }, at: withOrUses(call) });
        }
      }
    }

    function checkGeneric(call: GeneratorCall): void {
      const { job } = call;
      if (!withInput(job, 'base64-subjects') && !withInput(job, 'base64-subjects-as-file')) {
        ctx.report({ messageId: 'missingSubjects', data: { workflow: call.file }, at: withOrUses(call) });
      }
      for (const name of ['provenance-name', 'attestation-name']) {
        const value = withInput(job, name);
        const bad = value && badProvenanceName(value);
        if (bad) ctx.report({ messageId: 'provenanceName', data: { input: name, suggestion: bad }, at: value.span });
      }
      const upload = withInput(job, 'upload-assets');
      if (literalBoolean(upload) !== true) return;
      const tag = withInput(job, 'upload-tag-name');
      if (tag && tag.value !== '' && tag.value !== null) return;
      if (runsOnTags(ctx.workflow) !== false) return;
      const on = ctx.workflow.triggers[0];
      ctx.report({
        messageId: 'uploadWithoutTag',
        at: upload!.span,
        severity: 'warning',
        ...(on ? { related: [{ at: { route: on.route.slice(0, 1), part: 'key' as const }, message: 'the triggers of this workflow' }] } : {}),
      });
    }

    function withOrUses(call: GeneratorCall) {
      return call.job.with.size > 0 ? { route: [...call.job.route, 'with'], part: 'key' as const } : call.job.uses.span;
    }
  },
});

/**
 * The name to suggest for a provenance name without the `.intoto.jsonl` extension, or undefined
 * when the name is fine or not known until run time (it ends in an expression).
 */
function badProvenanceName(value: Located<ScalarValue>): string | undefined {
  if (typeof value.value !== 'string' || value.value === '') return undefined;
  const name = value.value.trim();
  if (name.endsWith(PROVENANCE_SUFFIX) || name.endsWith('}}')) return undefined;
  return `${name.replace(/\.(intoto\.json|jsonl|json|intoto)$/, '')}${PROVENANCE_SUFFIX}`;
}

/** A known input the unknown `name` was probably meant to be: same words in another order or form, or a small typo. */
function suggest(name: string, known: KnownAction): string | undefined {
  return didYouMean(name, [...known.inputs.values()].filter((i) => !i.deprecated).map((i) => i.name));
}
