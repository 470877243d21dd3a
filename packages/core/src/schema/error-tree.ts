import type { ErrorObject } from 'ajv';
import type { Route } from '../yaml/routes.js';
import { instancePathToRoute, schemaPathSegments } from './json-pointer.js';

/** One ajv error with its decoded paths; combinator errors own the errors of their branches. */
export interface ErrorNode {
  readonly error: ErrorObject;
  readonly route: Route;
  readonly schemaPath: readonly string[];
  /** For `oneOf`/`anyOf`: the errors of the failed branches, in ajv's order. */
  readonly children: readonly ErrorNode[];
}

const COMBINATORS = new Set(['oneOf', 'anyOf']);

/** True when the error is a `oneOf`/`anyOf` failure that owns branch errors. */
export function isCombinator(node: ErrorNode): boolean {
  return COMBINATORS.has(node.error.keyword);
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => path[i] === s);
}

function within(route: Route, ancestor: Route): boolean {
  return startsWith(route.map(String), ancestor.map(String));
}

/**
 * Groups ajv's flat error list (from `allErrors: true`) into a forest.
 *
 * ajv evaluates a `oneOf`/`anyOf` branch by branch and, when none (or several) pass, keeps the
 * branches' errors and appends its own. So the errors just before a combinator error, at or below
 * its instance location and under its schema path, are its branches' errors. This relies on the
 * schema having no `$ref` (the build inlines them), so every schemaPath is a full path.
 */
export function buildErrorTree(errors: readonly ErrorObject[], data: unknown): ErrorNode[] {
  const forest: ErrorNode[] = [];
  for (const error of errors) {
    const route = instancePathToRoute(error.instancePath, data);
    const schemaPath = schemaPathSegments(error.schemaPath);
    if (!COMBINATORS.has(error.keyword)) {
      forest.push({ error, route, schemaPath, children: [] });
      continue;
    }
    const children: ErrorNode[] = [];
    while (forest.length > 0) {
      const last = forest[forest.length - 1]!;
      const underBranch = last.schemaPath.length > schemaPath.length && startsWith(last.schemaPath, schemaPath);
      if (!underBranch || !within(last.route, route)) break;
      children.unshift(forest.pop()!);
    }
    forest.push({ error, route, schemaPath, children });
  }
  return forest;
}
