import { editDistance } from './edit-distance.js';

// Words in any order and singular or plural (`subject-base64` → `base64-subjects`).
const words = (s: string): string =>
  s
    .toLowerCase()
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w.replace(/s$/, ''))
    .sort()
    .join(' ');

/**
 * The candidate a person most likely meant by `word`, or undefined when none is close: same words
 * in another order, separator or number (`paths_ignore`, `ignore-paths` → `paths-ignore`), or a few
 * typos. Shared by the schema messages, the lint rules and the config loader.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates].filter((c) => c !== word);
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const exact = list.find((c) => norm(c) === norm(word)) ?? list.find((c) => words(c) === words(word));
  if (exact !== undefined) return exact;
  const limit = word.length <= 3 ? 1 : word.length <= 6 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of list) {
    const dist = editDistance(word.toLowerCase(), c.toLowerCase());
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return best;
}
