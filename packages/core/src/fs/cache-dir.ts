import os from 'node:os';
import path from 'node:path';

/**
 * slsa-kit's cache directory for one purpose (`github`, `tuf/<host>`): under `$XDG_CACHE_HOME`
 * when it is an absolute path, `%LOCALAPPDATA%` on Windows, else `~/.cache`.
 */
export function slsaKitCacheDir(purpose: string, env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'slsa-kit', purpose);
  if (process.platform === 'win32' && env['LOCALAPPDATA']) return path.join(env['LOCALAPPDATA'], 'slsa-kit', purpose);
  return path.join(home, '.cache', 'slsa-kit', purpose);
}
