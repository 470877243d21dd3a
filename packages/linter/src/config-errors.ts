import { didYouMean, type CompiledValidator, type Route } from '@slsa-kit/core';
import { RULE_SETTINGS } from './config-schema.js';
import type { AnyRule } from './rule.js';

/** One schema error in words, at a place in the configuration. */
export interface ConfigErrorText {
  readonly route: Route;
  /** Point at the key (unknown names) or at the value. */
  readonly part: 'key' | 'value';
  readonly message: string;
}

/** One ajv error, as the precompiled validator leaves them. */
export type ConfigSchemaError = NonNullable<CompiledValidator['errors']>[number];

const SETTING_HINT = `the setting must be one of ${RULE_SETTINGS.join(', ')} (or [severity, {options}])`;

/**
 * Words for one ajv error of the configuration schema, or undefined for errors that only say a
 * branch failed (`if`), whose real cause is reported by the errors under it. The messages name the
 * configuration's own terms (rules, options, ignores) instead of JSON Schema keywords.
 */
export function describeConfigError(error: ConfigSchemaError, data: unknown, rules: readonly AnyRule[]): ConfigErrorText | undefined {
  const route = instancePathToRoute(error.instancePath, data);
  const params = error.params as Record<string, unknown>;
  const at = (message: string, where: Route = route, part: 'key' | 'value' = 'value'): ConfigErrorText => ({ route: where, part, message });
  const [top, second, third, fourth] = route;
  const ids = rules.map((r) => r.meta.id);
  switch (error.keyword) {
    case 'if':
      return undefined;
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      const keyRoute = [...route, name];
      if (route.length === 0) return at(`unknown key \`${name}\`; expected \`rules\`, \`ignore\` or \`ignores\``, keyRoute, 'key');
      if (top === 'rules' && route.length === 1) return at(unknownRule(name, ids), keyRoute, 'key');
      if (top === 'rules' && third === 1) {
        const known = Object.keys(rules.find((r) => r.meta.id === second)?.meta.options ?? {});
        return at(`\`${String(second)}\` has no option \`${name}\`${known.length > 0 ? `; it accepts ${known.join(', ')}` : ''}`, keyRoute, 'key');
      }
      if (top === 'ignores') return at(`unknown key \`${name}\` in an \`ignores\` entry; expected \`file\`, \`line\`, \`rules\` and \`reason\``, keyRoute, 'key');
      return at(`unknown key \`${name}\``, keyRoute, 'key');
    }
  }
  if (route.length === 0) return at('the configuration must be a mapping with `rules:`, `ignore:` and/or `ignores:`');
  if (top === 'rules') {
    if (route.length === 1) return at('`rules` must be a mapping of rule ids to settings');
    if (route.length === 2 && (error.keyword === 'additionalItems' || error.keyword === 'maxItems')) return at('expected [severity] or [severity, {options}]');
    if (route.length === 2 || third === 0) return at(SETTING_HINT);
    if (route.length === 3) return at('rule options must be a mapping');
    const type = rules.find((r) => r.meta.id === second)?.meta.options?.[String(fourth)];
    return at(`option \`${String(fourth)}\` must be a ${type ?? 'valid value'}`, route.slice(0, 4));
  }
  if (top === 'ignore') return route.length === 1 ? at('`ignore` must be a list of file globs') : at('each `ignore` entry must be a non-empty glob string');
  if (top === 'ignores') {
    if (route.length === 1) return at('`ignores` must be a list of {file, line, rules, reason} entries');
    if (route.length === 2 && error.keyword === 'required') return at(`this \`ignores\` entry needs \`${String(params['missingProperty'])}\``);
    if (route.length === 2) return at('each `ignores` entry must be a mapping with `file`, `line`, `rules` and `reason`');
    if (third === 'file') return at('`file` must be a non-empty path or glob, relative to the repository root');
    if (third === 'line') return at('`line` must be a line number (1 or more)');
    if (third === 'reason') return at('`reason` must say why the findings do not apply');
    if (third === 'rules' && route.length === 4 && typeof dataAt(data, route) === 'string') return at(unknownRule(String(dataAt(data, route)), ids));
    if (third === 'rules') return at('`rules` must be a non-empty list of rule ids');
  }
  return at(`invalid value (${error.keyword})`);
}

function unknownRule(id: string, known: string[]): string {
  const close = didYouMean(id, known);
  return `unknown rule \`${id}\`${close ? `; did you mean \`${close}\`?` : ''}`;
}

/** The route of an ajv `instancePath`; segments that index an array become numbers. */
function instancePathToRoute(instancePath: string, data: unknown): Route {
  const route: (string | number)[] = [];
  let node = data;
  for (const raw of instancePath === '' ? [] : instancePath.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(node) && /^(0|[1-9]\d*)$/.test(seg) ? Number(seg) : seg;
    route.push(key);
    node = dataAt(node, [key]);
  }
  return route;
}

function dataAt(data: unknown, route: Route): unknown {
  let node = data;
  for (const seg of route) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[seg] : undefined;
  return node;
}
