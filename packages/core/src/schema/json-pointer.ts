import type { Route } from '../yaml/routes.js';
import type { PreparedSchema } from './compiled-validator.js';

/** A JSON object (a schema or a mapping in the data), read-only. */
export type JsonObject = { readonly [key: string]: unknown };

/** The value as a JSON object, or an empty one when it is not an object. */
export function asObject(value: unknown): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** Unescapes one JSON Pointer segment (RFC 6901: `~1` is `/`, `~0` is `~`). */
export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The segments of an ajv `schemaPath` (`#/properties/on/oneOf/0`, URI-encoded, pointer-escaped). */
export function schemaPathSegments(schemaPath: string): string[] {
  const body = schemaPath.startsWith('#') ? schemaPath.slice(1) : schemaPath;
  if (body === '') return [];
  return body
    .slice(1)
    .split('/')
    .map((s) => unescapeSegment(safeDecode(s)));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The route of an ajv `instancePath` (a JSON Pointer into the validated data). Segments that index
 * an array become numbers, so the route addresses the same node in the YAML document.
 */
export function instancePathToRoute(instancePath: string, data: unknown): Route {
  if (instancePath === '') return [];
  const route: (string | number)[] = [];
  let node: unknown = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const seg = unescapeSegment(raw);
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(seg)) {
      const i = Number(seg);
      route.push(i);
      node = node[i];
    } else {
      route.push(seg);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return route;
}

/** The value at `route` inside plain data, or undefined. */
export function dataAt(data: unknown, route: Route): unknown {
  let node = data;
  for (const seg of route) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/** The subschema at a schemaPath's segments, or undefined when the path leaves the schema. */
export function schemaAt(schema: PreparedSchema, segments: readonly string[]): PreparedSchema | undefined {
  let node: unknown = schema;
  for (const seg of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[Number(seg)] : (node as Record<string, unknown>)[seg];
  }
  if (typeof node === 'boolean') return node;
  return node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as PreparedSchema) : undefined;
}
