import { isMap, isSeq, type Document } from 'yaml';
import type { Diagnostic, Span } from '../diagnostic.js';
import { nodeAt, spanAt, spanOf, type Route } from '../yaml/routes.js';
import type { SourceFile } from '../yaml/source-file.js';
import { collapseSchemaErrors } from './collapse.js';
import { detailedWorkflowValidator } from './detailed-validator.js';
import { passesQuickCheck } from './quick-check.js';
import type { SchemaProblem } from './problem.js';

/** The rule id of every diagnostic this module reports. */
export const WORKFLOW_SCHEMA = 'workflow-schema';

/** Aliases may be expanded this many times when the document is turned into data. */
const MAX_ALIAS_COUNT = 10_000;

function diagnostic(message: string, span: Span): Diagnostic {
  return { ruleId: WORKFLOW_SCHEMA, severity: 'error', message, span };
}

/** The nearest span on the way up from `route` to the root. */
function nearestSpan(doc: Document, route: Route): Span | undefined {
  for (let n = route.length; n >= 0; n--) {
    const span = spanAt(doc, route.slice(0, n));
    if (span) return span;
  }
  return undefined;
}

/** Where a problem is shown: a key, a short value, or the key of a multi-line value. */
function placeProblem(doc: Document, p: SchemaProblem): Span | undefined {
  const last = p.route[p.route.length - 1];
  const node = nodeAt(doc, p.route);
  if (p.part === 'key' && typeof last === 'string') return spanAt(doc, p.route, 'key') ?? nearestSpan(doc, p.route.slice(0, -1));
  if (p.part === 'mapping' || ((isMap(node) || isSeq(node)) && p.part === 'value')) {
    if (typeof last === 'string') {
      const key = spanAt(doc, p.route, 'key');
      if (key) return key;
    }
    // A list item or the root has no key of its own: show its first key.
    if (p.part === 'mapping' && isMap(node)) {
      const first = node.items[0];
      const key = first ? spanOf(first.key) : undefined;
      if (key) return key;
    }
  }
  const span = nearestSpan(doc, p.route);
  // `key:` with nothing after it has an empty value node: show the key instead.
  if (span && span.start === span.end && typeof last === 'string') return spanAt(doc, p.route, 'key') ?? span;
  return span;
}

/** The first line of the document, where problems without a better place are shown. */
function documentStart(doc: Document, source: SourceFile): Span {
  const start = spanOf(doc.contents)?.start ?? 0;
  const eol = source.text.indexOf('\n', start);
  return { start, end: eol === -1 ? source.text.length : eol };
}

/**
 * Validates a parsed workflow against the GitHub workflow JSON schema (SchemaStore's, precompiled
 * at build time, with documented patches for schema lag). Each mistake becomes one
 * `workflow-schema` error at the offending key or value, phrased for people: ajv's `oneOf`/`anyOf`
 * noise is reduced to the alternative that explains the data best.
 *
 * Expects a document without fatal YAML errors (see `parseYaml`). Findings are returned, never
 * thrown; a document that cannot be turned into data (alias expansion past the limit) is one finding.
 */
export function validateWorkflowSchema(doc: Document, source: SourceFile): Diagnostic[] {
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return [diagnostic(`the workflow could not be read as data for schema validation: ${why}`, documentStart(doc, source))];
  }
  // The quick check (refs as functions, first error only) settles the common case. Only a workflow
  // it rejects meets the detailed validator, whose errors become the messages. That one unrolls
  // recursive definitions a fixed depth and accepts anything deeper, so it may find nothing where the
  // quick check, which follows recursion all the way, failed; then nothing is reported, as before.
  if (passesQuickCheck(data)) return [];
  const { validate, schema } = detailedWorkflowValidator();
  if (validate(data)) return [];
  const problems = collapseSchemaErrors(validate.errors ?? [], { data, schema });
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const p of problems) {
    const span = placeProblem(doc, p) ?? documentStart(doc, source);
    const key = `${span.start}:${span.end}:${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic(p.message, span));
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.message.localeCompare(b.message));
}
