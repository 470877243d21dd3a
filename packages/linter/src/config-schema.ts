import type { AnyRule, RuleOptionType } from './rule.js';

/** A JSON schema (draft-07) as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Where the shipped schema can be fetched by editors (`# yaml-language-server: $schema=…`). */
export const CONFIG_SCHEMA_ID = 'https://github.com/slsa-kit/slsa-kit/blob/main/packages/linter/schema/slsa-lint.schema.json';

/** The settings a rule may have, in the order messages list them. */
export const RULE_SETTINGS: readonly string[] = ['off', 'note', 'warning', 'error'];

// Not `minLength`: in ajv's standalone code it needs a runtime helper (ucs2length), and blank is empty too.
const NON_BLANK = '\\S';

const OPTION_SCHEMA: Readonly<Record<RuleOptionType, JsonSchema>> = {
  string: { type: 'string' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  'string[]': { type: 'array', items: { type: 'string' } },
};

/**
 * The configuration's JSON schema, made from the rules' meta: rule ids, settings and each rule's
 * options. `scripts/write-schema.mjs` writes it to `schema/slsa-lint.schema.json` (shipped for
 * editors, precompiled by `nx run linter:codegen`); a test keeps that file current.
 */
export function buildConfigSchema(rules: readonly AnyRule[]): JsonSchema {
  const ids = rules.map((r) => r.meta.id).sort();
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const ruleProperties = Object.fromEntries(ids.map((id) => [id, ruleEntrySchema(byId.get(id)!)]));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_ID,
    title: 'slsa-lint configuration',
    description: 'The configuration of slsa-lint (.github/slsa-lint.yml or .slsa-lint.yml). Generated from the rule registry by packages/linter/scripts/write-schema.mjs.',
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: {
        description: 'Per-rule settings: a severity or `off`, or [severity, {options}]. Rules not named keep their defaults.',
        type: ['object', 'null'],
        additionalProperties: false,
        properties: ruleProperties,
      },
      ignore: {
        description: 'Globs of files to skip, relative to the repository root.',
        type: ['array', 'null'],
        items: { type: 'string', pattern: NON_BLANK },
      },
      ignores: {
        description: 'Findings to ignore by file and line, each with the rules it silences and why.',
        type: ['array', 'null'],
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['file', 'line', 'rules', 'reason'],
          properties: {
            file: { description: 'The workflow file, relative to the repository root (a glob).', type: 'string', pattern: NON_BLANK },
            line: { description: 'The 1-based line the finding starts on.', type: 'integer', minimum: 1 },
            rules: { description: 'The rules whose findings on that line are ignored.', type: 'array', minItems: 1, items: { enum: ids } },
            reason: { description: 'Why the findings do not apply.', type: 'string', pattern: NON_BLANK },
          },
        },
      },
    },
    definitions: {
      setting: { description: 'A severity, or `off` to turn the rule off.', enum: [...RULE_SETTINGS] },
      entry: entrySchema([{ $ref: '#/definitions/setting' }]),
    },
  };
}

function ruleEntrySchema(rule: AnyRule): JsonSchema {
  const description = `${rule.meta.description} (default: ${rule.meta.defaultSeverity}; ${rule.meta.docsUrl})`;
  const declared = rule.meta.options ?? {};
  const names = Object.keys(declared).sort();
  if (names.length === 0) return { description, $ref: '#/definitions/entry' };
  const options = {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(names.map((n) => [n, OPTION_SCHEMA[declared[n]!]])),
  };
  return { description, ...entrySchema([{ $ref: '#/definitions/setting' }, options]) };
}

/** `setting` or `[setting]` or `[setting, {options}]`. */
function entrySchema(items: readonly JsonSchema[]): JsonSchema {
  return {
    // if/then/else rather than anyOf, so a wrong entry yields the errors of its own shape only.
    if: { type: 'array' },
    then: { type: 'array', minItems: 1, items, additionalItems: false },
    else: { $ref: '#/definitions/setting' },
  };
}
