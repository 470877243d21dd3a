import { spanAt, type Diagnostic, type Fix, type Route, type Severity, type SourceFile, type Span, type Workflow } from '@slsa-kit/core';
import { formatMessage, type MessageData } from './message.js';
import type { RuleMeta } from './rule.js';
import type { LintServices } from './services.js';

/**
 * Where a finding is. A {@link Span} is used as is; a {@link Route} (`['jobs', 'build', 'steps', 0]`)
 * names a node in the document and is resolved to that node's value (or, with `part: 'key'`, its
 * key); anything carrying a `span` (every `Located` of the model) uses that span.
 */
export type Place = Span | Route | { readonly route: Route; readonly part: 'key' | 'value' } | { readonly span: Span };

/** A secondary location that helps explain a finding. */
export interface RelatedPlace {
  readonly at: Place;
  readonly message: string;
}

/** What a rule passes to {@link RuleContext.report}. */
export interface ReportDescriptor<M extends string> {
  /** A key of the rule's `meta.messages`. */
  readonly messageId: M;
  /** Values for the template's `{{placeholders}}`. */
  readonly data?: MessageData;
  /** The one primary location. */
  readonly at: Place;
  readonly related?: readonly RelatedPlace[];
  /** A safe fix: non-overlapping text edits that resolve this finding. */
  readonly fix?: Fix;
  /**
   * This finding's severity when it differs from `meta.defaultSeverity` (an outdated version is a
   * note where a broken one is an error). A severity set in the configuration overrides both.
   */
  readonly severity?: Severity;
}

/** What a rule sees of the file being linted, and how it reports. */
export interface RuleContext<M extends string = string> {
  readonly ruleId: string;
  readonly workflow: Workflow;
  readonly source: SourceFile;
  readonly document: Workflow['document'];
  /** Options from the configuration (`[severity, {…}]`), already checked against `meta.options`. */
  readonly options: Readonly<Record<string, unknown>>;
  readonly services: LintServices;
  /** True with `--online`; offline rules never need to look at it. */
  readonly online: boolean;
  report(descriptor: ReportDescriptor<M>): void;
  /** Resolves a place to its 0-based span (the same resolution `report` uses). */
  spanOf(place: Place): Span;
}

/** Everything the engine decides about one rule for one file. */
export interface ContextSetup {
  readonly meta: RuleMeta;
  readonly workflow: Workflow;
  readonly options: Readonly<Record<string, unknown>>;
  readonly services: LintServices;
  readonly online: boolean;
  /** The severity from the configuration, when the user set one. */
  readonly configuredSeverity: Severity | undefined;
  /** Receives every finding, with 0-based spans. */
  readonly sink: (diagnostic: Diagnostic) => void;
}

/** Resolves a place to a span; a route that no longer exists falls back to its nearest ancestor. */
export function resolvePlace(doc: Workflow['document'], place: Place): Span {
  if (Array.isArray(place)) return nearest(doc, place as Route, 'value');
  if ('span' in place) return place.span;
  if ('route' in place) return nearest(doc, place.route, place.part);
  return place as Span;
}

function nearest(doc: Workflow['document'], route: Route, part: 'key' | 'value'): Span {
  const exact = spanAt(doc, route, part);
  if (exact) return exact;
  for (let n = route.length - 1; n >= 0; n--) {
    const span = spanAt(doc, route.slice(0, n));
    if (span) return span;
  }
  return { start: 0, end: 0 };
}

/** Builds the context one rule gets for one file. */
export function createContext<M extends string>(setup: ContextSetup): RuleContext<M> {
  const { meta, workflow } = setup;
  const spanOf = (place: Place): Span => resolvePlace(workflow.document, place);
  return {
    ruleId: meta.id,
    workflow,
    source: workflow.source,
    document: workflow.document,
    options: setup.options,
    services: setup.services,
    online: setup.online,
    spanOf,
    report(d) {
      const template = (meta.messages as Record<string, string>)[d.messageId];
      // A typo in a message id is a bug in the rule; the typed API makes it hard, this makes it loud.
      if (template === undefined) throw new Error(`rule ${meta.id} reported unknown messageId "${d.messageId}"`);
      setup.sink({
        ruleId: meta.id,
        severity: setup.configuredSeverity ?? d.severity ?? meta.defaultSeverity,
        message: formatMessage(template, d.data),
        span: spanOf(d.at),
        ...(d.related && d.related.length > 0 ? { related: d.related.map((r) => ({ span: spanOf(r.at), message: r.message })) } : {}),
        ...(d.fix ? { fix: d.fix } : {}),
      });
    },
  };
}
