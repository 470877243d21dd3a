import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  collectExpressions,
  compareDiagnostics,
  loadWorkflow,
  SlsaKitError,
  type Diagnostic,
  type Severity,
  type SourceFile,
  type Workflow,
} from '@slsa-kit/core';
import { EMPTY_CONFIG, type LineIgnore, type LintConfig } from './config.js';
import { createContext } from './context.js';
import { matchesAnyGlob } from './glob.js';
import { applyIgnores, applyLineIgnores } from './ignores.js';
import type { LintDiagnostic, LintResult } from './result.js';
import type { AnyRule, RuleVisitors } from './rule.js';
import { builtinRules } from './rules/index.js';
import { defaultServices, type LintServices } from './services.js';
import { usesSiteMemo, visitWorkflow, workflowExpressions } from './traverse.js';

/** How to lint. Every field has a default, so `lintText(text, path)` lints with the built-in rules. */
export interface LintOptions {
  /** The rules that may run (default: every built-in rule). */
  readonly rules?: readonly AnyRule[];
  readonly config?: LintConfig;
  /** False for `--no-ignores`: inline ignore comments are neither applied nor checked. */
  readonly ignores?: boolean;
  /** Run rules that need the network. */
  readonly online?: boolean;
  /** Replaces some of the default services (tests, the pin database, the GitHub API). */
  readonly services?: Partial<LintServices>;
}

/** Error codes the engine throws with; both are operational failures (exit 4). */
export type EngineErrorCode = 'read-failed' | 'rule-crashed';

/**
 * Lints one workflow file's text: parse → (schema, model and rules) → ignore comments →
 * severity configuration → located, sorted findings. Never throws for anything in the file; a
 * rule that throws is a bug and surfaces as a `rule-crashed` {@link SlsaKitError}.
 */
export function lintText(input: string | Uint8Array, file: string, options: LintOptions = {}): LintResult {
  const rules = options.rules ?? builtinRules;
  const config = options.config ?? EMPTY_CONFIG;
  const services: LintServices = { ...defaultServices(), ...options.services };
  const setting = (id: string) => config.rules.get(id)?.setting;
  const loaded = loadWorkflow(input, file);
  const raw: Diagnostic[] = [...loaded.diagnostics];
  const ran = new Set<string>(['yaml-syntax']);

  if (loaded.workflow) {
    const active = rules.filter((r) => setting(r.meta.id) !== 'off' && (!r.meta.requiresNetwork || options.online));
    const visitors: { id: string; visitors: RuleVisitors }[] = active.map((rule) => {
      ran.add(rule.meta.id);
      const configured = setting(rule.meta.id);
      const ctx = createContext({
        meta: rule.meta,
        workflow: loaded.workflow!,
        options: config.rules.get(rule.meta.id)?.options ?? {},
        services,
        online: options.online ?? false,
        configuredSeverity: configured === 'off' ? undefined : configured,
        sink: (d) => raw.push(d),
      });
      return { id: rule.meta.id, visitors: guarded(rule.meta.id, file, () => rule.create(ctx)) };
    });
    runVisitors(loaded.workflow, visitors, file);
  }

  let diagnostics = raw;
  if (options.ignores !== false) {
    const outcome = applyIgnores(loaded.source, raw, new Set(rules.map((r) => r.meta.id)), ran);
    const byLine = applyLineIgnores(loaded.source, [...outcome.kept, ...outcome.problems], lineIgnoresFor(config, file), ran);
    diagnostics = [...byLine.kept, ...byLine.problems];
  }
  const configuredAgain = diagnostics.flatMap((d) => {
    // Parser and ignore findings are not made through a rule context, so their configuration applies here.
    const s = d.ruleId === 'yaml-syntax' || d.ruleId === 'ignore-comment' ? setting(d.ruleId) : undefined;
    if (s === 'off') return [];
    return [s ? { ...d, severity: s as Severity } : d];
  });
  return { file, source: loaded.source, diagnostics: configuredAgain.sort(compareDiagnostics).map((d) => locateDiagnostic(loaded.source, file, d)) };
}

function runVisitors(workflow: Workflow, rules: { id: string; visitors: RuleVisitors }[], file: string): void {
  const needsExpressions = rules.some((r) => r.visitors.expression);
  const expressions = needsExpressions ? workflowExpressions(workflow, collectExpressions(workflow.document, workflow.source.text).expressions) : [];
  const usesSite = usesSiteMemo(workflow.source.text);
  for (const { id, visitors } of rules) guarded(id, file, () => visitWorkflow(workflow, visitors, expressions, usesSite));
}

function guarded<T>(ruleId: string, file: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof SlsaKitError) throw error;
    throw new SlsaKitError<EngineErrorCode>('rule-crashed', `rule ${ruleId} crashed on ${file}`, { cause: error });
  }
}

/** Turns 0-based spans into 1-based positions: the one place the linter does it. */
export function locateDiagnostic(source: SourceFile, file: string, d: Diagnostic): LintDiagnostic {
  const { related: _related, fix: _fix, ...rest } = d;
  return {
    ...rest,
    file,
    ...source.locate(d.span),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, ...source.locate(r.span) })) } : {}),
    ...(d.fix ? { fix: { description: d.fix.description, edits: d.fix.edits.map((e) => ({ ...e, ...source.locate(e.span) })) } } : {}),
  };
}

/** Whether the configuration's `ignore:` globs exclude a file. */
export function isIgnoredFile(config: LintConfig, file: string): boolean {
  if (config.ignore.length === 0) return false;
  return matchesAnyGlob(configRelative(config, file), config.ignore);
}

/** The configuration's `ignores:` entries whose `file` matches this file. */
function lineIgnoresFor(config: LintConfig, file: string): readonly LineIgnore[] {
  if (!config.ignores || config.ignores.length === 0) return [];
  const relative = configRelative(config, file);
  return config.ignores.filter((e) => matchesAnyGlob(relative, [e.file]));
}

/** A file's path relative to the configuration's base directory, `/`-separated, as globs see it. */
function configRelative(config: LintConfig, file: string): string {
  return path.relative(config.baseDir ?? process.cwd(), path.resolve(file)).split(path.sep).join('/');
}

/**
 * Reads and lints files in order, skipping those the configuration ignores. A file that cannot
 * be read throws `read-failed` (an operational failure, not a finding).
 */
export async function lintFiles(files: readonly string[], options: LintOptions = {}): Promise<LintResult[]> {
  const results: LintResult[] = [];
  for (const file of files) {
    if (isIgnoredFile(options.config ?? EMPTY_CONFIG, file)) continue;
    let bytes: Uint8Array;
    try {
      // Synchronous on purpose: workflows are small, and an async read per file (open, stat, read,
      // close, each a thread-pool round trip) left the linter idle for a tenth of a corpus run.
      bytes = readFileSync(file);
    } catch (error) {
      throw new SlsaKitError<EngineErrorCode>('read-failed', `cannot read ${file}`, { cause: error });
    }
    results.push(lintText(bytes, file, options));
  }
  return results;
}
