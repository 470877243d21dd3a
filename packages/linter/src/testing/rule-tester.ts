import { describe, expect, it } from 'vitest';
import type { Severity, Span } from '@slsa-kit/core';
import type { LintConfig } from '../config.js';
import { lintText, type LintOptions } from '../engine.js';
import { fixText } from '../fix.js';
import { formatMessage, missingPlaceholders, type MessageData } from '../message.js';
import type { AnyRule } from '../rule.js';
import type { LintServices } from '../services.js';

/** A workflow the rule must accept. */
export interface ValidCase {
  readonly name?: string;
  readonly code: string;
  /** Rule options, as `rules: {id: [severity, options]}` would give them. */
  readonly options?: Readonly<Record<string, unknown>>;
  readonly services?: Partial<LintServices>;
  readonly online?: boolean;
  /** Apply inline ignore comments (off by default, so cases test the rule alone). */
  readonly ignores?: boolean;
  /** Rules to run besides the one under test (for rules about other rules' findings). */
  readonly withRules?: readonly AnyRule[];
}

/** One expected finding. Positions are 1-based, as people read them. */
export interface ExpectedFinding {
  readonly messageId: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly severity?: Severity;
  readonly data?: MessageData;
}

/** A workflow the rule must report, exactly these findings in position order. */
export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedFinding[];
  /** The text after `--fix`; `null` asserts there is no fix. Required when a finding has a fix. */
  readonly output?: string | null;
}

interface Recorded {
  readonly messageId: string;
  readonly span: Span;
  readonly message: string;
  readonly data: MessageData;
}

/** Wraps a rule so every report's message id and data are recorded next to the finding. */
function recording(rule: AnyRule, log: Recorded[]): AnyRule {
  return {
    meta: rule.meta,
    create(ctx) {
      return rule.create({
        ...ctx,
        report(d) {
          const template = rule.meta.messages[d.messageId] ?? '';
          const missing = missingPlaceholders(template, d.data);
          if (missing.length > 0) throw new Error(`message ${d.messageId} lacks data for ${missing.join(', ')}`);
          log.push({ messageId: d.messageId, span: ctx.spanOf(d.at), message: formatMessage(template, d.data), data: d.data ?? {} });
          ctx.report(d);
        },
      });
    },
  };
}

function options(rule: AnyRule, c: ValidCase, log: Recorded[]): LintOptions {
  const config: LintConfig = { rules: new Map([[rule.meta.id, { options: c.options ?? {} }]]), ignore: [] };
  return {
    rules: [recording(rule, log), ...(c.withRules ?? [])],
    config,
    ignores: c.ignores ?? false,
    online: c.online ?? rule.meta.requiresNetwork,
    ...(c.services ? { services: c.services } : {}),
  };
}

function run(rule: AnyRule, c: ValidCase) {
  const log: Recorded[] = [];
  const opts = options(rule, c, log);
  const result = lintText(c.code, 'workflow.yml', opts);
  if (rule.meta.id !== 'yaml-syntax') {
    const broken = result.diagnostics.filter((d) => d.ruleId === 'yaml-syntax' && d.severity === 'error');
    expect(broken.map((d) => `${d.line}:${d.column} ${d.message}`), 'test code must be valid YAML').toEqual([]);
  }
  const findings = result.diagnostics.filter((d) => d.ruleId === rule.meta.id);
  const withIds = findings.map((d) => {
    const rec = log.find((r) => r.span.start === d.span.start && r.span.end === d.span.end && r.message === d.message);
    // Parser and ignore-comment findings come from engine stages, not ctx.report; such rules have one message.
    const ids = Object.keys(rule.meta.messages);
    const stageId = ids.length === 1 ? ids[0]! : '(not reported through ctx.report)';
    return { d, messageId: rec?.messageId ?? stageId, data: rec?.data ?? { message: d.message } };
  });
  return { findings: withIds, opts };
}

/**
 * Declares vitest tests for a rule from tables of valid and invalid workflows, in the manner of
 * ESLint's RuleTester: each invalid case lists its findings by message id and 1-based position,
 * and for fixable findings the exact text after `--fix` (which must also be a fixed point).
 */
export function testRule(rule: AnyRule, cases: { valid: readonly (string | ValidCase)[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      cases.valid.forEach((raw, i) => {
        const c = typeof raw === 'string' ? { code: raw } : raw;
        it(c.name ?? `valid #${i + 1}`, () => {
          const { findings } = run(rule, c);
          expect(findings.map((f) => `${f.d.line}:${f.d.column} ${f.messageId}: ${f.d.message}`)).toEqual([]);
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((c, i) => {
        it(c.name ?? `invalid #${i + 1}`, () => {
          const { findings, opts } = run(rule, c);
          const actual = findings.map(({ d, messageId, data }, k) => {
            const want = c.errors[k];
            return {
              messageId,
              line: d.line,
              column: d.column,
              ...(want?.endLine !== undefined ? { endLine: d.endLine } : {}),
              ...(want?.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
              ...(want?.severity !== undefined ? { severity: d.severity } : {}),
              ...(want?.data !== undefined ? { data } : {}),
            };
          });
          expect(actual).toEqual(c.errors);
          for (const { d } of findings) expect(d.message, 'every placeholder filled').not.toMatch(/\{\{/);
          const fixable = findings.some((f) => f.d.fix);
          if (c.output === undefined) {
            expect(fixable, 'a case whose findings have fixes must give `output`').toBe(false);
          } else if (c.output === null) {
            expect(fixable, 'output: null means no fix').toBe(false);
          } else {
            const fixed = fixText(c.code, 'workflow.yml', opts);
            expect(fixed.text).toBe(c.output);
            expect(fixText(fixed.text, 'workflow.yml', opts).text, 'fixing is idempotent').toBe(fixed.text);
          }
        });
      });
    });
  });
}
