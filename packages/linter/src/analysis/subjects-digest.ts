import type { OutputWrite, ShellAssignment } from './step-outputs.js';

/**
 * What is wrong with the value a step writes for slsa-github-generator's `base64-subjects`: the
 * generator decodes it as one base64 string of `sha256sum` lines, so it must be encoded, and on
 * one line (a wrapped value puts a second line into `$GITHUB_OUTPUT`, which is not `name=value`).
 * Offsets index the script.
 */
export type DigestProblem =
  | { readonly kind: 'wrapped'; readonly start: number; readonly end: number }
  | { readonly kind: 'notEncoded'; readonly start: number; readonly end: number };

/** `base64` run as a command (after a pipe, `$(`, `;`, `&&` or `openssl`), not `import base64`. */
const BASE64 = /(?:^|[|;&(`]|\bopenssl)\s*\bbase64(?=[\s)"'|;`]|$)((?:[ \t]+-[-\w=]+(?:[ \t]+0(?=[\s)"'|;`]|$))?)*)/g;
const DECODE = /(?:^|\s)(?:-d|-D|--decode|-\w*d\w*)(?=\s|=|$)/;
const NO_WRAP = /(?:^|\s)(?:-w[ \t]*=?[ \t]*0|--wrap[ \t]*=?[ \t]*0|-A|-b[ \t]*0)(?=\s|$)/;
const HASH = /\b(?:sha256sum|shasum[ \t]+(?:-a|--algorithm)[ \t]+256)\b/;
const VARIABLE = /\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g;

interface Piece {
  readonly text: string;
  readonly start: number;
}

/** The value and, one and two levels deep, the assignments of the shell variables it reads. */
function pieces(write: OutputWrite, assignments: readonly ShellAssignment[]): Piece[] {
  const out: Piece[] = [{ text: write.value, start: write.valueStart }];
  const seen = new Set<string>();
  for (let k = 0; k < out.length && k < 16; k++) {
    for (const m of out[k]!.text.matchAll(VARIABLE)) {
      const name = m[1] ?? m[2]!;
      if (seen.has(name)) continue;
      seen.add(name);
      for (const a of assignments) if (a.name === name) out.push({ text: a.value, start: a.valueStart });
    }
  }
  return out;
}

/**
 * Checks the value written for `base64-subjects`. Only certain problems are reported: a value
 * built from something this check cannot see (a checksum file, a program) passes.
 * `wrapsByDefault` is false where `base64` does not wrap (macOS runners).
 */
export function checkSubjectsDigest(write: OutputWrite, assignments: readonly ShellAssignment[], wrapsByDefault = true): DigestProblem | undefined {
  let encoded = false;
  let hash: { start: number; end: number } | undefined;
  for (const piece of pieces(write, assignments)) {
    const h = HASH.exec(piece.text);
    if (h && !hash) hash = { start: piece.start + h.index, end: piece.start + h.index + h[0].length };
    for (const m of piece.text.matchAll(BASE64)) {
      const flags = m[1] ?? '';
      if (DECODE.test(flags)) continue;
      encoded = true;
      // A `tr -d '\n'` after the encoder joins the lines as well as `-w0` does.
      const after = piece.text.slice(m.index + m[0].length);
      if (!wrapsByDefault || NO_WRAP.test(flags) || /^\s*\|\s*tr\s+-d\s+["']?\\n/.test(after)) continue;
      const at = piece.start + m.index + m[0].indexOf('base64');
      return { kind: 'wrapped', start: at, end: at + 'base64'.length + flags.length };
    }
  }
  if (hash && !encoded) return { kind: 'notEncoded', ...hash };
  return undefined;
}
