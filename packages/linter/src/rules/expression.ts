import {
  CANONICAL_FUNCTION_NAMES,
  findConditionExpressions,
  findExpressions,
  scalarValue,
  scanTemplates,
  WORKFLOW_CONTEXTS,
  type Diagnostic,
  type ExpressionReference,
  type LocatedExpression,
  type Workflow,
} from '@slsa-kit/core';
import { checkJobLink, checkStepLink, hint, type LinkProblem } from '../analysis/expression-links.js';
import { expressionScope, SPECIAL_FUNCTIONS } from '../analysis/expression-scope.js';
import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

const ID = 'expression';
type Scalar = LocatedExpression['scalar'];

const UNKNOWN_CONTEXT = /^invalid expression: Unrecognized named-value: '([^']*)'/;
const UNKNOWN_FUNCTION = /^invalid expression: Unrecognized function: '([^']*)'/;

/**
 * `expression`: expressions GitHub rejects or that always read nothing — syntax errors, unknown
 * contexts and functions, contexts not available at their key, and `needs.` / `jobs.` / `steps.`
 * links to jobs, steps and outputs that do not exist where the expression runs.
 */
export const expression = defineRule({
  meta: {
    id: ID,
    description: 'Expressions must parse and read only contexts, jobs, steps and outputs that exist where they are evaluated.',
    defaultSeverity: 'error',
    fixable: true,
    requiresNetwork: false,
    docsUrl: docsUrl(ID),
    messages: {
      syntax: '{{message}}',
      empty: 'the expression is empty; write a value between the braces or remove them',
      unclosed: 'this expression is never closed: no `}}` follows it in the value',
      unclosedString:
        "this expression is never closed: a string literal in it is left open, so every `}}` after it is part of the string (write a quote inside a string as '')",
      unknownContext: '`{{name}}` is not a context, so GitHub rejects the workflow{{hint}}; the contexts are {{contexts}}',
      unknownFunction: '`{{name}}()` is not a function, so GitHub rejects the workflow{{hint}}; the functions are {{functions}}',
      unavailableContext: 'the `{{context}}` context is not available in {{where}}, so GitHub rejects the workflow; available here: {{allowed}}',
      unavailableFunction: '`{{name}}()` is not available in {{where}}, so GitHub rejects the workflow; {{available}}',
      noMatrix: '`{{text}}` reads the matrix, but job `{{job}}` has no `strategy.matrix`, so it is always empty',
      needsUnknownJob: 'job `{{caller}}` reads `needs.{{job}}`, but the workflow has no job `{{job}}`{{hint}}',
      needsNotDirect:
        'job `{{caller}}` reads `needs.{{job}}`, but `{{job}}` is not in its `needs:`, so the value is empty (GitHub exposes only direct needs); add `{{job}}` to `needs:`',
      jobsUnknownJob: '`jobs.{{job}}` reads a job this workflow does not have{{hint}}',
      jobOutputTypo: '`{{text}}` reads `output`, which does not exist: the property is `outputs`, so the value is always empty',
      jobUnknownProperty: '`{{text}}`: a job has no property `{{property}}`, only `outputs` and `result`{{hint}}',
      jobUndefinedOutput: 'job `{{job}}` has no output `{{output}}` (it {{defined}}), so the value is always empty{{hint}}',
      stepUnknown: 'job `{{job}}` has no earlier step with `id: {{step}}`, so `steps.{{step}}` is empty here{{hint}}',
      stepNotYet: 'step `{{step}}` has not run yet where this is evaluated (it is this step or a later one of job `{{job}}`), so `steps.{{step}}` is empty here',
      stepOutputTypo: '`{{text}}` reads `output`, which does not exist: the property is `outputs`, so the value is always empty',
      stepUnknownProperty: '`{{text}}`: a step has no property `{{property}}`, only `outputs`, `outcome` and `conclusion`{{hint}}',
    },
  },
  create(ctx) {
    const text = ctx.source.text;
    const reported = new Set<string>();

    const parseProblem = (d: Diagnostic): void => {
      const key = `${d.span.start}:${d.span.end}`;
      if (reported.has(key)) return;
      reported.add(key);
      const context = UNKNOWN_CONTEXT.exec(d.message);
      const fn = UNKNOWN_FUNCTION.exec(d.message);
      const related = d.related?.map((r) => ({ at: r.span, message: r.message }));
      const base = { at: d.span, ...(related ? { related } : {}) };
      if (context) {
        const data = { name: context[1]!, hint: hint(context[1]!, WORKFLOW_CONTEXTS), contexts: WORKFLOW_CONTEXTS.join(', ') };
        return ctx.report({ messageId: 'unknownContext', data, ...base });
      }
      if (fn) {
        const names = [...CANONICAL_FUNCTION_NAMES.values()];
        return ctx.report({ messageId: 'unknownFunction', data: { name: fn[1]!, hint: hint(fn[1]!, names), functions: names.join(', ') }, ...base });
      }
      // Core's wording quotes the `${{` delimiter, which message templates cannot carry.
      if (d.message.includes('never closed')) return ctx.report({ messageId: related ? 'unclosedString' : 'unclosed', ...base });
      if (d.message.startsWith('the expression is empty')) return ctx.report({ messageId: 'empty', ...base });
      ctx.report({ messageId: 'syntax', data: { message: d.message }, ...base });
    };

    const link = (ref: ExpressionReference, problem: LinkProblem | undefined): void => {
      if (!problem) return;
      const verbatim = ref.span.end - ref.span.start === ref.text.length;
      const at = problem.typoEnd !== undefined && verbatim ? ref.span.start + problem.typoEnd : undefined;
      const fix = at === undefined ? undefined : { description: 'read `outputs`', edits: [{ span: { start: at, end: at }, text: 's' }] };
      ctx.report({ messageId: problem.messageId, data: problem.data, at: ref.span, ...(fix ? { fix } : {}) });
    };

    return {
      workflow(workflow) {
        // A `${{` that is never closed yields no expression to visit; find those scalars here.
        for (const scalar of scalarsOf(workflow)) {
          const value = scalarValue(scalar);
          if (!value.includes('${{') || !scanTemplates(value).unclosed) continue;
          const scan = findExpressions(scalar, text);
          const inside = (d: Diagnostic) => scan.expressions.some((e) => e.span.start <= d.span.start && d.span.end <= e.span.end);
          for (const d of scan.diagnostics) if (!inside(d)) parseProblem(d);
        }
      },
      expression(e) {
        if (!e.ast) {
          const bare = !scalarValue(e.scalar).includes('${{');
          const scan = bare ? findConditionExpressions(e.scalar, text) : findExpressions(e.scalar, text);
          for (const d of scan.diagnostics) if (e.span.start <= d.span.start && d.span.end <= e.span.end) parseProblem(d);
          return;
        }
        const scope = expressionScope(ctx.workflow, e.route);
        if (!scope) return;
        for (const call of e.calls) {
          if (!scope.functions || !SPECIAL_FUNCTIONS.has(call.name) || scope.functions.has(call.name)) continue;
          const available = call.name === 'hashFiles' ? 'it is available only in steps' : "the status functions are available only in `if:`";
          ctx.report({ messageId: 'unavailableFunction', data: { name: call.name, where: scope.where, available }, at: call.nameSpan });
        }
        for (const ref of e.references) {
          if (!scope.allowed.has(ref.context)) {
            const allowed = scope.allowed.size === 0 ? 'no context' : [...scope.allowed].map((c) => `\`${c}\``).join(', ');
            ctx.report({ messageId: 'unavailableContext', data: { context: ref.context, where: scope.where, allowed }, at: ref.span });
            continue;
          }
          const job = scope.job;
          if (ref.context === 'needs' && job) link(ref, checkJobLink(ctx.workflow, ref, job));
          else if (ref.context === 'jobs' && scope.workflowCallOutput) link(ref, checkJobLink(ctx.workflow, ref, undefined));
          else if (ref.context === 'steps' && job && scope.steps) link(ref, checkStepLink(ref, job, scope.steps));
          else if (ref.context === 'matrix' && job && !job.strategy?.matrix && ref.path.length > 0) {
            ctx.report({ messageId: 'noMatrix', data: { text: ref.text, job: job.id }, at: ref.span });
          }
        }
      },
    };
  },
});

/** Every scalar of the document, keys included; aliases are not followed (as core's walk). */
function* scalarsOf(workflow: Workflow): Generator<Scalar> {
  // Duck-typed: `yaml` is core's dependency, not the linter's. Collections have `items`, pairs `key`.
  const stack: unknown[] = [workflow.document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if ('items' in node && Array.isArray(node.items)) stack.push(...(node.items as unknown[]));
    else if ('key' in node && 'value' in node) stack.push(node.key, node.value);
    else if ('value' in node) yield node as Scalar;
  }
}
