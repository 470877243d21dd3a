/** Values a message template can interpolate. */
export type MessageData = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/**
 * Fills `{{name}}` placeholders from `data`. A placeholder without data is left as written, so a
 * rule bug shows up in output (and the rule tester fails on it) instead of printing "undefined".
 */
export function formatMessage(template: string, data: MessageData = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/** Placeholders of a template that `data` does not fill. */
export function missingPlaceholders(template: string, data: MessageData = {}): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !(name in data));
}
