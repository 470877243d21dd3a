import { literalResults, nodeAt, repositorySlug, type Located, type Step, type Workflow } from '@slsa-kit/core';
import { cachedActionRef } from '../action-ref-cache.js';
import { renderedReferences, referenceKey, taintOf, type DeclaredInput, type InputDeclarations, type Taint } from '../analysis/attacker-controlled.js';
import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

const ID = 'template-injection';

type Language = 'sh' | 'pwsh' | 'cmd' | 'js';

/** Actions with an input that is code they run (lower-case `owner/repo` → input and its language). */
const SCRIPT_INPUTS: ReadonlyMap<string, { readonly input: string; readonly language: Language }> = new Map([
  ['actions/github-script', { input: 'script', language: 'js' }],
  ['azure/cli', { input: 'inlineScript', language: 'sh' }],
  ['azure/powershell', { input: 'inlineScript', language: 'pwsh' }],
  ['amadevus/pwsh-script', { input: 'script', language: 'pwsh' }],
  ['mikefarah/yq', { input: 'cmd', language: 'sh' }],
  ['addnab/docker-run-action', { input: 'run', language: 'sh' }],
]);

/** Where an expanded value becomes code: a `run:` script or a script input of an action. */
interface Sink {
  readonly kind: 'run' | 'script';
  readonly value: Located<unknown>;
  readonly language: Language;
}

/**
 * A trigger's configuration as plain data. It is converted with its document so aliases resolve;
 * a merge key GitHub does not support either (`<<: *x` onto a non-map) leaves the inputs unknown
 * instead of crashing the run.
 */
function triggerConfig(workflow: Workflow, node: unknown): { inputs?: unknown } | null | undefined {
  try {
    return (node as { toJSON?: (doc: unknown) => unknown } | undefined)?.toJSON?.(workflow.document) as { inputs?: unknown } | null | undefined;
  } catch {
    return undefined;
  }
}

/** The inputs `workflow_dispatch` and `workflow_call` declare, with their types. */
function declaredInputs(workflow: Workflow): InputDeclarations {
  const inputs = new Map<string, DeclaredInput>();
  let callable = false;
  for (const t of workflow.triggers) {
    if (t.event !== 'workflow_dispatch' && t.event !== 'workflow_call') continue;
    const isCall = t.event === 'workflow_call';
    callable ||= isCall;
    const config = triggerConfig(workflow, t.config);
    const declared = config?.inputs;
    if (!declared || typeof declared !== 'object') continue;
    for (const [name, spec] of Object.entries(declared as Record<string, unknown>)) {
      const raw = spec && typeof spec === 'object' ? (spec as { type?: unknown }).type : undefined;
      const type = typeof raw === 'string' ? raw : 'string';
      const prev = inputs.get(name.toLowerCase());
      // One name declared by both triggers: the weaker type and the wider audience win.
      inputs.set(name.toLowerCase(), {
        type: prev && prev.type !== type ? 'string' : type,
        callable: isCall || (prev?.callable ?? false),
      });
    }
  }
  return { inputs, callable };
}

/** A shell-appropriate environment variable name for a reference, e.g. `PULL_REQUEST_TITLE`. */
function envName(key: string): string {
  const parts = key.split('.').filter((p, i) => !(i === 0 && p === 'github') && !(i === 1 && p === 'event'));
  return parts.map((p) => (p === '*' ? 'ALL' : p.replace(/[^a-z0-9]+/gi, '_'))).join('_').toUpperCase() || 'VALUE';
}

/** The language of a `run:` script from its `shell:` (bash unless it says otherwise). */
function shellLanguage(step: Step): Language {
  const shell = step.shell?.value.toLowerCase() ?? '';
  if (shell.startsWith('pwsh') || shell.startsWith('powershell')) return 'pwsh';
  if (shell.startsWith('cmd')) return 'cmd';
  return 'sh';
}

const USAGE: Readonly<Record<Language, (name: string) => string>> = {
  sh: (name) => `"$${name}"`,
  pwsh: (name) => `$env:${name}`,
  cmd: (name) => `%${name}%`,
  js: (name) => `process.env.${name}`,
};

const strongest = (taints: readonly (Taint | undefined)[]): Taint | undefined =>
  (['attacker', 'caller', 'dispatcher'] as const).find((t) => taints.includes(t));

/**
 * `template-injection`: `${{ }}` is expanded into a script's text before the script runs, so a
 * value that someone else chose (a pull request title, a fork's branch name) becomes code.
 */
export const templateInjection = defineRule({
  meta: {
    id: ID,
    description: 'Attacker-controlled `${{ }}` values must not be expanded into `run:` scripts or script inputs; pass them through `env:`.',
    defaultSeverity: 'error',
    fixable: false,
    requiresNetwork: false,
    docsUrl: docsUrl(ID),
    messages: {
      attacker:
        '`{{reference}}` can be set by anyone who opens an issue, pull request or comment or pushes a branch, and the expression pastes it into the {{sink}} before it runs, so it can inject code; map it to an environment variable in the step\'s `env:` (`{{envName}}:` set to this expression) and use `{{usage}}` in the script',
      caller:
        '`{{reference}}` is a free-text input of a reusable workflow: a caller may pass it text from an issue or pull request, and the expression pastes it into the {{sink}} before it runs, so it can inject code; map it to an environment variable in the step\'s `env:` (`{{envName}}:` set to this expression) and use `{{usage}}` in the script, or declare the input with `type: boolean` or `number`',
      dispatcher:
        '`{{reference}}` is free text chosen by whoever dispatches the workflow (write access is needed, so this is hygiene rather than an open door), and the expression pastes it into the {{sink}} before it runs, where a quote in it breaks or changes the script; map it to an environment variable in the step\'s `env:` (`{{envName}}:` set to this expression) and use `{{usage}}` in the script, or declare the input with `type: choice`, `boolean` or `number`',
    },
  },
  create(ctx) {
    // Keyed by the scalar node, so a script written once under an anchor and used by `run: *alias`
    // is judged (expressions are found once, at the anchor's definition).
    const sinks = new Map<unknown, Sink>();
    const addSink = (sink: Sink): void => {
      const node = nodeAt(ctx.document, sink.value.route);
      if (node) sinks.set(node, sink);
    };
    let declared: InputDeclarations = { inputs: new Map(), callable: false };
    return {
      workflow(workflow) {
        declared = declaredInputs(workflow);
      },
      step(step) {
        if (step.run) addSink({ kind: 'run', value: step.run, language: shellLanguage(step) });
        const slug = step.uses ? parseSlug(step.uses.value) : undefined;
        const script = slug ? SCRIPT_INPUTS.get(slug) : undefined;
        const value = script ? step.with.get(script.input) : undefined;
        if (value) addSink({ kind: 'script', value, language: script!.language });
      },
      expression(e) {
        if (e.isKey || !e.ast) return;
        const sink = sinks.get(e.scalar);
        if (!sink) return;
        // Expressions that can only render constants (`x && 'a' || 'b'`, comparisons) are safe.
        if (literalResults(e.ast) !== undefined) return;
        const rendered = renderedReferences(e.ast);
        for (const ref of e.references) {
          const key = referenceKey(ref.context, ref.path);
          const taint = strongest([...(rendered.get(key) ?? [])].map((k) => taintOf(ref.context, k.split('.').slice(1), declared)));
          if (!taint) continue;
          const name = envName(key);
          const where = sink.kind === 'run' ? '`run:` script' : `\`${String(sink.value.route.at(-1))}\` script of this action`;
          ctx.report({
            messageId: taint,
            data: { reference: ref.text, sink: where, envName: name, usage: USAGE[sink.language](name) },
            at: ref.span,
            ...(taint === 'attacker' ? {} : { severity: taint === 'caller' ? ('warning' as const) : ('note' as const) }),
            related: [{ at: sink.value.keySpan ?? sink.value.span, message: 'the script it is expanded into' }],
          });
        }
      },
    };
  },
});

/** `owner/repo` of a `uses:` value, lower-cased, or undefined for local and Docker actions. */
function parseSlug(uses: string): string | undefined {
  const ref = cachedActionRef(uses);
  return ref.kind === 'repository' ? repositorySlug(ref).toLowerCase() : undefined;
}
