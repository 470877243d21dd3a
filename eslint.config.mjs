import nx from '@nx/eslint-plugin';

/**
 * Module boundaries from DESIGN.md, enforced on the Nx project graph: core depends on no sibling;
 * generator and linter on core only (never on each other); cli on all three; tools on core; e2e
 * on nothing (it drives the built bins).
 */
export const depConstraints = [
  { sourceTag: 'scope:core', onlyDependOnLibsWithTags: ['scope:core'] },
  { sourceTag: 'scope:generator', onlyDependOnLibsWithTags: ['scope:core'] },
  { sourceTag: 'scope:linter', onlyDependOnLibsWithTags: ['scope:core'] },
  { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:core', 'scope:generator', 'scope:linter'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:core'] },
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: [] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/node_modules', '**/src/schema/generated/**', '**/vitest.config.*.timestamp*'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          // Subpaths of core (`/pins` with Octokit) load lazily on purpose, beside static imports of its light entries.
          checkDynamicDependenciesExceptions: ['@slsa-kit/core'],
          depConstraints,
        },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // With noUncheckedIndexedAccess, `!` after a checked index is the idiom, not a smell.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Config files import the shared root configs by relative path; that is not a module import.
    files: ['**/eslint.config.mjs', '**/vitest.config.ts', 'vitest.config.base.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
