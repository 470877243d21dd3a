/** Sections (in file order) of an INI-style file, each a map of lower-cased keys to their first value. */
export type IniSections = ReadonlyMap<string, ReadonlyMap<string, string>>;

const SECTION = /^\[\s*([A-Za-z0-9_.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/;
const ENTRY = /^([A-Za-z0-9_.-]+)\s*=\s*(.*)$/;

/** Strips one pair of surrounding double quotes, as git does for `url = "…"`. */
function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

/**
 * Parses the INI dialect shared by `.git/config` and `setup.cfg`. Section names are lower-cased
 * and a git subsection keeps its case, written `remote "origin"`. Keys are matched
 * case-insensitively by both tools, so they are lower-cased; the first value of a key wins
 * because git fetches from a remote's first `url`. Lines that are not `[section]` or
 * `key = value` (comments, setup.cfg continuation lines) are skipped.
 */
export function parseIni(text: string): IniSections {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = SECTION.exec(line);
    if (header) {
      const name = header[2] === undefined ? header[1]!.toLowerCase() : `${header[1]!.toLowerCase()} "${header[2]}"`;
      current = sections.get(name) ?? new Map<string, string>();
      sections.set(name, current);
      continue;
    }
    const entry = ENTRY.exec(line);
    if (!entry || !current) continue;
    const key = entry[1]!.toLowerCase();
    if (!current.has(key)) current.set(key, unquote(entry[2]!.trim()));
  }
  return sections;
}
