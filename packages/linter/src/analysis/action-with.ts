import { Cursor, type Route, type Span, type Workflow } from '@slsa-kit/core';

/** One key of a `with:` mapping, whatever its value's shape. */
export interface WithKey {
  readonly name: string;
  readonly keySpan: Span;
}

/**
 * The keys of the `with:` under `owner` (a step's or a reusable job's route): `[]` when there is
 * no `with:`, undefined when it is not a mapping (an expression such as `${{ fromJSON(…) }}`),
 * whose keys are only known at run time. Unlike the model's scalar map, keys with list or mapping
 * values count too, so a required input given as a block is not mistaken for a missing one.
 */
export function withKeys(document: Workflow['document'], owner: Route): WithKey[] | undefined {
  let cursor: Cursor | undefined = Cursor.root(document);
  for (const segment of owner) {
    cursor = typeof segment === 'number' ? cursor.items()[segment] : cursor.get(segment);
    if (!cursor) return [];
  }
  const withCursor = cursor.get('with');
  if (!withCursor || withCursor.node === undefined || withCursor.node === null) return [];
  if (!withCursor.isMap) return undefined;
  return withCursor.entries().map((e) => ({ name: e.key, keySpan: e.keySpan ?? e.span }));
}
