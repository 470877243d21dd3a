import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md's boundaries are enforced by `@nx/enforce-module-boundaries` in the `lint` target,
 * which `npm test` runs. This proves the rule bites: each forbidden import, linted as if it were
 * written in that project, is an error; each allowed one is not.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(file: string, importFrom: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${importFrom}';\nexport const y = x;\n`, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('module boundaries', () => {
  it.each([
    ['packages/linter/src/probe.ts', '@slsa-kit/generator'],
    ['packages/generator/src/probe.ts', '@slsa-kit/linter'],
    ['packages/core/src/probe.ts', '@slsa-kit/linter'],
    ['packages/core/src/probe.ts', '@slsa-kit/generator'],
    ['tools/src/probe.ts', '@slsa-kit/linter'],
    ['e2e/src/probe.ts', '@slsa-kit/core'],
  ])('%s may not import %s', async (file, from) => {
    const errors = await boundaryErrors(file, from);
    expect(errors.length, `no boundary error for ${from} in ${file}`).toBeGreaterThan(0);
  });

  it.each([
    ['packages/linter/src/probe.ts', '@slsa-kit/core'],
    ['packages/generator/src/probe.ts', '@slsa-kit/core'],
    ['apps/cli/src/probe.ts', '@slsa-kit/linter'],
    ['apps/cli/src/probe.ts', '@slsa-kit/generator'],
  ])('%s may import %s', async (file, from) => {
    expect(await boundaryErrors(file, from)).toEqual([]);
  });
});
