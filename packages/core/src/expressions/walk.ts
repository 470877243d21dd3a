import { isMap, isPair, isScalar, isSeq, type Document, type Scalar } from 'yaml';
import type { Diagnostic } from '../diagnostic.js';
import { keyName, type Route, type RouteSegment } from '../yaml/routes.js';
import { findExpressions, type FoundExpression } from './find-expressions.js';

/** The expressions of one scalar, with where the scalar sits in the document. */
export interface ScalarExpressions {
  readonly scalar: Scalar;
  /** The route of the value, or for a key the route of the pair it names. */
  readonly route: Route;
  readonly isKey: boolean;
  readonly expressions: readonly FoundExpression[];
  readonly diagnostics: readonly Diagnostic[];
}

/** An expression with the scalar and route it was found at. */
export interface LocatedExpression extends FoundExpression {
  readonly scalar: Scalar;
  readonly route: Route;
  readonly isKey: boolean;
}

/**
 * Visits every scalar of a document, keys included, in document order, and yields those holding
 * `${{`. Aliases are not followed: an anchored node is reported once, at its definition. The
 * walk is iterative, so nesting depth cannot exhaust the stack.
 */
export function* walkExpressions(doc: Document, text: string): Generator<ScalarExpressions> {
  // Routes are built only for the few scalars that hold an expression: each entry links to the
  // entry of its parent collection and adds one segment (none for a complex key's parts).
  interface Entry {
    readonly node: unknown;
    readonly parent: Entry | undefined;
    readonly segment: RouteSegment | undefined;
    readonly isKey: boolean;
  }
  const routeOf = (entry: Entry): Route => {
    const route: RouteSegment[] = [];
    for (let e: Entry | undefined = entry; e; e = e.parent) if (e.segment !== undefined) route.push(e.segment);
    return route.reverse();
  };
  const stack: Entry[] = [{ node: doc.contents, parent: undefined, segment: undefined, isKey: false }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { node } = entry;
    if (isScalar(node)) {
      const found = findExpressions(node, text);
      if (found.expressions.length > 0 || found.diagnostics.length > 0) yield { scalar: node, route: routeOf(entry), isKey: entry.isKey, ...found };
    } else if (isMap(node)) {
      // Pushed in reverse, so they pop in document order: key before value, first pair first.
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i];
        if (!isPair(pair)) continue;
        // A complex key (a mapping as a key) cannot be named in a route; its parts keep the parent's.
        const at: Entry = { node: undefined, parent: entry, segment: keyName(pair), isKey: false };
        stack.push({ node: pair.value, parent: at, segment: undefined, isKey: false }, { node: pair.key, parent: at, segment: undefined, isKey: true });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], parent: entry, segment: i, isKey: false });
    }
  }
}

/** Every expression of a document with its route, and every expression diagnostic. */
export function collectExpressions(doc: Document, text: string): { expressions: LocatedExpression[]; diagnostics: Diagnostic[] } {
  const expressions: LocatedExpression[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const found of walkExpressions(doc, text)) {
    for (const e of found.expressions) expressions.push({ ...e, scalar: found.scalar, route: found.route, isKey: found.isKey });
    diagnostics.push(...found.diagnostics);
  }
  return { expressions, diagnostics };
}
