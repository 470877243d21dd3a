/**
 * Build-time schema preparation, shared by `compile-schema.mjs`: apply the documented data-only
 * patches, drop annotations, and inline every non-recursive `$ref`.
 *
 * Inlining matters for error messages, not for validation: ajv reports an error inside a `$ref`
 * with a schemaPath relative to the referenced definition (for a recursive one, relative to `#`
 * itself), which loses the `oneOf`/`anyOf` branch the error came from and even which definition it
 * is. With refs inlined, every error's schemaPath is a full path from the root.
 *
 * The two recursive definitions (`step`, through `parallel`, and `configuration`, matrix values)
 * are unrolled: a definition may appear RECURSION_LIMIT times inside itself, deeper than that any
 * value is accepted. So the steps of a `parallel` group are checked like steps, but a group inside
 * a group inside a group is not; matrix values are checked two levels deep. Each further level
 * costs ~100 kB of generated code for no realistic workflow.
 */

/** How many times a recursive definition may appear inside itself before it accepts anything. */
export const RECURSION_LIMIT = 1;

/** Keywords that only annotate; they never change validation. */
const ANNOTATIONS = new Set(['description', 'markdownDescription', '$comment', 'default', 'examples', 'title', 'deprecationMessage']);
/** Keywords whose value is one subschema. */
const ONE = ['additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'not', 'if', 'then', 'else'];
/** Keywords whose value is a list of subschemas. */
const LIST = ['allOf', 'anyOf', 'oneOf'];
/** Keywords whose value maps names to subschemas. */
const MAP = ['properties', 'patternProperties', 'definitions', 'dependencies'];

/** Decodes one JSON Pointer (RFC 6901) into its segments. */
export function pointerSegments(pointer) {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Applies RFC 6902 operations (`add`, `replace`, `remove`, `test`) to a deep copy of `doc`. Each
 * operation must carry a `reason`; a patch that no longer applies (the upstream schema changed)
 * fails the build rather than silently doing nothing.
 */
export function applyPatches(doc, patches) {
  const out = structuredClone(doc);
  for (const [i, p] of patches.entries()) {
    if (typeof p.reason !== 'string' || p.reason.length < 10) throw new Error(`patch ${i} (${p.path}) has no reason`);
    const segs = pointerSegments(p.path);
    const last = segs.pop();
    let parent = out;
    for (const s of segs) {
      parent = Array.isArray(parent) ? parent[Number(s)] : parent?.[s];
      if (parent === undefined) throw new Error(`patch ${i}: ${p.path} does not exist in the schema`);
    }
    const isArr = Array.isArray(parent);
    const exists = isArr ? last === '-' || Number(last) < parent.length : Object.hasOwn(parent, last);
    switch (p.op) {
      case 'add':
        if (isArr) parent.splice(last === '-' ? parent.length : Number(last), 0, p.value);
        else parent[last] = p.value;
        break;
      case 'replace':
        if (!exists) throw new Error(`patch ${i}: ${p.path} does not exist`);
        if (isArr) parent[Number(last)] = p.value;
        else parent[last] = p.value;
        break;
      case 'remove':
        if (!exists) throw new Error(`patch ${i}: ${p.path} does not exist`);
        if (isArr) parent.splice(Number(last), 1);
        else delete parent[last];
        break;
      case 'test': {
        const actual = isArr ? parent[Number(last)] : parent[last];
        if (JSON.stringify(actual) !== JSON.stringify(p.value)) throw new Error(`patch ${i}: test failed at ${p.path}`);
        break;
      }
      default:
        throw new Error(`patch ${i}: unsupported op ${p.op}`);
    }
  }
  return out;
}

/** Maps every subschema of `schema` through `fn`, keeping non-schema keywords as they are. */
function mapSubschemas(schema, fn) {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    if (ANNOTATIONS.has(k)) continue;
    if (ONE.includes(k)) out[k] = fn(v);
    else if (LIST.includes(k)) out[k] = v.map(fn);
    else if (k === 'items') out[k] = Array.isArray(v) ? v.map(fn) : fn(v);
    else if (MAP.includes(k)) {
      out[k] = {};
      // `dependencies` values may be a list of property names instead of a schema.
      for (const [name, sub] of Object.entries(v)) out[k][name] = Array.isArray(sub) ? sub : fn(sub);
    } else out[k] = v;
  }
  return out;
}

/** Returns the schema with annotations removed everywhere, `$ref`s and `definitions` kept. */
export function stripAnnotations(schema) {
  return mapSubschemas(schema, stripAnnotations);
}

/**
 * Returns the schema with annotations removed and every `$ref` replaced by (a copy of) its
 * definition; recursion is unrolled RECURSION_LIMIT levels, then accepts anything. The result has
 * no `definitions` and no `$ref`.
 */
export function inlineRefs(root) {
  const defs = root.definitions ?? {};
  const refName = (ref) => {
    const m = /^#\/definitions\/([^/]+)$/.exec(ref);
    if (!m || !Object.hasOwn(defs, m[1])) throw new Error(`unsupported $ref ${ref}`);
    return m[1];
  };
  const walk = (schema, stack) => {
    if (schema === null || typeof schema !== 'object') return schema;
    if (typeof schema.$ref === 'string') {
      const name = refName(schema.$ref);
      const { $ref: _ref, ...rest } = schema;
      const depth = stack.filter((n) => n === name).length;
      const target = depth > RECURSION_LIMIT ? true : walk(defs[name], [...stack, name]);
      const siblings = walk(rest, stack);
      if (Object.keys(siblings).length === 0) return target;
      // Draft-07 ignores siblings of $ref but ajv applies them; allOf keeps ajv's behaviour.
      return { ...siblings, allOf: [...(siblings.allOf ?? []), target] };
    }
    return mapSubschemas(schema, (s) => walk(s, stack));
  };
  const { definitions: _defs, ...top } = root;
  return walk(top, []);
}
