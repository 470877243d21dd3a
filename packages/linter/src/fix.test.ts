import { mkdtemp, readdir, readFile, stat, chmod, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { yaml } from '@slsa-kit/core/testing';
import { writeFileAtomic } from '@slsa-kit/core/fs';
import { applyFixes, fixFiles, fixText } from './fix.js';
import { defineRule } from './rule.js';

const edit = (start: number, end: number, text: string) => ({ fix: { description: 'd', edits: [{ span: { start, end }, text }] } });

describe('applyFixes', () => {
  it('applies non-overlapping fixes and skips those that overlap an earlier one', () => {
    expect(applyFixes('abcdef', [edit(0, 1, 'A'), edit(4, 6, 'EF'), edit(0, 2, 'XX')])).toEqual({ text: 'AbcdEF', applied: 2 });
  });
  it('keeps only one insertion at a point', () => {
    expect(applyFixes('ab', [edit(1, 1, 'x'), edit(1, 1, 'y')]).text).toBe('axb');
  });
});

describe('fixText', () => {
  it('stops at the pass bound when a fix keeps re-triggering', () => {
    const forever = defineRule({
      meta: { id: 'grow', description: 'd', defaultSeverity: 'error', fixable: true, requiresNetwork: false, docsUrl: 'u', messages: { m: 'm' } },
      create: (ctx) => ({ workflow: (w) => ctx.report({ messageId: 'm', at: [], fix: { description: 'd', edits: [{ span: { start: w.source.text.length, end: w.source.text.length }, text: '#\n' }] } }) }),
    });
    const outcome = fixText('on: push\n', 'w.yml', { rules: [forever] }, 3);
    expect(outcome.converged).toBe(false);
    expect(outcome.text).toBe('on: push\n#\n#\n#\n');
  });
});

describe('fixFiles and writeFileAtomic', () => {
  const GEN = 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml';
  it('rewrites a SHA-pinned generator to its tag, keeps the mode, leaves no temp file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'slsa-lint-fix-'));
    const file = path.join(dir, 'release.yml');
    const before = yaml`
      on: push
      jobs:
        provenance:
          uses: ${GEN}@f7dd8c54c2067bafc12ca7a55595d5ee9b75204a # v2.1.0
          with:
            base64-subjects: abc
    `;
    await writeFile(file, before);
    await chmod(file, 0o640);
    const { results, changedFiles } = await fixFiles([file]);
    expect(changedFiles).toEqual([file]);
    expect(results[0]!.diagnostics).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(before.replace('f7dd8c54c2067bafc12ca7a55595d5ee9b75204a # v2.1.0', 'v2.1.0'));
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['release.yml']);
  });

  it('writeFileAtomic fails with a coded error and cleans up', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'slsa-lint-fix-'));
    await expect(writeFileAtomic(path.join(dir, 'no', 'such', 'dir.yml'), 'x')).rejects.toMatchObject({ code: 'write-failed' });
    expect(await readdir(dir)).toEqual([]);
  });
});
