/**
 * The optimal-string-alignment distance between two strings: the restricted Damerau-Levenshtein
 * distance, counting insertions, deletions, substitutions and transpositions of two adjacent
 * characters, each as 1, with no substring edited twice. Typo-squats are one or two such slips
 * (`actions/chekout`, `actions/chcekout`, `actions/upload-artifacts`), for which the restricted form
 * gives the same answer as the unrestricted one at a fraction of the code.
 *
 * Stops early and returns `limit + 1` once the distance must exceed `limit`, so comparing a name
 * against a table stays cheap.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Three rolling rows: the transposition step looks two rows back.
  let prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = row[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[b.length]!;
}
