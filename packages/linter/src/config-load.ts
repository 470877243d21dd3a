import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SlsaKitError } from '@slsa-kit/core';
import { parseConfig, EMPTY_CONFIG, type LintConfig } from './config.js';
import type { AnyRule } from './rule.js';

/** Why a configuration could not be used. All of them are usage errors (exit 2). */
export type ConfigErrorCode = 'config-invalid' | 'config-not-found' | 'config-unreadable';

/** The files looked for, in order, when no `--config` is given (relative to the repository root). */
export const DEFAULT_CONFIG_FILES: readonly string[] = ['.github/slsa-lint.yml', '.slsa-lint.yml'];

/** Where to look for the configuration. */
export interface ConfigLocation {
  /** The repository root: default files are looked up here and `ignore:` globs are relative to it. */
  readonly root: string;
  /** An explicit file (`--config`); it must exist. */
  readonly explicit?: string;
}

/**
 * Finds, reads and validates the configuration. No file is fine (defaults apply); an explicit file
 * that is missing, or any file with problems, throws a {@link SlsaKitError} whose message lists
 * every problem as `file:line:column: message`.
 */
export async function loadConfig(where: ConfigLocation, rules: readonly AnyRule[]): Promise<LintConfig> {
  const candidates = where.explicit ? [path.resolve(where.explicit)] : DEFAULT_CONFIG_FILES.map((f) => path.join(where.root, f));
  for (const file of candidates) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      if (missing && !where.explicit) continue;
      throw new SlsaKitError<ConfigErrorCode>(
        missing ? 'config-not-found' : 'config-unreadable',
        missing ? `configuration file ${file} does not exist` : `cannot read configuration file ${file}`,
        { cause: error },
      );
    }
    const shown = path.relative(process.cwd(), file) || file;
    const { config, problems } = parseConfig(text, shown, rules);
    if (!config) {
      const lines = problems.map((p) => `${shown}:${p.line}:${p.column}: ${p.message}`);
      throw new SlsaKitError<ConfigErrorCode>('config-invalid', `invalid configuration:\n${lines.join('\n')}`);
    }
    return { ...config, baseDir: where.root };
  }
  return { ...EMPTY_CONFIG, baseDir: where.root };
}
