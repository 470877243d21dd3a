import { describe, expect, it } from 'vitest';
import { parseYaml } from './parse.js';

describe('parseYaml', () => {
  it('parses a workflow and keeps positions', () => {
    const r = parseYaml('on: push\njobs: {}\n', 'w.yml');
    expect(r.diagnostics).toEqual([]);
    expect(r.document?.toJS()).toEqual({ on: 'push', jobs: {} });
  });
});
