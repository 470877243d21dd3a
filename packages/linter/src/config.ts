import { didYouMean, parseYaml, spanAt, type Route, type Severity, type SourceFile } from '@slsa-kit/core';
import type { AnyRule, RuleOptionType } from './rule.js';

/** A rule's setting in the configuration: a severity, or `off`. */
export type RuleSetting = Severity | 'off';

/** One configured rule. */
export interface RuleConfig {
  /** Undefined when only options are given (the rule tester): each report keeps its own severity. */
  readonly setting?: RuleSetting;
  readonly options: Readonly<Record<string, unknown>>;
}

/** A validated configuration. Rules it does not name keep their defaults. */
export interface LintConfig {
  readonly rules: ReadonlyMap<string, RuleConfig>;
  /** Globs of files to skip, relative to {@link baseDir}, `/`-separated. */
  readonly ignore: readonly string[];
  /** The directory globs are relative to (the repository root); undefined for the empty config. */
  readonly baseDir?: string;
  /** The file it was read from, for messages. */
  readonly path?: string;
}

/** The configuration used when there is no file. */
export const EMPTY_CONFIG: LintConfig = { rules: new Map(), ignore: [] };

/** One thing wrong with a configuration file, located (`file:line:column: message`). */
export interface ConfigProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

const SETTINGS: readonly string[] = ['off', 'note', 'warning', 'error'];

/**
 * Parses and validates a configuration file's text. Every problem is collected (DESIGN.md:
 * validation collects every problem before failing); the config is returned only when there are none.
 */
export function parseConfig(
  text: string,
  path: string,
  rules: readonly AnyRule[],
): { config?: LintConfig; problems: ConfigProblem[] } {
  // Only blanks and comments: nothing configured (the parser would call it "no document").
  if (text.replace(/#.*$/gm, '').trim() === '') return { config: { ...EMPTY_CONFIG, path }, problems: [] };
  const parsed = parseYaml(text, path);
  const problems: ConfigProblem[] = [];
  const fail = (source: SourceFile, offset: number, message: string) => {
    const { line, column } = source.position(offset);
    problems.push({ message, line, column });
  };
  const yamlErrors = parsed.diagnostics.filter((d) => d.severity === 'error');
  for (const d of yamlErrors) fail(parsed.source, d.span.start, d.message);
  const doc = parsed.document;
  if (!doc || yamlErrors.length > 0) return { problems };

  const at = (route: Route, part: 'key' | 'value' = 'value') => spanAt(doc, route, part)?.start ?? 0;
  const report = (route: Route, message: string, part: 'key' | 'value' = 'value') => fail(parsed.source, at(route, part), message);
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) return { config: { ...EMPTY_CONFIG, path }, problems };
  if (!isRecord(data)) {
    report([], 'the configuration must be a mapping with `rules:` and/or `ignore:`');
    return { problems };
  }

  for (const key of Object.keys(data)) {
    if (key !== 'rules' && key !== 'ignore') report([key], `unknown key \`${key}\`; expected \`rules\` or \`ignore\``, 'key');
  }
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const configured = new Map<string, RuleConfig>();
  const rulesData = data['rules'];
  if (rulesData !== undefined && rulesData !== null && !isRecord(rulesData)) report(['rules'], '`rules` must be a mapping of rule ids to settings');
  for (const [id, value] of Object.entries(isRecord(rulesData) ? rulesData : {})) {
    const rule = byId.get(id);
    if (!rule) {
      report(['rules', id], unknownRule(id, [...byId.keys()]), 'key');
      continue;
    }
    const entry = readRuleEntry(value, rule, (message, sub = [], part = 'value') => report(['rules', id, ...sub], message, part));
    if (entry) configured.set(id, entry);
  }

  const ignore: string[] = [];
  const ignoreData = data['ignore'];
  if (ignoreData !== undefined && ignoreData !== null) {
    if (!Array.isArray(ignoreData)) report(['ignore'], '`ignore` must be a list of file globs');
    else ignoreData.forEach((g, i) => (typeof g === 'string' && g !== '' ? ignore.push(g) : report(['ignore', i], 'each `ignore` entry must be a non-empty glob string')));
  }
  return problems.length > 0 ? { problems } : { config: { rules: configured, ignore, path }, problems };
}

function readRuleEntry(
  value: unknown,
  rule: AnyRule,
  problem: (message: string, sub?: Route, part?: 'key' | 'value') => void,
): RuleConfig | undefined {
  const [setting, options, ...rest] = Array.isArray(value) ? value : [value];
  if (typeof setting !== 'string' || !SETTINGS.includes(setting)) {
    problem(`the setting must be one of ${SETTINGS.join(', ')} (or [severity, {options}])`, Array.isArray(value) ? [0] : []);
    return undefined;
  }
  if (rest.length > 0) problem('expected [severity] or [severity, {options}]');
  if (options === undefined) return { setting: setting as RuleSetting, options: {} };
  if (!isRecord(options)) {
    problem('rule options must be a mapping', [1]);
    return undefined;
  }
  const declared = rule.meta.options ?? {};
  let ok = true;
  for (const [name, v] of Object.entries(options)) {
    const type = declared[name];
    if (!type) {
      const known = Object.keys(declared);
      problem(`\`${rule.meta.id}\` has no option \`${name}\`${known.length > 0 ? `; it accepts ${known.join(', ')}` : ''}`, [1, name], 'key');
      ok = false;
    } else if (!hasType(v, type)) {
      problem(`option \`${name}\` must be a ${type}`, [1, name]);
      ok = false;
    }
  }
  return ok ? { setting: setting as RuleSetting, options } : undefined;
}

function hasType(value: unknown, type: RuleOptionType): boolean {
  if (type === 'string[]') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  return typeof value === type;
}

function unknownRule(id: string, known: string[]): string {
  const close = didYouMean(id, known);
  return `unknown rule \`${id}\`${close ? `; did you mean \`${close}\`?` : ''}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
