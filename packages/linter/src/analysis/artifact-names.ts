/**
 * Artifact names and download patterns as globs, for `artifact-flow`. Names may contain `${{ }}`
 * (a matrix value, an input); such parts become `*`, so `dist-${{ matrix.os }}` is the glob
 * `dist-*`. Two globs "may match" when some name matches both; GitHub's artifact names cannot
 * contain `*`, `?`, `/` or `\`, so those characters only ever come from patterns.
 */

const EXPRESSION = /\$\{\{[\s\S]*?\}\}/g;

/** An artifact name template as a glob: each `${{ … }}` may be anything. */
export function nameGlob(template: string): string {
  return template.replace(EXPRESSION, '*');
}

/** The `needs.<job>` ids an expression template reads outputs of (`needs.build.outputs.name`). */
export function neededOutputJobs(template: string): string[] {
  const jobs: string[] = [];
  for (const e of template.match(EXPRESSION) ?? []) {
    for (const m of e.matchAll(/\bneeds\s*(?:\.\s*([A-Za-z_][\w-]*)|\[\s*'([^']+)'\s*\])\s*(?:\.\s*outputs\b|\[\s*'outputs'\s*\])/gi)) {
      jobs.push(m[1] ?? m[2]!);
    }
  }
  return jobs;
}

/**
 * A download-artifact `pattern` (minimatch syntax) as star-and-question globs: braces are
 * expanded, a character class becomes `?`, and `**` is `*` (names have no `/`).
 */
export function patternGlobs(pattern: string): string[] {
  const simple = nameGlob(pattern)
    .replace(/\[(?:\\.|[^\]])+\]/g, '?')
    .replace(/\*+/g, '*');
  return expandBraces(simple, 0);
}

function expandBraces(glob: string, depth: number): string[] {
  const open = glob.indexOf('{');
  const close = open < 0 ? -1 : glob.indexOf('}', open);
  if (open < 0 || close < 0 || depth > 8) return [glob];
  const inner = glob.slice(open + 1, close);
  if (!inner.includes(',')) return [glob];
  return inner.split(',').flatMap((alt) => expandBraces(glob.slice(0, open) + alt + glob.slice(close + 1), depth + 1));
}

/** Whether some string matches both globs (`*` any run, `?` one character), ignoring case. */
export function globsIntersect(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  // memo[i][j]: the suffixes x[i..] and y[j..] share a match. Filled back to front, no recursion.
  const memo: boolean[][] = Array.from({ length: x.length + 2 }, () => new Array<boolean>(y.length + 2).fill(false));
  for (let i = x.length; i >= 0; i--) {
    for (let j = y.length; j >= 0; j--) {
      const ci = x[i];
      const cj = y[j];
      let ok: boolean;
      if (ci === undefined && cj === undefined) ok = true;
      else if (ci === '*') ok = memo[i + 1]![j]! || (cj !== undefined && memo[i]![j + 1]!);
      else if (cj === '*') ok = memo[i]![j + 1]! || (ci !== undefined && memo[i + 1]![j]!);
      else ok = ci !== undefined && cj !== undefined && (ci === cj || ci === '?' || cj === '?') && memo[i + 1]![j + 1]!;
      memo[i]![j] = ok;
    }
  }
  return memo[0]![0]!;
}
