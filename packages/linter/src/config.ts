import { parseYaml, spanAt, type Route, type Severity, type SourceFile } from '@slsa-kit/core';
import { describeConfigError } from './config-errors.js';
import { RULE_SETTINGS } from './config-schema.js';
import type { AnyRule, RuleOptionType } from './rule.js';
import { validateConfigSchema } from './schema/generated/config.validate.js';

/** A rule's setting in the configuration: a severity, or `off`. */
export type RuleSetting = Severity | 'off';

/** One configured rule. */
export interface RuleConfig {
  /** Undefined when only options are given (the rule tester): each report keeps its own severity. */
  readonly setting?: RuleSetting;
  readonly options: Readonly<Record<string, unknown>>;
}

/** An `ignores:` entry: the findings of some rules on one line of one file, ignored for a reason. */
export interface LineIgnore {
  /** Path or glob of the workflow file, relative to {@link LintConfig.baseDir}, `/`-separated. */
  readonly file: string;
  /** 1-based line the ignored findings start on. */
  readonly line: number;
  readonly rules: readonly string[];
  readonly reason: string;
  /** Where the entry is written in the configuration file (`path:line:column`), for messages. */
  readonly where: string;
}

/** A validated configuration. Rules it does not name keep their defaults. */
export interface LintConfig {
  readonly rules: ReadonlyMap<string, RuleConfig>;
  /** Globs of files to skip, relative to {@link baseDir}, `/`-separated. */
  readonly ignore: readonly string[];
  /** Findings to ignore by `file:line` (absent: none). */
  readonly ignores?: readonly LineIgnore[];
  /** The directory globs are relative to (the repository root); undefined for the empty config. */
  readonly baseDir?: string;
  /** The file it was read from, for messages. */
  readonly path?: string;
}

/** The configuration used when there is no file. */
export const EMPTY_CONFIG: LintConfig = { rules: new Map(), ignore: [], ignores: [] };

/** One thing wrong with a configuration file, located (`file:line:column: message`). */
export interface ConfigProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

interface RawConfig {
  rules?: Record<string, string | [string, Record<string, unknown>?]> | null;
  ignore?: string[] | null;
  ignores?: { file: string; line: number; rules: string[]; reason: string }[] | null;
}

/**
 * Parses and validates a configuration file's text against the precompiled schema
 * (`schema/slsa-lint.schema.json`). Every problem is collected (DESIGN.md: validation collects
 * every problem before failing), in file order; the config is returned only when there are none.
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
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) return { config: { ...EMPTY_CONFIG, path }, problems };
  const given = new Map(rules.map((r) => [r.meta.id, r]));
  // The schema knows the built-in rules; rules given beyond those (tests, plugins) are checked by hand.
  const unknownToSchema = new Set<string>();
  if (!validateConfigSchema(data)) {
    const seen = new Set<string>();
    for (const error of validateConfigSchema.errors ?? []) {
      const name = error.params['additionalProperty'];
      if (error.instancePath === '/rules' && typeof name === 'string' && given.has(name)) {
        unknownToSchema.add(name);
        continue;
      }
      const described = describeConfigError(error, data, rules);
      if (!described) continue;
      const offset = at(described.route, described.part);
      const key = `${offset}\0${described.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      fail(parsed.source, offset, described.message);
    }
  }
  const rulesData = isRecord(data) && isRecord(data['rules']) ? data['rules'] : {};
  for (const id of unknownToSchema) {
    checkRuleEntry(rulesData[id], given.get(id)!, (message, sub = [], part = 'value') => fail(parsed.source, at(['rules', id, ...sub], part), message));
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    return { problems };
  }

  // The schema was generated from the built-in rules; a caller may pass others (tests, plugins),
  // so whether each named rule exists is checked against the rules given.
  const raw = data as RawConfig;
  const configured = new Map<string, RuleConfig>();
  for (const [id, value] of Object.entries(raw.rules ?? {})) {
    if (!given.has(id)) {
      fail(parsed.source, at(['rules', id], 'key'), `unknown rule \`${id}\``);
      continue;
    }
    const [setting, options] = Array.isArray(value) ? value : [value];
    configured.set(id, { setting: setting as RuleSetting, options: options ?? {} });
  }
  const ignores = (raw.ignores ?? []).map((entry, i) => ({ ...entry, where: parsed.source.where(at(['ignores', i])) }));
  if (problems.length > 0) return { problems };
  return { config: { rules: configured, ignore: raw.ignore ?? [], ignores, path }, problems };
}

/** The hand check of one rule entry, for rules the generated schema does not know. */
function checkRuleEntry(value: unknown, rule: AnyRule, problem: (message: string, sub?: Route, part?: 'key' | 'value') => void): void {
  const [setting, options, ...rest] = Array.isArray(value) ? value : [value];
  if (typeof setting !== 'string' || !RULE_SETTINGS.includes(setting)) {
    problem(`the setting must be one of ${RULE_SETTINGS.join(', ')} (or [severity, {options}])`, Array.isArray(value) ? [0] : []);
    return;
  }
  if (rest.length > 0) problem('expected [severity] or [severity, {options}]');
  if (options === undefined) return;
  if (!isRecord(options)) return problem('rule options must be a mapping', [1]);
  const declared = rule.meta.options ?? {};
  for (const [name, v] of Object.entries(options)) {
    const type = declared[name];
    if (!type) {
      const known = Object.keys(declared);
      problem(`\`${rule.meta.id}\` has no option \`${name}\`${known.length > 0 ? `; it accepts ${known.join(', ')}` : ''}`, [1, name], 'key');
    } else if (!hasType(v, type)) problem(`option \`${name}\` must be a ${type}`, [1, name]);
  }
}

function hasType(value: unknown, type: RuleOptionType): boolean {
  if (type === 'string[]') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  return typeof value === type;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
