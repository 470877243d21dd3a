import {
  didYouMean as closest,
  nodeAt,
  scalarSourceMap,
  valueRangeSpan,
  type ExpressionReference,
  type Job,
  type LocatedExpression,
  type NormalJob,
  type ReusableJob,
  type Span,
  type Step,
} from '@slsa-kit/core';
import { generatorCall } from '../analysis/slsa-generator-call.js';
import { scanStepOutputs, type OutputWrite } from '../analysis/step-outputs.js';
import { checkSubjectsDigest } from '../analysis/subjects-digest.js';
import { SLSA_GENERATOR_REPO } from '../knowledge/slsa-generator.js';
import { defineRule } from '../rule.js';
import { docsUrl } from './docs-url.js';

const ID = 'subjects-wiring';
const INPUTS = ['base64-subjects', 'base64-subjects-as-file'] as const;
const FROM_FILE_ACTION = `${SLSA_GENERATOR_REPO}/actions/generator/generic/create-base64-subjects-from-file`;

type Scalar = Parameters<typeof scalarSourceMap>[0];
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** `; did you mean `x`?` for the closest candidate, or the only one there is. */
function didYouMean(name: string, candidates: readonly string[]): string {
  const best = closest(name, candidates) ?? (candidates.length === 1 ? candidates[0] : undefined);
  return best === undefined ? '' : `; did you mean \`${best}\`?`;
}

/**
 * `subjects-wiring`: follows slsa-github-generator's `base64-subjects` back to the command that
 * computes it — `needs.<job>.outputs.<name>` → the job's `outputs:` → `steps.<id>.outputs.<name>` →
 * the step writing `<name>=$(sha256sum … | base64 -w0)` to `$GITHUB_OUTPUT` — and reports the
 * first broken link where it is.
 */
export const subjectsWiring = defineRule({
  meta: {
    id: ID,
    description: 'The `base64-subjects` of slsa-github-generator must be wired to a step that writes `sha256sum … | base64 -w0` to its outputs.',
    defaultSeverity: 'error',
    fixable: true,
    requiresNetwork: false,
    docsUrl: docsUrl(ID),
    messages: {
      outputTypo: '`{{text}}` reads `output`, which does not exist: the property is `outputs`, so this is always empty and {{input}} receives nothing',
      unknownJob: '{{input}} reads job `{{job}}`, but the workflow has no such job{{hint}}',
      missingNeeds: '{{input}} reads `needs.{{job}}`, but job `{{caller}}` does not list `{{job}}` in `needs:`, so the value is empty; add `needs: [{{job}}]`',
      noOutputs: 'job `{{job}}` declares no `outputs:`, so `needs.{{job}}.outputs.{{name}}` is empty; declare an output `{{name}}` in job `{{job}}` that reads `steps.<id>.outputs.{{name}}`',
      missingOutput: 'job `{{job}}` has no output `{{name}}`, so {{input}} receives nothing{{hint}}',
      unknownStep: 'job `{{job}}` has no step with `id: {{step}}`, so output `{{output}}` is empty{{hint}}',
      stepWithoutId: 'this step writes `{{name}}` but has no `id`, so `steps.{{step}}.outputs.{{name}}` is empty; add `id: {{step}}`',
      notWritten: 'step `{{step}}` never writes `{{name}}` to `$GITHUB_OUTPUT`, so output `{{output}}` is empty{{hint}}',
      actionOutput: '`create-base64-subjects-from-file` has one output, `handle`; `{{name}}` is empty',
      setOutput: '`::set-output` is deprecated and GitHub may turn it off; write `echo "{{name}}=…" >> "$GITHUB_OUTPUT"` instead',
      wrapped: '`base64` wraps its output at 76 characters, which puts a second line into `$GITHUB_OUTPUT` and breaks the generator; use `base64 -w0`',
      notEncoded: '`{{name}}` is written as raw `sha256sum` output, but base64-subjects must be base64-encoded; pipe it through `base64 -w0`',
    },
  },
  create(ctx) {
    const calls: ReusableJob[] = [];
    const expressions = new Map<string, LocatedExpression[]>();
    const keyOf = (route: readonly (string | number)[]): string => route.join('\0');
    const referencesAt = (route: readonly (string | number)[], context: string): ExpressionReference[] =>
      (expressions.get(keyOf(route)) ?? []).flatMap((e) => e.references.filter((r) => r.context === context));

    /** Reports `output` for `outputs`, with a fix when the reference is spelled verbatim. */
    const outputTypo = (ref: ExpressionReference, input: string): void => {
      const at = /\.output(?=[.[])/i.exec(ref.text);
      const exact = at && ref.span.end - ref.span.start === ref.text.length;
      const end = exact ? ref.span.start + at.index + '.output'.length : 0;
      const fix = exact ? { description: 'read `outputs`', edits: [{ span: { start: end, end }, text: 's' }] } : undefined;
      ctx.report({ messageId: 'outputTypo', data: { text: ref.text, input }, at: ref.span, ...(fix ? { fix } : {}) });
    };

    /** The file span of `[start, end)` of a step's `run:` script. */
    const scriptSpan = (step: Step, start: number, end: number): Span => {
      const node = nodeAt(ctx.document, step.run!.route);
      if (!node || !('value' in node) || 'items' in node) return step.run!.span;
      return valueRangeSpan(scalarSourceMap(node as Scalar, ctx.source.text), start, end);
    };

    const posixShell = (step: Step, job: NormalJob): boolean => {
      if (step.shell) return /^(?:bash|sh)\b/.test(step.shell.value);
      return !/windows/i.test(JSON.stringify(job.runsOn?.value ?? ''));
    };

    /** The last links: the step the job output reads, and what it writes. */
    const followStep = (job: NormalJob, outputName: string, input: string): void => {
      const ref = referencesAt(job.outputs.get(outputName)!.route, 'steps')[0];
      if (!ref || ref.dynamic || typeof ref.path[0] !== 'string' || typeof ref.path[2] !== 'string') return;
      if (/^output$/i.test(String(ref.path[1]))) return outputTypo(ref, input);
      if (!/^outputs$/i.test(String(ref.path[1]))) return;
      const [stepId, , name] = ref.path;
      const step = job.steps.find((s) => s.id && same(s.id.value, stepId));
      const output = `${job.id}.${outputName}`;
      if (!step) {
        const writer = job.steps.find((s) => !s.id && s.run && scanStepOutputs(s.run.value).writes.some((w) => same(w.name, name)));
        if (writer) return ctx.report({ messageId: 'stepWithoutId', data: { name, step: stepId }, at: writer.route });
        const ids = job.steps.flatMap((s) => (s.id ? [s.id.value] : []));
        return ctx.report({ messageId: 'unknownStep', data: { job: job.id, step: stepId, output, hint: didYouMean(stepId, ids) }, at: ref.span });
      }
      if (step.uses) {
        const from = step.uses.value.split('@')[0]!.toLowerCase();
        if (from === FROM_FILE_ACTION && !same(name, 'handle')) ctx.report({ messageId: 'actionOutput', data: { name }, at: ref.span });
        return;
      }
      if (!step.run || input !== 'base64-subjects' || !posixShell(step, job)) return;
      const scan = scanStepOutputs(step.run.value);
      const writes = scan.writes.filter((w) => same(w.name, name));
      if (writes.length === 0) {
        // A script that never touches its outputs may run one that does (`./hash.sh`); only a
        // script that hashes inline, or writes other outputs, is known to forget this one.
        if (scan.opaque || (!scan.mentionsOutputs && !/sha256sum|shasum|base64/.test(step.run.value))) return;
        const hint = didYouMean(name, [...new Set(scan.writes.map((w) => w.name))]);
        return ctx.report({ messageId: 'notWritten', data: { step: stepId, name, output, hint }, at: ref.span, related: [{ at: step.run.span, message: 'the step' }] });
      }
      checkWrite(step, job, writes[0]!, scan.assignments);
    };

    const checkWrite = (step: Step, job: NormalJob, write: OutputWrite, assignments: Parameters<typeof checkSubjectsDigest>[1]): void => {
      const nameSpan = scriptSpan(step, write.nameStart, write.nameStart + write.name.length);
      if (write.form === 'set-output') ctx.report({ messageId: 'setOutput', data: { name: write.name }, at: nameSpan, severity: 'warning' });
      if (write.form === 'delimited') return;
      const macos = /macos/i.test(JSON.stringify(job.runsOn?.value ?? ''));
      const problem = checkSubjectsDigest(write, assignments, !macos);
      if (problem) ctx.report({ messageId: problem.kind, data: { name: write.name }, at: scriptSpan(step, problem.start, problem.end) });
    };

    const follow = (caller: ReusableJob, input: string, ref: ExpressionReference): void => {
      const [jobId, property, name] = ref.path;
      if (ref.dynamic || typeof jobId !== 'string' || typeof name !== 'string') return;
      if (/^output$/i.test(String(property))) return outputTypo(ref, input);
      if (!/^outputs$/i.test(String(property))) return;
      const target: Job | undefined = ctx.workflow.jobs.find((j) => same(j.id, jobId));
      if (!target) {
        const hint = didYouMean(jobId, ctx.workflow.jobs.map((j) => j.id));
        return ctx.report({ messageId: 'unknownJob', data: { input, job: jobId, hint }, at: ref.span });
      }
      if (!caller.needs.some((n) => same(n.value, jobId))) {
        return ctx.report({ messageId: 'missingNeeds', data: { input, job: target.id, caller: caller.id }, at: ref.span });
      }
      // A reusable workflow's outputs are declared in the workflow it calls, not here.
      if (target.kind === 'reusable') return;
      const outputName = [...target.outputs.keys()].find((k) => same(k, name));
      if (outputName === undefined) {
        const related = [{ at: { route: target.route, part: 'key' as const }, message: `job \`${target.id}\`` }];
        if (target.outputs.size === 0) return ctx.report({ messageId: 'noOutputs', data: { job: target.id, name }, at: ref.span, related });
        const hint = didYouMean(name, [...target.outputs.keys()]);
        return ctx.report({ messageId: 'missingOutput', data: { job: target.id, name, input, hint }, at: ref.span, related });
      }
      followStep(target, outputName, input);
    };

    return {
      reusableJob(job) {
        if (generatorCall(job)) calls.push(job);
      },
      expression(e) {
        if (e.isKey) return;
        const key = keyOf(e.route);
        expressions.set(key, [...(expressions.get(key) ?? []), e]);
      },
      workflowExit() {
        for (const caller of calls) {
          for (const input of INPUTS) {
            const value = caller.with.get(input);
            if (!value) continue;
            const first = referencesAt(value.route, 'needs')[0];
            if (first) follow(caller, input, first);
          }
        }
      },
    };
  },
});
