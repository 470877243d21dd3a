import { describe, expect, it } from 'vitest';
import type { VerificationResult } from '@slsa-kit/core/provenance';
import { progressBar, PROGRESS_MIN_BYTES, renderBar } from './progress.js';
import { failureReason, renderJson, renderText, type ReportContext } from './render.js';

const ctx: ReportContext = { command: 'verify-artifact', provenancePath: 'p.jsonl', sourceUri: 'github.com/o/r', artifacts: [{ name: 'a.bin', digests: { sha256: 'ab' } }], printProvenance: true };
const passed: VerificationResult = { passed: true, checks: [{ id: 'signature', status: 'passed', message: 'ok' }, { id: 'tag', status: 'skipped', message: 'no --source-tag given' }], warnings: [], statement: { _type: 'x' } };
const failed: VerificationResult = { passed: false, checks: [{ id: 'source', status: 'failed', message: 'wrong repo', code: 'MISMATCH_SOURCE' }], reason: 'wrong repo', code: 'MISMATCH_SOURCE', warnings: ['w'], statement: { _type: 'x' } };

describe('renderText', () => {
  it('lists checks and ends with the verdict line', () => {
    const t = renderText(passed, ctx, false);
    expect(t).toContain('  PASS signature: ok\n  SKIP tag: no --source-tag given\n');
    expect(t.endsWith('PASSED: SLSA verification passed\n')).toBe(true);
    expect(t).toContain('"_type": "x"');
    const f = renderText(failed, ctx, false);
    expect(f).toContain('  FAIL source: wrong repo (MISMATCH_SOURCE)\n');
    expect(f.endsWith('FAILED: wrong repo\n')).toBe(true);
    expect(f).not.toContain('_type');
    expect(f).not.toContain('\u001b[');
  });

  it('uses ✓/✗ and colour only when asked', () => {
    expect(renderText(passed, ctx, true)).toContain('✓');
    expect(renderText(failed, ctx, true)).toContain('\u001b[31m✗');
  });

  it('never prints FAILED with an empty reason', () => {
    expect(failureReason({ passed: false, checks: [], warnings: [] })).toBe('verification did not pass');
  });
});

describe('renderJson', () => {
  it('is one versioned object without ANSI', () => {
    const j = JSON.parse(renderJson(failed, ctx));
    expect(j).toMatchObject({ version: 1, passed: false, reason: 'wrong repo', code: 'MISMATCH_SOURCE', checks: [{ id: 'source', status: 'failed', code: 'MISMATCH_SOURCE' }], warnings: ['w'] });
    expect(j.statement).toBeUndefined();
    expect(JSON.parse(renderJson(passed, ctx)).statement).toEqual({ _type: 'x' });
  });
});

describe('progressBar', () => {
  it('draws only on a TTY, only for large files, and erases itself', () => {
    let out = '';
    const stream = { isTTY: true, write: (s: string) => (out += s) };
    let t = 0;
    const bar = progressBar(stream, 'big.iso', () => (t += 200));
    expect(progressBar({ isTTY: false, write: () => 0 }, 'x')).toBeUndefined();
    bar?.(10, 100);
    expect(out).toBe('');
    bar?.(1, PROGRESS_MIN_BYTES * 2);
    expect(out).toContain('hashing big.iso [');
    bar?.(PROGRESS_MIN_BYTES * 2, PROGRESS_MIN_BYTES * 2);
    expect(out.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('renders a bounded bar', () => {
    expect(renderBar('f', 50, 100, 80)).toMatch(/^hashing f \[#+\.+\] {2}50% 0\/1 MiB$/);
  });
});
