import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Span } from '../diagnostic.js';
import { deref, findPair, keyName, mapPairs, spanOf, type Route } from '../yaml/routes.js';
import type { Located, LocatedMap, ScalarValue } from './types.js';

/**
 * A node with its route, for building the typed model. Accessors never throw: a node of the wrong
 * shape simply yields nothing (the schema check reports the shape error).
 */
export class Cursor {
  constructor(
    readonly doc: Document,
    readonly node: Node | undefined,
    readonly route: Route,
    readonly span: Span,
    readonly keySpan?: Span,
  ) {}

  static root(doc: Document): Cursor {
    const node = deref(doc, doc.contents);
    return new Cursor(doc, node, [], spanOf(node) ?? { start: 0, end: 0 });
  }

  get isMap(): boolean {
    return isMap(this.node);
  }

  get isSeq(): boolean {
    return isSeq(this.node);
  }

  /** The mapping's entries in effect order (merge keys resolved). */
  entries(): Cursor[] {
    if (!isMap(this.node)) return [];
    const out: Cursor[] = [];
    for (const pair of mapPairs(this.doc, this.node)) {
      const name = keyName(pair);
      if (name === undefined) continue;
      out.push(this.child(pair, name));
    }
    return out;
  }

  /** The value under `key`, or undefined when absent. */
  get(key: string): Cursor | undefined {
    if (!isMap(this.node)) return undefined;
    const pair = findPair(this.doc, this.node, key);
    return pair ? this.child(pair, key) : undefined;
  }

  /** The sequence's items. */
  items(): Cursor[] {
    if (!isSeq(this.node)) return [];
    return this.node.items.map((item, i) => {
      const node = deref(this.doc, item);
      return new Cursor(this.doc, node, [...this.route, i], spanOf(item) ?? spanOf(node) ?? this.span);
    });
  }

  /** The last route segment as a key name (the job id, the output name, …). */
  get key(): string {
    const last = this.route[this.route.length - 1];
    return typeof last === 'string' ? last : String(last);
  }

  /** The scalar value, or undefined for collections and empty values. */
  scalar(): ScalarValue | undefined {
    if (!isScalar(this.node)) return this.node === undefined && this.keySpan ? null : undefined;
    const v = this.node.value;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    return String(v);
  }

  /** The value as a string when it is a scalar (numbers and booleans are stringified). */
  string(): string | undefined {
    const v = this.scalar();
    return v === undefined || v === null ? undefined : String(v);
  }

  located<T>(value: T): Located<T> {
    return this.keySpan ? { value, route: this.route, span: this.span, keySpan: this.keySpan } : { value, route: this.route, span: this.span };
  }

  /** The string value with its location, when this is a non-empty scalar. */
  locatedString(): Located<string> | undefined {
    const s = this.string();
    return s === undefined ? undefined : this.located(s);
  }

  /** The scalar value with its location (null for `key:` with nothing after it). */
  locatedScalar(): Located<ScalarValue> | undefined {
    const s = this.scalar();
    return s === undefined ? undefined : this.located(s);
  }

  /** A `name: scalar` mapping (env, with, outputs, secrets); non-scalar values are skipped. */
  scalarMap(): LocatedMap {
    const out = new Map<string, Located<ScalarValue>>();
    for (const e of this.entries()) {
      const v = e.locatedScalar();
      if (v) out.set(e.key, v);
    }
    return out;
  }

  private child(pair: Pair, name: string): Cursor {
    const node = deref(this.doc, pair.value);
    const keySpan = spanOf(pair.key) ?? this.span;
    // An empty value (`key:`) has no node; point at the key so messages still have a place.
    const span = spanOf(pair.value) ?? keySpan;
    return new Cursor(this.doc, node, [...this.route, name], span, keySpan);
  }
}
