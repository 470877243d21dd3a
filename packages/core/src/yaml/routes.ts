import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Span } from '../diagnostic.js';

/** One step from a parent node: a mapping key or a sequence index. */
export type RouteSegment = string | number;
/** The path from the document root to a node, e.g. `['jobs', 'build', 'steps', 0, 'uses']`. */
export type Route = readonly RouteSegment[];

/** Follows an alias to its anchored node (one hop; anchors cannot point at aliases). */
export function deref(doc: Document, node: unknown): Node | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  if (isAlias(node)) {
    const target = node.resolve(doc);
    return (target as Node | undefined) ?? undefined;
  }
  return node as Node;
}

/** The scalar text of a key (`on`, `jobs`, …), or undefined for complex keys. */
export function keyName(pair: Pair): string | undefined {
  const key = pair.key as unknown;
  if (!isScalar(key)) return undefined;
  const v = key.value;
  if (v === null) return '';
  // With merge keys enabled the library represents `<<` as a symbol.
  return typeof v === 'symbol' ? (v.description ?? '') : String(v);
}

/** Whether a pair is a merge key (`<<: *anchor`); a quoted `"<<"` is an ordinary key. */
function isMergePair(pair: Pair): boolean {
  return keyName(pair) === '<<' && !(isScalar(pair.key) && pair.key.type !== 'PLAIN');
}

/** Whether every item of a mapping is a plain pair and none is a merge key (the usual case). */
function withoutMerges(map: YAMLMap): boolean {
  for (const pair of map.items) if (!isPair(pair) || isMergePair(pair)) return false;
  return true;
}

/**
 * Pairs of a mapping in effect order: explicit keys first, then keys merged in through `<<`
 * (which never override an explicit key). Without merge keys this is the mapping's own item list,
 * not a copy (it is called for every key lookup of a lint run): do not mutate the result.
 */
export function mapPairs(doc: Document, map: YAMLMap, seenMaps?: Set<YAMLMap>): readonly Pair[] {
  if (!seenMaps && withoutMerges(map)) return map.items as Pair[];
  const seen = seenMaps ?? new Set<YAMLMap>();
  if (seen.has(map)) return [];
  seen.add(map);
  const own: Pair[] = [];
  const merged: Pair[] = [];
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    if (isMergePair(pair)) {
      const sources = deref(doc, pair.value);
      const list = isSeq(sources) ? sources.items.map((s) => deref(doc, s)) : [sources];
      for (const src of list) if (isMap(src)) merged.push(...mapPairs(doc, src, seen));
      continue;
    }
    own.push(pair);
  }
  const names = new Set(own.map(keyName));
  return [...own, ...merged.filter((p) => !names.has(keyName(p)))];
}

/** The pair for `key` in a mapping, following merge keys. */
export function findPair(doc: Document, map: YAMLMap, key: string): Pair | undefined {
  for (const pair of map.items) {
    // Explicit keys come first in effect order; a merge key sends the search the long way.
    if (!isPair(pair) || isMergePair(pair)) return mapPairs(doc, map).find((p) => keyName(p) === key);
    if (keyName(pair) === key) return pair;
  }
  return undefined;
}

/** The node at a route, following aliases and merge keys; undefined when absent. */
export function nodeAt(doc: Document, route: Route): Node | undefined {
  let node = deref(doc, doc.contents);
  for (const seg of route) {
    if (!node) return undefined;
    if (typeof seg === 'number') {
      node = isSeq(node) ? deref(doc, node.items[seg]) : undefined;
    } else {
      const pair = isMap(node) ? findPair(doc, node, seg) : undefined;
      node = pair ? deref(doc, pair.value) : undefined;
    }
  }
  return node;
}

/** The pair whose value is at `route` (the last segment must be a key). */
export function pairAt(doc: Document, route: Route): Pair | undefined {
  const last = route[route.length - 1];
  if (typeof last !== 'string') return undefined;
  const parent = nodeAt(doc, route.slice(0, -1));
  return isMap(parent) ? findPair(doc, parent, last) : undefined;
}

/** The span of a node's value (without a trailing comment), or undefined when it has no range. */
export function spanOf(node: unknown): Span | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const range = (node as Node).range;
  if (!range) return undefined;
  return { start: range[0], end: range[1] };
}

/**
 * The span of what a route names: its value, or with `part: 'key'` its key (useful for "remove this
 * key" messages). A missing key resolves to undefined, so callers point at the parent instead.
 */
export function spanAt(doc: Document, route: Route, part: 'value' | 'key' = 'value'): Span | undefined {
  if (route.length === 0) return spanOf(doc.contents);
  if (part === 'key') {
    const pair = pairAt(doc, route);
    return pair ? spanOf(pair.key) : undefined;
  }
  const pair = typeof route[route.length - 1] === 'string' ? pairAt(doc, route) : undefined;
  if (pair && pair.value === null) {
    // `key:` with no value: point at the key.
    return spanOf(pair.key);
  }
  return spanOf(nodeAt(doc, route));
}
