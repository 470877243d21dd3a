import { parse as parseToml } from 'smol-toml';

/** A parsed table / object whose values are not yet checked. */
export type Table = Readonly<Record<string, unknown>>;

/** True for a plain object (not an array or null), the only shape whose fields detection reads. */
export function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The table at `path` inside `root`, or `undefined` when a step is missing or not a table. */
export function tableAt(root: Table | undefined, ...path: readonly string[]): Table | undefined {
  let current: unknown = root;
  for (const key of path) current = isTable(current) ? current[key] : undefined;
  return isTable(current) ? current : undefined;
}

/** A non-empty string field of `table`, else `undefined`. */
export function stringField(table: Table | undefined, key: string): string | undefined {
  const value = table?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

// A project's own files are input, not trusted: a syntax error in one of them means "no data",
// never an exception out of detection.

/** The top-level table of a TOML document, or `undefined` when it is absent or malformed. */
export function parseTomlTable(text: string | undefined): Table | undefined {
  if (text === undefined) return undefined;
  try {
    return parseToml(text);
  } catch {
    return undefined;
  }
}

/** The top-level object of a JSON document, or `undefined` when it is absent, malformed or not an object. */
export function parseJsonObject(text: string | undefined): Table | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isTable(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The first line that is neither blank nor a `#` comment, trimmed (`.python-version`, `.nvmrc`). */
export function firstMeaningfulLine(text: string | undefined): string | undefined {
  return text
    ?.split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('#'));
}
