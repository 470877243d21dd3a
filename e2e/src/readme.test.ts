import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The command outputs in README.md are real: tools/scripts/readme-outputs.mjs reruns every block's
 * command against the built bins and reports any block whose text drifted (`npm run docs:readme`
 * rewrites them). And no `$ npx slsa-…` command in the README sits outside such a block, so none
 * of its output was typed by hand.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = path.join(repoRoot, 'tools', 'scripts', 'readme-outputs.mjs');
const README = path.join(repoRoot, 'README.md');

const OPEN = /^<!-- readme-output: ([\w-]+) -->$/;
const CLOSE = '<!-- /readme-output -->';
/** A shown command of one of the three bins, with or without npx. */
const SHOWN_COMMAND = /^\$ (?:npx (?:-p \S+ )?)?slsa-(?:init|lint|verify)\b/;

describe('README command outputs', () => {
  it('match what the built bins print now (run `npm run docs:readme` if not)', () => {
    const r = spawnSync(process.execPath, [SCRIPT], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 120_000,
      // Node warns on stderr when NO_COLOR and FORCE_COLOR are both set (as in some CI shells).
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'FORCE_COLOR' && k !== 'NO_COLOR')),
    });
    expect(r.status, `readme-outputs.mjs --check:\n${r.stdout}${r.stderr}`).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/README\.md is current \(\d+ blocks\)/);
  }, 150_000);

  it('shows every slsa-init, slsa-lint and slsa-verify command inside a checked block, as its first line', () => {
    const lines = readFileSync(README, 'utf8').split('\n');
    const outside: string[] = [];
    let block: { id: string; line: number } | undefined;
    let blocks = 0;
    lines.forEach((text, i) => {
      const open = OPEN.exec(text);
      if (open) {
        expect(block, `README.md:${i + 1}: a block opens inside block ${block?.id}`).toBeUndefined();
        block = { id: open[1]!, line: i + 1 };
        blocks++;
        expect(lines[i + 1], `README.md:${i + 2}: block ${block.id} must start with a console fence`).toBe('```console');
        expect(lines[i + 2], `README.md:${i + 3}: block ${block.id} must show its command first`).toMatch(/^\$ /);
        return;
      }
      if (text === CLOSE) {
        expect(block, `README.md:${i + 1}: a close marker without a block`).toBeDefined();
        block = undefined;
        return;
      }
      if (!SHOWN_COMMAND.test(text)) return;
      // Inside a block, only the fence's first line is a command; anything else would be output
      // that looks like a second command (and so was never run as one).
      if (!block || i !== block.line + 1) outside.push(`README.md:${i + 1}: ${text}`);
    });
    expect(block, `block ${block?.id} is never closed`).toBeUndefined();
    expect(blocks).toBeGreaterThanOrEqual(8);
    expect(outside).toEqual([]);
  });
});
