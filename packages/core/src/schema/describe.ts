import type { Route } from '../yaml/routes.js';
import type { PreparedSchema } from './compiled-validator.js';
import { asObject } from './json-pointer.js';

/** The schema's pattern for a whole-value expression, `${{ … }}`. */
export const EXPRESSION_PATTERN = '^\\$\\{\\{(.|[\r\n])*\\}\\}$';
/** The schema's pattern for a string that contains an expression somewhere. */
export const CONTAINS_EXPRESSION_PATTERN = '^.*\\$\\{\\{(.|[\r\n])*\\}\\}.*$';
/** The schema's pattern for job ids, input names and other identifiers. */
export const IDENTIFIER_PATTERN = '^[_a-zA-Z][a-zA-Z0-9_-]*$';

/** Allowed values are listed in a message up to this many; longer lists are summarised. */
export const MAX_LISTED = 8;

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'a boolean',
  object: 'a mapping',
  array: 'a list',
  null: 'empty',
};

/** `a`, `a or b`, `a, b or c`. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** A value quoted for a message. */
export function code(value: unknown): string {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

/** The JSON type of a value, as ajv names it. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const SCALARS = new Set(['string', 'number', 'integer', 'boolean', 'null']);

/**
 * A list of types that takes any scalar is written "a string": GitHub reads `run: true` or
 * `KEY: 1` as text anyway. A narrower list (`boolean` or `string`) is kept as it is.
 */
function typeList(types: unknown): string[] {
  const list = (Array.isArray(types) ? types : String(types).split(',')).map(String);
  const anyScalar = ['string', 'number', 'boolean'].every((t) => list.includes(t)) && list.every((t) => SCALARS.has(t));
  return anyScalar ? ['string'] : list;
}

/** A type keyword (`string`, `boolean,number`) as words. */
export function describeTypes(types: unknown): string {
  return orList(typeList(types).map((t) => TYPE_WORDS[t] ?? `a ${t}`));
}

interface Phrase {
  readonly text: string;
  /** Any string of this shape is also "a string", so the phrase is redundant next to it. */
  readonly stringy: boolean;
}

function phrases(schema: unknown): Phrase[] {
  if (schema === true) return [{ text: 'any value', stringy: false }];
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return [];
  const s = asObject(schema);
  if (Array.isArray(s['enum'])) {
    const values = s['enum'] as unknown[];
    const stringy = values.every((v) => typeof v === 'string');
    if (values.length <= MAX_LISTED) return values.map((v) => ({ text: code(v), stringy }));
    return [{ text: values.includes('push') ? 'an event name' : 'one of the allowed values', stringy }];
  }
  if ('const' in s) return [{ text: code(s['const']), stringy: typeof s['const'] === 'string' }];
  if (s['pattern'] === EXPRESSION_PATTERN) return [{ text: 'an expression', stringy: true }];
  if (s['pattern'] === CONTAINS_EXPRESSION_PATTERN) return [{ text: 'a string with an expression', stringy: true }];
  if (s['type'] !== undefined) {
    return typeList(s['type']).map((t) => ({ text: TYPE_WORDS[t] ?? `a ${t}`, stringy: false }));
  }
  for (const k of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(s[k])) return (s[k] as unknown[]).flatMap(phrases);
  }
  if (Array.isArray(s['allOf'])) {
    const inner = (s['allOf'] as unknown[]).flatMap(phrases);
    if (inner.length > 0) return inner;
  }
  if (Array.isArray(s['required']) && s['required'].length > 0) {
    return [{ text: `a mapping with ${orList((s['required'] as unknown[]).map(code))}`, stringy: false }];
  }
  return [];
}

/**
 * The alternatives a schema allows, in words: "a number or an expression". Phrases made
 * redundant by a plain "a string" are dropped.
 */
export function describeSchema(schema: PreparedSchema | undefined): string {
  let list = phrases(schema);
  const has = (type: string) => list.some((p) => p.text === TYPE_WORDS[type]);
  if (has('string') && has('number') && has('boolean')) {
    const scalarWords = new Set([...SCALARS].filter((t) => t !== 'string').map((t) => TYPE_WORDS[t]));
    list = list.filter((p) => !scalarWords.has(p.text));
  }
  const hasString = has('string');
  const texts: string[] = [];
  for (const p of list) {
    if (hasString && p.stringy) continue;
    if (!texts.includes(p.text)) texts.push(p.text);
  }
  return texts.length > 0 ? orList(texts) : 'a valid value';
}

/** How to name the value at a route: "`timeout-minutes`", "item 2 of `needs`", "the workflow". */
export function valueName(route: Route): string {
  const last = route[route.length - 1];
  if (last === undefined) return 'the workflow';
  if (typeof last === 'string') return code(last);
  const parent = route[route.length - 2];
  if (parent === 'steps') return `step ${last + 1}`;
  return `item ${last + 1} of ${parent === undefined ? 'the workflow' : code(parent)}`;
}

/** How to name the mapping at a route when reporting keys in it: "job `build`", "step", "input `x`". */
export function mappingName(route: Route): string {
  const n = route.length;
  const last = route[n - 1];
  const parent = route[n - 2];
  if (n === 0) return 'the workflow';
  if (n === 2 && route[0] === 'jobs') return `job ${code(last)}`;
  if (typeof last === 'number' && parent === 'steps') return 'step';
  if (typeof last === 'number' && parent === 'parallel') return 'parallel step';
  if (n === 2 && route[0] === 'on') return `event ${code(last)}`;
  if (route[0] === 'on' && n === 4 && parent === 'inputs') return `input ${code(last)}`;
  if (route[0] === 'on' && n === 4 && parent === 'outputs') return `output ${code(last)}`;
  if (route[0] === 'on' && n === 4 && parent === 'secrets') return `secret ${code(last)}`;
  if (typeof last === 'string' && parent === 'services') return `service ${code(last)}`;
  return valueName(route);
}

/** What the keys of the mapping at a route are, for "unknown X" messages. */
export function keyKind(route: Route): string {
  if (route.length === 1 && route[0] === 'on') return 'event';
  if (route[route.length - 1] === 'permissions') return 'permission';
  return 'key';
}
