import type { ProjectFacts } from '../facts.js';

/** A file-name-safe form of a package name: `@acme/Widget` → `acme-widget`. */
export function safeName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/^@/, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return cleaned === '' ? 'artifacts' : cleaned;
}

/** Quotes a word for a POSIX shell when it holds anything but safe characters. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The npm packages a Node project publishes: its public workspace packages when it is a
 * workspace with some, else the root package itself.
 */
export function npmPackages(facts: ProjectFacts): string[] {
  const published = (facts.node?.workspacePackages ?? []).filter((p) => !p.private).map((p) => p.name);
  return (facts.node?.workspaces.length ?? 0) > 0 && published.length > 0 ? published : [facts.name];
}
