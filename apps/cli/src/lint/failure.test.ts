import { describe, expect, it } from 'vitest';
import { SlsaKitError } from '@slsa-kit/core';
import { describeFailure } from './failure.js';

describe('describeFailure', () => {
  it.each([
    ['usage', 2],
    ['config-invalid', 2],
    ['config-not-found', 2],
    ['no-inputs', 3],
    ['read-failed', 4],
    ['write-failed', 4],
    ['rule-crashed', 4],
  ])('%s → exit %i', (code, exit) => {
    expect(describeFailure(new SlsaKitError(code, 'm')).exitCode).toBe(exit);
  });

  it('an unknown error is an internal error asking for a report', () => {
    const f = describeFailure(new TypeError('x is undefined'));
    expect(f).toMatchObject({ exitCode: 4, message: 'internal error: x is undefined' });
    expect(f.hint).toContain('report');
  });
});
