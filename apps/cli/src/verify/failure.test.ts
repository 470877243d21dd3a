import { describe, expect, it } from 'vitest';
import { ProvenanceError, type ProvenanceErrorCode } from '@slsa-kit/core/provenance';
import { onlineUnavailable, usageError } from './errors.js';
import { describeVerifyFailure } from './failure.js';

describe('describeVerifyFailure', () => {
  it.each<[ProvenanceErrorCode, number]>([
    ['INVALID_ARGUMENT', 2],
    ['TRUSTED_ROOT_INVALID', 2],
    ['FILE_NOT_FOUND', 3],
    ['PROVENANCE_MALFORMED', 1],
    ['ONLINE_REQUIRED', 4],
    ['IO_ERROR', 4],
  ])('%s → exit %i', (code, exit) => {
    expect(describeVerifyFailure(new ProvenanceError(code, 'm')).exitCode).toBe(exit);
  });

  it('usage → 2 with its hint; --online → 4', () => {
    expect(describeVerifyFailure(usageError('m', 'h'))).toEqual({ exitCode: 2, message: 'm', hint: 'h' });
    expect(describeVerifyFailure(onlineUnavailable('m')).exitCode).toBe(4);
  });

  it('ONLINE_REQUIRED says what is needed', () => {
    expect(describeVerifyFailure(new ProvenanceError('ONLINE_REQUIRED', 'm')).hint).toMatch(/Rekor/);
  });

  it('an unknown error is an internal error asking for a report, never a pass', () => {
    const f = describeVerifyFailure(new TypeError('x is undefined'));
    expect(f).toMatchObject({ exitCode: 4, message: 'internal error: x is undefined' });
    expect(f.hint).toContain('report');
    expect(describeVerifyFailure('a string').exitCode).toBe(4);
  });
});
