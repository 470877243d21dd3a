import { nodeAt, type Job, type Step } from '@slsa-kit/core';
import { referenceKey, type Taint } from '../analysis/attacker-controlled.js';
import { stepEnvScope } from '../analysis/env-definitions.js';
import { TaintJudge, type TaintedRead } from '../analysis/expression-taint.js';
import { envName, envUsage, sinkName, stepSinks, type Sink } from '../analysis/script-sinks.js';
import { triggerFacts } from '../analysis/trigger-facts.js';
import type { RelatedPlace } from '../context.js';
import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

const ID = 'template-injection';

const WHERE = { step: "the step's `env:`", job: "the job's `env:`", workflow: "the workflow's `env:`" } as const;
// Severity by taint (the default, error, for attacker text) and the message of each kind of read.
const SEVERITY = { attacker: undefined, caller: 'warning', dispatcher: 'note' } as const satisfies Record<Taint, string | undefined>;
const COMPUTED_MESSAGE = { attacker: 'computedAttacker', caller: 'computedCaller', dispatcher: 'computedDispatcher' } as const satisfies Record<Taint, string>;
const ENV_MESSAGE = { attacker: 'envAttacker', caller: 'envCaller', dispatcher: 'envDispatcher' } as const satisfies Record<Taint, string>;

/** Where a script of the file runs: the steps using it (more than one when a YAML alias repeats it). */
interface SinkUse {
  readonly sink: Sink;
  readonly owners: { readonly step: Step; readonly job: Job }[];
}

/**
 * `template-injection`: `${{ }}` is expanded into a script's text before the script runs, so a
 * value that someone else chose (a pull request title, a fork's branch name) becomes code —
 * also when it arrives through a variable of `env:` read back as `${{ env.X }}`.
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
      computedAttacker:
        '`{{access}}` reads a field chosen by a computed index, so its value cannot be proven safe: it can read {{field}}, which anyone who opens an issue, pull request or comment or pushes a branch can set, and the expression pastes it into the {{sink}} before it runs, so it can inject code; read a fixed field, or map it to an environment variable in the step\'s `env:` (`{{envName}}:` set to this expression) and use `{{usage}}` in the script',
      computedCaller:
        '`{{access}}` reads a field chosen by a computed index, so its value cannot be proven safe: it can read {{field}}, a free-text input of a reusable workflow that a caller may fill with text from an issue or pull request, and the expression pastes it into the {{sink}} before it runs, so it can inject code; read a fixed field, or map it to an environment variable in the step\'s `env:` (`{{envName}}:` set to this expression) and use `{{usage}}` in the script',
      computedDispatcher:
        '`{{access}}` reads a field chosen by a computed index, so its value cannot be proven safe: it can read {{field}}, free text chosen by whoever dispatches the workflow (write access is needed, so this is hygiene rather than an open door), and the expression pastes it into the {{sink}} before it runs, where a quote in it breaks or changes the script; read a fixed field, or map it to an environment variable in the step\'s `env:` (`{{envName}}:` set to this expression) and use `{{usage}}` in the script',
      envAttacker:
        '`{{reference}}` holds `{{source}}` (set as `{{name}}` in {{where}}), which anyone who opens an issue, pull request or comment or pushes a branch can set, and the expression pastes it into the {{sink}} before it runs, so it can inject code; the variable is already in the script\'s environment: use `{{usage}}` instead of the expression',
      envCaller:
        '`{{reference}}` holds `{{source}}` (set as `{{name}}` in {{where}}), a free-text input of a reusable workflow that a caller may fill with text from an issue or pull request, and the expression pastes it into the {{sink}} before it runs, so it can inject code; the variable is already in the script\'s environment: use `{{usage}}` instead of the expression',
      envDispatcher:
        '`{{reference}}` holds `{{source}}` (set as `{{name}}` in {{where}}), free text chosen by whoever dispatches the workflow (write access is needed, so this is hygiene rather than an open door), and the expression pastes it into the {{sink}} before it runs, where a quote in it breaks or changes the script; the variable is already in the script\'s environment: use `{{usage}}` instead of the expression',
    },
  },
  create(ctx) {
    // Keyed by the scalar node, so a script written once under an anchor and used by `run: *alias`
    // is judged (expressions are found once, at the anchor's definition).
    const sinks = new Map<unknown, SinkUse>();
    const judge = new TaintJudge(ctx.workflow, triggerFacts(ctx.workflow));

    const report = (read: TaintedRead, sink: Sink): void => {
      const { ref, source, computed, env } = read;
      const severity = SEVERITY[source.taint];
      const access = computed ?? ref.text;
      const related: RelatedPlace[] = [{ at: sink.value.keySpan ?? sink.value.span, message: 'the script it is expanded into' }];
      const common = { at: ref.span, ...(severity ? { severity } : {}), related };
      let name = envName(referenceKey(ref.context, ref.path));
      let field = `\`${source.field}\``;
      if (env) {
        const { definition, origin } = env;
        related.unshift({ at: definition.value.keySpan ?? definition.value.span, message: `\`${definition.name}\` is set here` });
        name = definition.name;
        field += ` (through \`${definition.name}\` in ${WHERE[definition.level]})`;
        if (!source.chosen) {
          // Through a step's variable set from a job's or workflow's, name the value it started from.
          let root = origin;
          while (root.env) root = root.env.origin;
          const data = { reference: access, source: root.computed ?? root.ref.text, name, where: WHERE[definition.level], sink: sinkName(sink), usage: envUsage(sink.language, name) };
          return ctx.report({ ...common, messageId: ENV_MESSAGE[source.taint], data });
        }
      }
      const data = { reference: access, sink: sinkName(sink), envName: name, usage: envUsage(sink.language, name) };
      if (!source.chosen) return ctx.report({ ...common, messageId: source.taint, data });
      ctx.report({ ...common, messageId: COMPUTED_MESSAGE[source.taint], data: { ...data, access, field } });
    };

    return {
      step(step, job) {
        for (const sink of stepSinks(step)) {
          const node = nodeAt(ctx.document, sink.value.route);
          if (!node) continue;
          const use = sinks.get(node) ?? { sink, owners: [] };
          use.owners.push({ step, job });
          sinks.set(node, use);
        }
      },
      expression(e) {
        if (e.isKey) return;
        const use = sinks.get(e.scalar);
        if (!use) return;
        // `env` differs between the steps an aliased script runs in; report each read once per definition.
        const seen = new Set<string>();
        for (const { step, job } of use.owners) {
          for (const read of judge.reads(e, stepEnvScope(ctx.workflow, job, step))) {
            const key = `${read.ref.span.start}:${read.env?.definition.value.route.join('.') ?? ''}`;
            if (seen.has(key)) continue;
            seen.add(key);
            report(read, use.sink);
          }
        }
      },
    };
  },
});
