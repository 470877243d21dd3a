import { KNOWN_ACTIONS, editDistance, parseActionRef, suggestKnownAction, type Fix, type InvalidActionRef, type RepositoryActionRef } from '@slsa-kit/core';
import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

const ID = 'unknown-action';

/**
 * `unknown-action`: a `uses:` that names a near miss of a popular action or reusable workflow
 * (`actions/upload-artifacts`, `actions/chekout`, `slsa-framework/slsa-github-builder/…`), or that
 * GitHub cannot parse at all. Offline: it knows the names in core's known-actions table, so a name
 * far from all of them is not judged (the API check is a separate, online step).
 */
export const unknownAction = defineRule({
  meta: {
    id: ID,
    description: 'A `uses:` must name a real action: no misspelt or look-alike names of popular actions, no malformed references.',
    defaultSeverity: 'error',
    fixable: true,
    requiresNetwork: false,
    docsUrl: docsUrl(ID),
    messages: {
      typo:
        '`{{name}}` is not a known {{what}}; did you mean `{{suggestion}}`? A misspelt name fails the job ("Unable to resolve action"), or, once someone registers the look-alike, runs their code with this job\'s token and secrets{{fixNote}}',
      malformed: '`{{value}}` is not a valid `uses:` reference: {{reason}}',
    },
  },
  create(ctx) {
    return {
      uses(site) {
        const ref = site.ref;
        if (ref.kind === 'invalid') {
          // An expression is the `expression` rule's and the schema's business; GitHub's message says it all.
          if (ref.reason === 'expression' || ref.raw.includes('${{') || !rejectedByGitHub(ref)) return;
          ctx.report({ messageId: 'malformed', data: { value: ref.raw, reason: ref.message }, at: site.value.span });
          return;
        }
        if (ref.kind !== 'repository') return;
        const suggestion = suggestKnownAction(ref.name);
        if (!suggestion) return;
        const fix = site.exact ? renameFix(ref, suggestion.action.name, suggestion.distance) : undefined;
        ctx.report({
          messageId: 'typo',
          data: {
            name: ref.name,
            what: suggestion.action.kind === 'workflow' ? 'reusable workflow' : 'action',
            suggestion: suggestion.action.name,
            fixNote: fix ? ' (`slsa-lint --fix` corrects the name and keeps the ref)' : '',
          },
          at: site.exact ? ref.spans.name : site.value.span,
          ...(fix ? { fix } : {}),
        });
      },
    };
  },
});

/**
 * Renames `owner/repo[/path]` to the known name, keeping the ref, only when the slip is a single
 * edit and no other known name is that close: anything farther off could be a different action
 * the author meant, so a person decides.
 */
function renameFix(ref: RepositoryActionRef, known: string, distance: number): Fix | undefined {
  if (distance !== 1) return undefined;
  const wanted = ref.name.toLowerCase();
  const within = [...KNOWN_ACTIONS.keys()].filter((name) => editDistance(wanted, name, 1) <= 1);
  if (within.length !== 1 || within[0] !== known) return undefined;
  return { description: `replace ${ref.name} with ${known}`, edits: [{ span: ref.spans.name, text: known }] };
}

/**
 * Whether GitHub refuses the reference, not merely whether it looks odd. Surrounding whitespace
 * (a `uses: |` block keeps its newline) and `.` or empty segments inside the path
 * (`actions/checkout/@…`, `actions/cache/../save`) still resolve — zizmor's obfuscation audit
 * exists because they run — so only an empty owner or repository makes a path unusable.
 */
function rejectedByGitHub(ref: InvalidActionRef): boolean {
  if (ref.reason === 'whitespace') return parseActionRef(ref.raw.trim()).kind === 'invalid';
  if (ref.reason !== 'bad-path') return true;
  const [owner, repo] = ref.raw.split('@', 1)[0]!.split('/');
  return owner === '' || repo === '' || repo === undefined;
}
