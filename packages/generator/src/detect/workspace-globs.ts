/**
 * The workspace globs slsa-init expands: a plain directory (`tools`) and one trailing star
 * (`packages/*`), which is what npm, yarn and pnpm projects nearly always use. Anything else
 * (`**`, negations, braces) names no package here, so such packages are simply not listed.
 */
export function expandableGlob(glob: string): { readonly dir: string; readonly star: boolean } | undefined {
  const clean = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  if (clean === '' || clean.startsWith('!') || clean.startsWith('/') || clean.split('/').includes('..')) return undefined;
  if (/^[^*?{}[\]!]+\/\*$/.test(clean)) return { dir: clean.slice(0, -2), star: true };
  if (/^[^*?{}[\]!]+$/.test(clean)) return { dir: clean, star: false };
  return undefined;
}

/** True when the workspace directory `dir` is named by `glob`. */
export function matchesWorkspaceGlob(glob: string, dir: string): boolean {
  const g = expandableGlob(glob);
  if (!g) return false;
  if (!g.star) return dir === g.dir;
  return dir.startsWith(`${g.dir}/`) && !dir.slice(g.dir.length + 1).includes('/');
}
