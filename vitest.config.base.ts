import { defineConfig, type ViteUserConfig as UserConfig } from 'vitest/config';
import { defaultServerConditions } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const workspaceRoot = path.dirname(fileURLToPath(import.meta.url));

/**
 * Shared vitest settings. Tests resolve sibling packages to their TypeScript sources through the
 * `@slsa-kit/source` export condition, so no build is needed before `vitest`, and each project
 * writes a JSON report that `tools/scripts/run-tests.mjs` sums into the closing
 * `N passed, N failed` line.
 */
export function baseConfig(projectName: string, overrides: UserConfig['test'] = {}): UserConfig {
  const conditions = ['@slsa-kit/source', ...defaultServerConditions];
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['@slsa-kit/source'] } },
    test: {
      name: projectName,
      environment: 'node',
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
      reporters: [
        'default',
        ['json', { outputFile: path.join(workspaceRoot, 'reports', 'vitest', `${projectName}.json`) }],
      ],
      testTimeout: 20_000,
      pool: 'forks',
      passWithNoTests: true,
      ...overrides,
    },
  });
}
