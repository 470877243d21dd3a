import { parseActionRef, type ActionRef } from '@slsa-kit/core';

/**
 * `parseActionRef`, memoized. Several rules and analyses parse the same `uses:` values of a file
 * (it was the hottest function of a lint run over the real-world corpus); the parse is pure, so
 * the same value at the same offset always yields an equal ref. Refs are read-only: do not mutate.
 */
const cache = new Map<string, ActionRef>();
const MAX_ENTRIES = 4096;

export function cachedActionRef(raw: string, offset = 0): ActionRef {
  const key = `${offset}\0${raw}`;
  let ref = cache.get(key);
  if (ref === undefined) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    ref = parseActionRef(raw, offset);
    cache.set(key, ref);
  }
  return ref;
}
