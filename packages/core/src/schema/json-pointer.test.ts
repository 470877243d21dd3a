import { describe, expect, it } from 'vitest';
import { dataAt, instancePathToRoute, schemaAt, schemaPathSegments } from './json-pointer.js';

describe('json pointers', () => {
  it('turns an instancePath into a route, with numbers for array indexes only', () => {
    const data = { jobs: { '0': { steps: [{ 'a/b~c': 1 }] } } };
    expect(instancePathToRoute('/jobs/0/steps/0/a~1b~0c', data)).toEqual(['jobs', '0', 'steps', 0, 'a/b~c']);
    expect(instancePathToRoute('', data)).toEqual([]);
    expect(dataAt(data, ['jobs', '0', 'steps', 0, 'a/b~c'])).toBe(1);
  });

  it('decodes ajv schema paths (URI-encoded, pointer-escaped)', () => {
    expect(schemaPathSegments('#/properties/jobs/patternProperties/%5E%5B_a-zA-Z%5D/oneOf/0')).toEqual([
      'properties',
      'jobs',
      'patternProperties',
      '^[_a-zA-Z]',
      'oneOf',
      '0',
    ]);
    expect(schemaPathSegments('#/properties/a~1b')).toEqual(['properties', 'a/b']);
    expect(schemaPathSegments('#')).toEqual([]);
  });

  it('looks up subschemas', () => {
    const schema = { properties: { on: { oneOf: [{ type: 'string' }, true] } } };
    expect(schemaAt(schema, ['properties', 'on', 'oneOf', '0'])).toEqual({ type: 'string' });
    expect(schemaAt(schema, ['properties', 'on', 'oneOf', '1'])).toBe(true);
    expect(schemaAt(schema, ['properties', 'nope', 'type'])).toBeUndefined();
  });
});
