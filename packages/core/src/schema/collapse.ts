import type { ErrorObject } from 'ajv';
import type { Route } from '../yaml/routes.js';
import { MAX_LISTED, code, describeSchema, mappingName, orList, valueName } from './describe.js';
import { buildErrorTree, isCombinator, type ErrorNode } from './error-tree.js';
import { asObject, dataAt, schemaAt } from './json-pointer.js';
import { leafProblem, type MessageContext } from './messages.js';
import type { SchemaProblem } from './problem.js';

/** Keywords that judge a scalar's value; a branch failing only on these had the right shape. */
const VALUE_KEYWORDS = new Set(['type', 'enum', 'const', 'pattern', 'format', 'minLength', 'maxLength', 'minimum', 'maximum']);

const sameRoute = (a: Route, b: Route): boolean => a.length === b.length && a.every((s, i) => String(s) === String(b[i]));

interface Branch {
  readonly index: number;
  readonly problems: readonly SchemaProblem[];
}

/** Splits a combinator's child errors by the branch (`…/oneOf/<i>/…`) they came from. */
function groupByBranch(node: ErrorNode, branchCount: number): ErrorNode[][] {
  const groups: ErrorNode[][] = Array.from({ length: branchCount }, () => []);
  for (const child of node.children) {
    const index = Number(child.schemaPath[node.schemaPath.length]);
    groups[Number.isInteger(index) && index < branchCount ? index : 0]?.push(child);
  }
  return groups;
}

function unionProblem(node: ErrorNode, branchSchemas: readonly unknown[], ctx: MessageContext, keyword: string, suggestion?: string): SchemaProblem {
  const route = node.route;
  const expected = describeSchema({ anyOf: branchSchemas });
  const value = dataAt(ctx.data, route);
  let message = value === null ? `${valueName(route)} has no value; it must be ${expected}` : `${valueName(route)} must be ${expected}`;
  if (suggestion !== undefined) message += `; did you mean ${code(suggestion)}?`;
  return { message, route, part: 'value', instance: route, keyword };
}

/** The `oneOf` that failed because several branches matched: say which keys clash. */
function ambiguity(node: ErrorNode, branchSchemas: readonly unknown[], passing: readonly number[]): SchemaProblem {
  const route = node.route;
  const keys = passing.map((i) => asObject(branchSchemas[i])['required']).map((r) => (Array.isArray(r) && r.length === 1 ? String(r[0]) : undefined));
  if (keys.every((k) => k !== undefined)) {
    const list = keys.map(code);
    const both = list.length === 2 ? `both ${list[0]} and ${list[1]}` : `more than one of ${list.join(', ')}`;
    return { message: `${mappingName(route)} cannot have ${both}`, route: [...route, keys[keys.length - 1]!], part: 'key', instance: route, keyword: 'oneOf' };
  }
  return { message: `${valueName(route)} matches more than one allowed form (${describeSchema({ anyOf: passing.map((i) => branchSchemas[i]) })})`, route, part: 'value', instance: route, keyword: 'oneOf' };
}

/** The keys of a `oneOf` whose branches only say "has key X" (a step's `uses` | `run` | …). */
function requiredOnly(branchSchemas: readonly unknown[]): string[] | undefined {
  const keys: string[] = [];
  for (const s of branchSchemas) {
    const o = asObject(s);
    const required = o['required'];
    if (Object.keys(o).length !== 1 || !Array.isArray(required) || required.length !== 1) return undefined;
    keys.push(String(required[0]));
  }
  return keys.length > 0 ? keys : undefined;
}

function maxDepth(problems: readonly SchemaProblem[]): number {
  return problems.reduce((m, p) => Math.max(m, p.instance.length), 0);
}

/** The branch that explains the failure best: right type, required keys present, fewest problems, deepest. */
function rankBranches(a: Branch, b: Branch, at: Route): number {
  const missing = (x: Branch) => (x.problems.some((p) => p.keyword === 'required' && sameRoute(p.instance, at)) ? 1 : 0);
  return missing(a) - missing(b) || a.problems.length - b.problems.length || maxDepth(b.problems) - maxDepth(a.problems) || a.index - b.index;
}

function resolveCombinator(node: ErrorNode, ctx: MessageContext): SchemaProblem[] {
  const keyword = node.error.keyword;
  const branchSchemas = (asObject(schemaAt(ctx.schema, node.schemaPath.slice(0, -1)))[keyword] as unknown[] | undefined) ?? [];
  if (branchSchemas.length === 0) return node.children.flatMap((c) => resolve(c, ctx));
  const passing = node.error.params['passingSchemas'];
  if (Array.isArray(passing)) return [ambiguity(node, branchSchemas, passing as number[])];
  const at = node.route;
  const keys = requiredOnly(branchSchemas);
  if (keys) {
    return [{ message: `${mappingName(at)} must have one of ${orList(keys.map(code))}`, route: at, part: 'mapping', instance: at, keyword: 'required' }];
  }
  const branches: Branch[] = groupByBranch(node, branchSchemas.length).map((children, index) => ({
    index,
    problems: children.flatMap((c) => resolve(c, ctx)),
  }));
  const shaped = branches.filter((b) => b.problems.length > 0 && !b.problems.some((p) => p.keyword === 'type' && sameRoute(p.instance, at)));
  if (shaped.length === 0) return [unionProblem(node, branchSchemas, ctx, 'type')];
  const valueOnly = shaped.every((b) => b.problems.every((p) => sameRoute(p.instance, at) && VALUE_KEYWORDS.has(p.keyword)));
  if (valueOnly) {
    const enums = shaped.flatMap((b) => b.problems.filter((p) => p.keyword === 'enum'));
    const only = shaped.length === 1 && enums.length === 1 ? enums[0]! : undefined;
    if (only && (only.choices ?? 0) > MAX_LISTED) return [only];
    return [unionProblem(node, branchSchemas, ctx, 'value', enums.find((p) => p.suggestion)?.suggestion)];
  }
  const best = [...shaped].sort((a, b) => rankBranches(a, b, at))[0]!;
  return [...best.problems];
}

function resolve(node: ErrorNode, ctx: MessageContext): SchemaProblem[] {
  if (isCombinator(node)) return resolveCombinator(node, ctx);
  const problem = leafProblem(node, ctx);
  return problem ? [problem] : [];
}

/**
 * Turns ajv's errors (many per mistake once `oneOf`/`anyOf` branches are involved) into one
 * problem per mistake: for each failed combinator, the branch that explains the data best, or a
 * single "must be A or B" when the value simply has the wrong type.
 */
export function collapseSchemaErrors(errors: readonly ErrorObject[], ctx: MessageContext): SchemaProblem[] {
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  for (const node of buildErrorTree(errors, ctx.data)) {
    for (const p of resolve(node, ctx)) {
      const key = `${JSON.stringify(p.route)}\0${p.part}\0${p.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}
