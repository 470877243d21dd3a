import { isMap, isPair, isScalar, isSeq, type Document, type Scalar } from 'yaml';
import type { Diagnostic } from '../diagnostic.js';
import { keyName, type Route } from '../yaml/routes.js';
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
  const stack: { node: unknown; route: Route; isKey: boolean }[] = [{ node: doc.contents, route: [], isKey: false }];
  while (stack.length > 0) {
    const { node, route, isKey } = stack.pop()!;
    if (isScalar(node)) {
      const found = findExpressions(node, text);
      if (found.expressions.length > 0 || found.diagnostics.length > 0) yield { scalar: node, route, isKey, ...found };
    } else if (isMap(node)) {
      const next: typeof stack = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        // A complex key (a mapping as a key) cannot be named in a route; its parts keep the parent's.
        const name = keyName(pair);
        const at = name === undefined ? route : [...route, name];
        next.push({ node: pair.key, route: at, isKey: true }, { node: pair.value, route: at, isKey: false });
      }
      stack.push(...next.reverse());
    } else if (isSeq(node)) {
      const next = node.items.map((item, i) => ({ node: item, route: [...route, i], isKey: false }));
      stack.push(...next.reverse());
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
