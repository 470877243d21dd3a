import type { Route } from '../yaml/routes.js';
import type { PreparedSchema } from './compiled-validator.js';
import {
  CONTAINS_EXPRESSION_PATTERN,
  EXPRESSION_PATTERN,
  IDENTIFIER_PATTERN,
  MAX_LISTED,
  code,
  describeTypes,
  keyKind,
  mappingName,
  orList,
  valueName,
} from './describe.js';
import { didYouMean } from '../text/did-you-mean.js';
import type { ErrorNode } from './error-tree.js';
import { asObject, dataAt, schemaAt } from './json-pointer.js';
import type { SchemaProblem } from './problem.js';

/** What the message builders need besides the error itself. */
export interface MessageContext {
  readonly data: unknown;
  readonly schema: PreparedSchema;
}


const IDENTIFIER_RULE = 'it must start with a letter or `_` and contain only letters, digits, `-` and `_`';

function hint(suggestion: string | undefined, allowed: readonly unknown[]): string {
  if (suggestion !== undefined) return `; did you mean ${code(suggestion)}?`;
  if (allowed.length > 0 && allowed.length <= MAX_LISTED) return `; expected ${orList(allowed.map(code))}`;
  return '';
}

function unknownKey(node: ErrorNode, ctx: MessageContext): SchemaProblem {
  const key = String(node.error.params['additionalProperty']);
  const route = node.route;
  const parent = asObject(schemaAt(ctx.schema, node.schemaPath.slice(0, -1)));
  const allowed = Object.keys(asObject(parent['properties']));
  const patterns = Object.keys(asObject(parent['patternProperties']));
  const at = { route: [...route, key], part: 'key' as const, instance: route, keyword: node.error.keyword };
  if (allowed.length === 0 && patterns.includes(IDENTIFIER_PATTERN)) {
    const what = route.length === 1 && route[0] === 'jobs' ? 'job id' : 'name';
    return { ...at, message: `${code(key)} is not a valid ${what}: ${IDENTIFIER_RULE}` };
  }
  const kind = keyKind(route);
  const where = kind === 'event' ? '' : ` in ${mappingName(route)}`;
  const suggestion = didYouMean(key, allowed);
  return { ...at, message: `unknown ${kind} ${code(key)}${where}${hint(suggestion, allowed)}` };
}

function badEnum(node: ErrorNode, ctx: MessageContext): SchemaProblem {
  const route = node.route;
  const allowed = (node.error.params['allowedValues'] as unknown[] | undefined) ?? [];
  const value = dataAt(ctx.data, route);
  const strings = allowed.filter((v): v is string => typeof v === 'string');
  const suggestion = typeof value === 'string' ? didYouMean(value, strings) : undefined;
  const base = { route, part: 'value' as const, instance: route, keyword: 'enum', choices: allowed.length, ...(suggestion ? { suggestion } : {}) };
  if (allowed.includes('push') && allowed.includes('pull_request')) {
    return { ...base, message: `unknown event ${code(value)}${hint(suggestion, [])}` };
  }
  if (route[0] === 'on' && route[route.length - 2] === 'types' && typeof route[1] === 'string') {
    return { ...base, message: `${code(value)} is not an activity type of ${code(route[1])}${hint(suggestion, allowed)}` };
  }
  if (allowed.length <= MAX_LISTED) {
    const tail = suggestion !== undefined ? `; did you mean ${code(suggestion)}?` : '';
    return { ...base, message: `${valueName(route)} must be ${orList(allowed.map(code))}${tail}` };
  }
  return { ...base, message: `${code(value)} is not a valid value for ${valueName(route)}${hint(suggestion, [])}` };
}

function badPattern(node: ErrorNode, ctx: MessageContext): string {
  const route = node.route;
  const pattern = String(node.error.params['pattern']);
  const name = valueName(route);
  if (pattern === EXPRESSION_PATTERN) return `${name} must be an expression \`\${{ … }}\``;
  if (pattern === CONTAINS_EXPRESSION_PATTERN) return `${name} must contain an expression \`\${{ … }}\``;
  if (pattern === IDENTIFIER_PATTERN) {
    const what = route.includes('needs') ? 'job id' : 'name';
    return `${code(dataAt(ctx.data, route))} is not a valid ${what}: ${IDENTIFIER_RULE}`;
  }
  if (pattern.includes('ya?ml')) {
    return `${name} must name a workflow file: \`./.github/workflows/NAME.yml\` or \`OWNER/REPO/.github/workflows/NAME.yml@REF\``;
  }
  return `${name} must match the pattern ${code(pattern)}`;
}

function tooSmall(node: ErrorNode): string {
  const limit = Number(node.error.params['limit']);
  const name = valueName(node.route);
  if (limit === 1) return `${name} must not be empty`;
  const unit = node.error.keyword === 'minItems' ? 'items' : node.error.keyword === 'minProperties' ? 'keys' : 'characters';
  return `${name} must have at least ${limit} ${unit}`;
}

function notAllowed(node: ErrorNode, ctx: MessageContext): SchemaProblem {
  const route = node.route;
  const forbidden = asObject(schemaAt(ctx.schema, node.schemaPath));
  const together = Array.isArray(forbidden['required']) ? (forbidden['required'] as string[]) : [];
  const base = { instance: route, keyword: 'not' };
  if (together.length >= 2) {
    const message = `${orList(together.map(code)).replace(/ or ([^,]*)$/, ' and $1')} cannot be used together in ${mappingName(route)}`;
    return { ...base, message, route: [...route, together[together.length - 1]!], part: 'key' };
  }
  return { ...base, message: `${valueName(route)} is not allowed here`, route, part: 'value' };
}

/**
 * The problem an ajv error stands for, in words a workflow author understands; `undefined` for
 * errors that only repeat what other errors say (`if`: its `then` errors are reported).
 */
export function leafProblem(node: ErrorNode, ctx: MessageContext): SchemaProblem | undefined {
  const { error, route } = node;
  const at = (message: string, part: SchemaProblem['part'] = 'value', where: Route = route): SchemaProblem => ({
    message,
    route: where,
    part,
    instance: route,
    keyword: error.keyword,
  });
  const p = error.params;
  switch (error.keyword) {
    case 'if':
      return undefined;
    case 'additionalProperties':
      return unknownKey(node, ctx);
    case 'required':
      return at(`${mappingName(route)} has no ${code(p['missingProperty'])}`, 'mapping');
    case 'dependencies':
      return at(`${code(p['property'])} can only be used together with ${code(p['missingProperty'])}`, 'key', [...route, String(p['property'])]);
    case 'type': {
      const value = dataAt(ctx.data, route);
      const expected = describeTypes(p['type']);
      return at(value === null ? `${valueName(route)} has no value; it must be ${expected}` : `${valueName(route)} must be ${expected}`);
    }
    case 'enum':
      return badEnum(node, ctx);
    case 'const':
      return at(`${valueName(route)} must be ${code(p['allowedValue'])}`);
    case 'pattern':
      return at(badPattern(node, ctx));
    case 'minItems':
    case 'minProperties':
    case 'minLength':
      return at(tooSmall(node));
    case 'not':
      return notAllowed(node, ctx);
    case 'format':
      return at(`${valueName(route)} must be a valid ${String(p['format'])}`);
    case 'false schema':
      return at(`${valueName(route)} is not allowed here`);
    default:
      return at(`${valueName(route)} ${error.message ?? `is invalid (${error.keyword})`}`);
  }
}
