import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildErrorTree } from './error-tree.js';

const err = (instancePath: string, schemaPath: string, keyword: string): ErrorObject => ({ instancePath, schemaPath, keyword, params: {} });

describe('buildErrorTree', () => {
  it('gives each failed oneOf the errors of its branches, nested ones first', () => {
    const J = '#/properties/jobs/patternProperties/x/oneOf';
    const errors = [
      err('/jobs/a/steps/0', `${J}/0/properties/steps/items/oneOf/0/required`, 'required'),
      err('/jobs/a/steps/0', `${J}/0/properties/steps/items/oneOf/1/required`, 'required'),
      err('/jobs/a/steps/0', `${J}/0/properties/steps/items/oneOf`, 'oneOf'),
      err('/jobs/a', `${J}/1/required`, 'required'),
      err('/jobs/a', J, 'oneOf'),
      err('/jobs/b', `${J}/0/required`, 'required'),
      err('/jobs/b', J, 'oneOf'),
      err('', '#/additionalProperties', 'additionalProperties'),
    ];
    const data = { jobs: { a: { steps: [{}] }, b: {} } };
    const forest = buildErrorTree(errors, data);
    expect(forest.map((n) => [n.route, n.error.keyword, n.children.length])).toEqual([
      [['jobs', 'a'], 'oneOf', 2],
      [['jobs', 'b'], 'oneOf', 1],
      [[], 'additionalProperties', 0],
    ]);
    const inner = forest[0]!.children[0]!;
    expect(inner.route).toEqual(['jobs', 'a', 'steps', 0]);
    expect(inner.children).toHaveLength(2);
  });

  it('does not let a oneOf claim errors of a sibling item with the same schema path', () => {
    const S = '#/properties/list/items/oneOf';
    const errors = [err('/list/0', `${S}/0/type`, 'type'), err('/list/1', `${S}/0/type`, 'type'), err('/list/1', S, 'oneOf')];
    const forest = buildErrorTree(errors, { list: [1, 2] });
    expect(forest.map((n) => [n.route, n.children.length])).toEqual([
      [['list', 0], 0],
      [['list', 1], 1],
    ]);
  });
});
