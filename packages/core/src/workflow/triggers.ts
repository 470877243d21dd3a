import type { Cursor } from './cursor.js';
import type { Trigger } from './types.js';

/**
 * Normalizes the three forms of `on:` — `on: push`, `on: [push, pull_request]` and
 * `on: {push: {branches: [main]}}` — into one list of triggers.
 */
export function readTriggers(on: Cursor | undefined): Trigger[] {
  if (!on) return [];
  if (on.isSeq) {
    return on.items().flatMap((item) => {
      const event = item.string();
      return event ? [{ event, route: item.route, span: item.span }] : [];
    });
  }
  if (on.isMap) {
    return on.entries().map((e) => ({
      event: e.key,
      route: e.route,
      span: e.keySpan ?? e.span,
      ...(e.node ? { config: e.node } : {}),
    }));
  }
  const event = on.string();
  return event ? [{ event, route: on.route, span: on.span }] : [];
}
