import { describe, expect, it } from 'vitest';
import { describeSchema, describeTypes, mappingName, orList, valueName } from './describe.js';

const EXPRESSION = { type: 'string', pattern: '^\\$\\{\\{(.|[\r\n])*\\}\\}$' };

describe('describe', () => {
  it('joins alternatives', () => {
    expect(orList(['a'])).toBe('a');
    expect(orList(['a', 'b', 'c'])).toBe('a, b or c');
  });

  it('words schemas the way the schema writes them', () => {
    expect(describeSchema({ oneOf: [{ type: 'number' }, EXPRESSION] })).toBe('a number or an expression');
    expect(describeSchema({ oneOf: [{ type: 'string', enum: ['read-all', 'write-all'] }, { type: 'object' }] })).toBe(
      '`read-all`, `write-all` or a mapping',
    );
    // A plain string makes string-shaped alternatives redundant.
    expect(describeSchema({ anyOf: [{ type: 'string' }, { type: 'array' }, EXPRESSION] })).toBe('a string or a list');
    expect(describeSchema({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }] })).toBe('a string');
    // The type of a branch wins over the combinators inside it.
    expect(describeSchema({ anyOf: [{ type: 'string' }, { type: 'array', anyOf: [{ minItems: 1 }] }] })).toBe('a string or a list');
  });

  it('words type keywords', () => {
    expect(describeTypes('object')).toBe('a mapping');
    expect(describeTypes(['boolean', 'string'])).toBe('a boolean or a string');
    expect(describeTypes(['string', 'number', 'boolean', 'null'])).toBe('a string');
  });

  it('names values and mappings', () => {
    expect(valueName(['jobs', 'a', 'timeout-minutes'])).toBe('`timeout-minutes`');
    expect(valueName(['jobs', 'a', 'needs', 1])).toBe('item 2 of `needs`');
    expect(mappingName(['jobs', 'build'])).toBe('job `build`');
    expect(mappingName(['jobs', 'build', 'steps', 3])).toBe('step');
    expect(mappingName(['on', 'workflow_dispatch', 'inputs', 'level'])).toBe('input `level`');
    expect(mappingName([])).toBe('the workflow');
  });
});
