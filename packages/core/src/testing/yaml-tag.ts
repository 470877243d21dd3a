/**
 * A template tag for YAML in tests: strips the common indentation and the first and last blank
 * lines, so test workflows can be indented with the code around them. Interpolated values are
 * inserted as-is.
 */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  let raw = strings.raw.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  raw = raw.replace(/\\`/g, '`').replace(/\\\$/g, '$');
  const lines = raw.split('\n');
  if (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  if (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n') + '\n';
}

/** The 0-based offset of the `n`-th (0-based) occurrence of `needle` in `text`; throws when absent. */
export function offsetOf(text: string, needle: string, n = 0): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`offsetOf: occurrence ${n} of ${JSON.stringify(needle)} not found`);
  }
  return at;
}
