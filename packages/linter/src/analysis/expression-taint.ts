import { findExpressions, literalResults, nodeAt, type ExpressionReference, type FoundExpression, type Workflow } from '@slsa-kit/core';
import { possibleSource, referenceKey, type TaintSource, type TriggerFacts } from './attacker-controlled.js';
import { resolveEnv, scopeOfDefinition, visibleEnv, type EnvDefinition, type EnvScope } from './env-definitions.js';
import { renderedReferences, type RenderedValue } from './rendered-values.js';

type Scalar = Parameters<typeof findExpressions>[0];

/** A reference whose rendered value can carry text someone else chose. */
export interface TaintedRead {
  readonly ref: ExpressionReference;
  readonly source: TaintSource;
  /** The access as written, when a computed index is on the way (see RenderedValue). */
  readonly computed?: string;
  /** For a read of `env`: the definition read and the tainted read in its value. */
  readonly env?: { readonly definition: EnvDefinition; readonly origin: TaintedRead };
}

const ORDER = ['attacker', 'caller', 'dispatcher'] as const;
const strongest = <T extends { readonly source: TaintSource }>(reads: readonly (T | undefined)[]): T | undefined =>
  ORDER.map((t) => reads.find((r) => r?.source.taint === t)).find((r) => r !== undefined);

/**
 * Judges the reads of expressions pasted into scripts and `env:` values, for one workflow. `env`
 * reads follow the definitions in scope to the reads in their values; each definition is judged
 * once per scope level (a step's `env:` may read the job's and workflow's, which read no `env`).
 */
export class TaintJudge {
  /** Judged definitions by route (each step builds its own scope objects). */
  private readonly definitions = new Map<string, TaintedRead | null>();

  constructor(
    private readonly workflow: Workflow,
    private readonly facts: TriggerFacts,
  ) {}

  /**
   * The reads of `expression` whose rendered value can carry someone else's text, the strongest
   * per reference; `scope` is the `env` context where it is evaluated. Expressions that can only
   * render constants (`x && 'a' || 'b'`, comparisons) have none.
   */
  reads(expression: FoundExpression, scope: EnvScope): TaintedRead[] {
    if (!expression.ast || literalResults(expression.ast) !== undefined) return [];
    const rendered = renderedReferences(expression.ast);
    const out: TaintedRead[] = [];
    for (const ref of expression.references) {
      const values = rendered.get(referenceKey(ref.context, ref.path)) ?? [];
      const candidates = values.flatMap((v) => (ref.context === 'env' ? this.envReads(ref, v, scope) : [this.read(ref, v)]));
      const read = strongest(candidates);
      if (read) out.push(read);
    }
    return out;
  }

  private read(ref: ExpressionReference, value: RenderedValue): TaintedRead | undefined {
    const source = possibleSource(ref.context, value.path, this.facts, value.computed !== undefined);
    return source && { ref, source, ...(value.computed !== undefined ? { computed: value.computed } : {}) };
  }

  private envReads(ref: ExpressionReference, value: RenderedValue, scope: EnvScope): (TaintedRead | undefined)[] {
    const [name, ...below] = value.path;
    // Below a variable (a string) there is nothing to read.
    if (below.length > 0 && name !== '*') return [];
    const written = ref.path[0];
    const read = name === undefined || name === '*' || typeof written !== 'string' ? visibleEnv(scope) : [resolveEnv(scope, written)];
    return read.map((definition) => {
      const origin = definition && this.definition(definition, scope);
      if (!origin) return undefined;
      // A computed index into `env` chooses the variable; one set through a computed index stays chosen.
      const source = { ...origin.source, chosen: origin.source.chosen || value.computed !== undefined };
      return { ref, source, ...(value.computed !== undefined ? { computed: value.computed } : {}), env: { definition, origin } };
    });
  }

  /** The strongest tainted read in a definition's value, or undefined when it is safe. */
  private definition(definition: EnvDefinition, scope: EnvScope): TaintedRead | undefined {
    const key = definition.value.route.join('\u0000');
    const known = this.definitions.get(key);
    if (known !== undefined) return known ?? undefined;
    const node = nodeAt(this.workflow.document, definition.value.route);
    // A scalar is the one node kind with a `value` and no `items`; `yaml` is core's dependency, not ours.
    const scalar = node && 'value' in node && !('items' in node) ? (node as Scalar) : undefined;
    const found = scalar ? findExpressions(scalar, this.workflow.source.text).expressions : [];
    const inner = scopeOfDefinition(scope, definition);
    const result = strongest(found.flatMap((e) => this.reads(e, inner)));
    this.definitions.set(key, result ?? null);
    return result;
  }
}
