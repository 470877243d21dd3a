/**
 * What a `run:` script writes to its step's outputs. A small shell reader, not a shell parser: it
 * splits the script into simple commands at top-level `;`, `&&`, `||`, `|`, `&` and line breaks
 * (respecting quotes, `$( … )`, backticks, comments, line continuations and here-documents) and
 * recognises the ways people write outputs: `echo "name=value" >> "$GITHUB_OUTPUT"`, `printf`,
 * `… | tee -a "$GITHUB_OUTPUT"`, `{ …; } >> "$GITHUB_OUTPUT"`, `cat >> "$GITHUB_OUTPUT" <<EOF`, the
 * `name<<DELIM` multi-line form and the deprecated `::set-output name=…::`. Anything else sent to
 * `$GITHUB_OUTPUT` makes the scan `opaque`, so callers never claim a name is missing when the
 * script may write it in a way this reader does not follow.
 */

/** One output a script writes. Offsets index the script (the `run:` value). */
export interface OutputWrite {
  readonly name: string;
  /** `file`: `name=value` to `$GITHUB_OUTPUT`; `delimited`: `name<<EOF`; `set-output`: the deprecated command. */
  readonly form: 'file' | 'delimited' | 'set-output';
  /** The value as written in the script (quotes and `$( … )` included); empty for `delimited`. */
  readonly value: string;
  readonly nameStart: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** A shell variable assignment (`hashes=$(…)`, `export X=…`), for following `name=$hashes`. */
export interface ShellAssignment {
  readonly name: string;
  readonly value: string;
  readonly valueStart: number;
}

export interface StepOutputScan {
  readonly writes: readonly OutputWrite[];
  readonly assignments: readonly ShellAssignment[];
  /** The script mentions `GITHUB_OUTPUT` or `set-output` at all. */
  readonly mentionsOutputs: boolean;
  /** Something reaches `$GITHUB_OUTPUT` that this reader cannot name (a program's output, a dynamic name). */
  readonly opaque: boolean;
}

interface Command {
  readonly start: number;
  readonly end: number;
  /** The command's stdout goes into the next one (`|`). */
  readonly piped: boolean;
  readonly heredoc?: { readonly start: number; readonly end: number };
}

const OUTPUT_FILE = String.raw`"?\$(?:\{GITHUB_OUTPUT\}|GITHUB_OUTPUT\b)"?`;
const REDIRECT = new RegExp(String.raw`(?<![<>&\d])\d?>>?\s*${OUTPUT_FILE}`);
const TEE = new RegExp(String.raw`^tee\s+(?:-a|--append)\s+${OUTPUT_FILE}\s*$`);
const NAME = /^(["']?)([A-Za-z_][\w.-]*)(=|<<)/;
const ASSIGNMENT = /^(?:(?:export|local|readonly|declare)\s+(?:-\w+\s+)*)?([A-Za-z_]\w*)=/;
const SET_OUTPUT = /::set-output\s+name=([\w.-]+)::/g;
/** Braces and keywords that may precede a simple command on its line. */
const LEAD = /^(?:[{}](?:\s+|$)|(?:then|else|do|!)\s+)*/;
/** `echo EOF` closing a `name<<EOF` value inside a `{ … }` group. */
const DELIMITER_ECHO = /^(?:echo|printf)\s+["']?[A-Z_]+["']?$/;

/** Splits a script into simple commands at top level; here-document bodies are attached, not split. */
export function splitCommands(script: string): Command[] {
  const commands: Command[] = [];
  let start = 0;
  // Open quotes and substitutions, innermost last: `"…$( "…" )…"` nests, so one flag is not enough.
  const open: ('"' | "'" | '`' | '(')[] = [];
  const pendingHeredocs: { delim: string; owner: number }[] = [];
  const heredocs = new Map<number, { start: number; end: number }>();
  const push = (end: number, piped: boolean): void => {
    const text = script.slice(start, end);
    const lead = text.length - text.trimStart().length;
    if (text.trim() !== '') commands.push({ start: start + lead, end: start + text.trimEnd().length, piped });
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    const inner = open.at(-1);
    const depth = open.length;
    if (inner === "'") {
      if (c === "'") open.pop();
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (inner === '"' || inner === '`') {
      if (c === inner) open.pop();
      else if (c === '$' && script[i + 1] === '(') open.push(script[++i]! as '(');
      else if (c === '`') open.push('`');
      continue;
    }
    if (c === '"' || c === "'" || c === '`') open.push(c);
    else if (c === '$' && script[i + 1] === '(') open.push(script[++i]! as '(');
    else if (c === '(' && depth > 0) open.push('(');
    else if (c === ')' && inner === '(') open.pop();
    else if (c === '#' && depth === 0 && (i === 0 || /\s/.test(script[i - 1]!))) {
      // A comment ends the command before it; its text is no command.
      push(i, false);
      while (i + 1 < script.length && script[i + 1] !== '\n') i++;
      start = i + 1;
    } else if (c === '<' && script[i + 1] === '<' && script[i + 2] !== '<' && depth === 0) {
      const m = /^<<-?\s*(["']?)(\w+)\1/.exec(script.slice(i));
      if (m) {
        pendingHeredocs.push({ delim: m[2]!, owner: commands.length });
        i += m[0].length - 1;
      }
    } else if (depth === 0 && (c === ';' || c === '&' || c === '|' || c === '\n')) {
      const piped = c === '|' && script[i + 1] !== '|';
      push(i, piped);
      if ((c === '&' || c === '|') && script[i + 1] === c) i++;
      start = i + 1;
      if (c === '\n' && pendingHeredocs.length > 0) {
        // The bodies follow the line in order; each ends at a line holding only its delimiter.
        for (const h of pendingHeredocs) {
          const bodyStart = i + 1;
          const end = new RegExp(String.raw`^[ \t]*${h.delim}[ \t]*$`, 'm').exec(script.slice(bodyStart));
          const bodyEnd = end ? bodyStart + end.index : script.length;
          heredocs.set(h.owner, { start: bodyStart, end: bodyEnd });
          i = end ? bodyStart + end.index + end[0].length : script.length;
        }
        pendingHeredocs.length = 0;
        start = i + 1;
      }
    }
  }
  push(script.length, false);
  return commands.map((cmd, k) => {
    const heredoc = heredocs.get(k);
    return heredoc ? { ...cmd, heredoc } : cmd;
  });
}

/** Reads the outputs a `run:` script writes. Never throws; unknown shapes make the scan opaque. */
export function scanStepOutputs(script: string): StepOutputScan {
  const writes: OutputWrite[] = [];
  const assignments: ShellAssignment[] = [];
  let opaque = false;
  const commands = splitCommands(script);
  const texts = commands.map((c) => script.slice(c.start, c.end));
  const grouped = groupedCommands(texts);
  commands.forEach((cmd, k) => {
    const raw = texts[k]!;
    const lead = LEAD.exec(raw)![0].length;
    const start = cmd.start + lead;
    const text = raw.slice(lead);
    const assignment = ASSIGNMENT.exec(text);
    if (assignment && isSingleWord(text.slice(assignment[0].length))) {
      assignments.push({ name: assignment[1]!, value: text.slice(assignment[0].length), valueStart: start + assignment[0].length });
    }
    const redirect = REDIRECT.exec(text);
    const next = texts[k + 1];
    const teed = cmd.piped && next !== undefined && TEE.test(next);
    if (!redirect && !teed && !grouped.has(k)) {
      // A mention we do not understand (`python x.py`, `out=$GITHUB_OUTPUT`) may write anything.
      if (/GITHUB_OUTPUT/.test(text) && !TEE.test(text)) opaque = true;
      return;
    }
    const body = redirect ? text.slice(0, redirect.index).trimEnd() : text;
    if (cmd.heredoc && /^cat\b/.test(body)) readLines(script, cmd.heredoc.start, cmd.heredoc.end, writes);
    else if (!readEcho(body, start, writes) && body !== '' && !DELIMITER_ECHO.test(body)) opaque = true;
  });
  for (const m of script.matchAll(SET_OUTPUT)) {
    const valueStart = m.index + m[0].length;
    const value = /^[^\n]*/.exec(script.slice(valueStart))![0];
    const nameStart = m.index + m[0].indexOf('name=') + 'name='.length;
    writes.push({ name: m[1]!, form: 'set-output', value, nameStart, valueStart, valueEnd: valueStart + value.length });
  }
  writes.sort((a, b) => a.nameStart - b.nameStart);
  return { writes, assignments, mentionsOutputs: /GITHUB_OUTPUT|::set-output/.test(script), opaque };
}

/** Indexes of the commands inside `{ … }` groups whose closing brace redirects to the output file. */
function groupedCommands(texts: readonly string[]): Set<number> {
  const grouped = new Set<number>();
  const open: number[] = [];
  texts.forEach((text, k) => {
    if (/^\{(?:\s|$)/.test(text)) open.push(k);
    if (text.startsWith('}')) {
      const from = open.pop();
      if (from !== undefined && REDIRECT.test(text)) for (let j = from; j < k; j++) grouped.add(j);
    }
  });
  return grouped;
}

/** True when a value has no unquoted blank outside `$( … )`, so `X=1 cmd` is not an assignment. */
function isSingleWord(value: string): boolean {
  return !/\s/.test(value.replace(/"(?:[^"\\]|\\.)*"|'[^']*'|\$\((?:[^()]|\([^()]*\))*\)/g, ''));
}

/** Reads `echo [-n|-e] name=value` and `printf 'name=…' …`; false when the command is something else. */
function readEcho(body: string, offset: number, writes: OutputWrite[]): boolean {
  const m = /^(echo|printf)((?:\s+-[neE]+)*)\s+/.exec(body);
  if (!m) return false;
  const argStart = m[0].length;
  const args = body.slice(argStart);
  const name = NAME.exec(args);
  if (!name) return false;
  const valueStart = argStart + name[0].length;
  writes.push({
    name: name[2]!,
    form: name[3] === '<<' ? 'delimited' : 'file',
    value: name[3] === '<<' ? '' : body.slice(valueStart),
    nameStart: offset + argStart + name[1]!.length,
    valueStart: offset + valueStart,
    valueEnd: offset + body.length,
  });
  return true;
}

/** Reads `name=value` lines of a here-document sent to the output file. */
function readLines(script: string, start: number, end: number, writes: OutputWrite[]): void {
  let at = start;
  for (const line of script.slice(start, end).split('\n')) {
    const lead = line.length - line.trimStart().length;
    const m = NAME.exec(line.trimStart());
    if (m && m[1] === '') {
      const valueStart = at + lead + m[0].length;
      writes.push({
        name: m[2]!,
        form: m[3] === '<<' ? 'delimited' : 'file',
        value: m[3] === '<<' ? '' : line.trimStart().slice(m[0].length),
        nameStart: at + lead,
        valueStart,
        valueEnd: at + line.length,
      });
    }
    at += line.length + 1;
  }
}
