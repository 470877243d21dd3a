import type { Job, LocatedExpression, NormalJob, ReusableJob, Severity, Step, Workflow } from '@slsa-kit/core';
import type { RuleContext } from './context.js';
import type { UsesSite } from './uses-site.js';

/** The type of one rule option, checked when the configuration is loaded. */
export type RuleOptionType = 'string' | 'number' | 'boolean' | 'string[]';

/**
 * What a rule is, independent of any file. Everything here is public contract: `id` appears in
 * output, configuration and ignore comments; `messages` are the only texts a rule may report.
 */
export interface RuleMeta<M extends string = string> {
  /** Kebab-case id from DESIGN.md's rule catalogue. */
  readonly id: string;
  /** One sentence, shown in SARIF `shortDescription` and the README rules table. */
  readonly description: string;
  /** Severity when the configuration does not set one (a report may lower it, see `report`). */
  readonly defaultSeverity: Severity;
  /** Whether some findings carry a fix that `--fix` applies. */
  readonly fixable: boolean;
  /** Rules that need the GitHub API run only with `--online`. */
  readonly requiresNetwork: boolean;
  /** The rule's documentation page (SARIF `helpUri`). */
  readonly docsUrl: string;
  /**
   * Message templates by message id. `{{name}}` is replaced by `data.name` from the report, so
   * the wording lives in one place and tests can assert message ids instead of text.
   */
  readonly messages: Readonly<Record<M, string>>;
  /** Options the rule accepts (`rules: {id: [severity, {name: value}]}`), by name and type. */
  readonly options?: Readonly<Record<string, RuleOptionType>>;
}

/**
 * Callbacks the engine calls while it walks one workflow's model, in document order. A rule
 * implements only the ones it needs; every callback may call `ctx.report` any number of times.
 */
export interface RuleVisitors {
  /** Once per file, before any job. */
  readonly workflow?: (workflow: Workflow) => void;
  /** Every job, normal or reusable, before its steps. */
  readonly job?: (job: Job) => void;
  /** Jobs that call a reusable workflow (`jobs.<id>.uses`), after `job`. */
  readonly reusableJob?: (job: ReusableJob) => void;
  /** Every step of every normal job. */
  readonly step?: (step: Step, job: NormalJob) => void;
  /**
   * Every `uses:` value (steps and reusable jobs), parsed, with its version comment — once per place
   * in the file, even when a YAML alias repeats it (use `step` / `reusableJob` for every occurrence).
   */
  readonly uses?: (site: UsesSite) => void;
  /** Every `${{ … }}` in the file and every bare `if:` condition, parsed and located. */
  readonly expression?: (expression: LocatedExpression) => void;
  /** Once per file, after everything else: for rules that collect first and judge at the end. */
  readonly workflowExit?: (workflow: Workflow) => void;
}

/**
 * A lint rule: its meta and a factory that is called once per file with that file's context.
 * State shared between visitors lives in the closure `create` returns, so it never leaks
 * between files.
 */
export interface Rule<M extends string = string> {
  readonly meta: RuleMeta<M>;
  readonly create: (ctx: RuleContext<M>) => RuleVisitors;
}

/**
 * Declares a rule with its message ids inferred from `meta.messages`, so `ctx.report` only
 * accepts ids the rule defines. Returns the rule unchanged.
 */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

/** A rule of any message-id type, as the registry and engine hold them. */
// The engine only passes contexts it built for the same rule, so widening M here is sound.
export type AnyRule = Rule<string>;
