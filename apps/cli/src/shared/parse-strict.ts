import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

type Strict<O extends ParseArgsOptionsConfig> = { args: string[]; options: O; strict: true; allowPositionals: true };

/**
 * `node:util` `parseArgs` in strict mode (an unknown flag or a missing value is an error, operands
 * allowed) for the three bins. parseArgs words its errors well ("Unknown option '--x'"), so `fail`
 * keeps the words and turns them into the bin's usage error (exit 2), without a stack trace.
 */
export function parseStrict<const O extends ParseArgsOptionsConfig>(argv: readonly string[], options: O, fail: (message: string) => Error): ReturnType<typeof parseArgs<Strict<O>>> {
  try {
    return parseArgs<Strict<O>>({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error));
  }
}
