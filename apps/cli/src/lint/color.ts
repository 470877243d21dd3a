/** What colour decisions depend on, injectable for tests. */
export interface ColorEnvironment {
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Colour only for people: on a terminal, not with `NO_COLOR` set to anything non-empty
 * (no-color.org), and not on a `dumb` terminal. Only the text format asks; machine formats are
 * never coloured.
 */
export function useColor({ isTTY, env }: ColorEnvironment): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['TERM'] === 'dumb') return false;
  return isTTY;
}
