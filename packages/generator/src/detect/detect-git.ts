import type { ProjectSnapshot, RepositoryFacts } from '../facts.js';
import { parseIni } from './parse-ini.js';
import { parseRemoteUrl } from './parse-remote-url.js';

const DEFAULT_BRANCH = 'main';

/**
 * The repository of the `origin` remote, else of the other remotes in file order (a fork's
 * clone may name its remote `upstream`); the first URL that names a hosted repository wins.
 */
export function detectRepository(snapshot: ProjectSnapshot): RepositoryFacts | undefined {
  const config = snapshot.files.get('.git/config');
  if (config === undefined) return undefined;
  const urls: string[] = [];
  for (const [section, entries] of parseIni(config)) {
    const url = entries.get('url');
    if (!section.startsWith('remote "') || url === undefined) continue;
    if (section === 'remote "origin"') urls.unshift(url);
    else urls.push(url);
  }
  for (const url of urls) {
    const repository = parseRemoteUrl(url);
    if (repository) return repository;
  }
  return undefined;
}

/** The branch a symbolic ref (`ref: refs/heads/dev`) points to under `prefix`. */
function symbolicRef(text: string | undefined, prefix: string): string | undefined {
  const target = /^ref:\s*(\S+)/.exec(text?.trim() ?? '')?.[1];
  return target?.startsWith(prefix) && target.length > prefix.length ? target.slice(prefix.length) : undefined;
}

/**
 * The remote's default branch (`refs/remotes/origin/HEAD`, set by `git clone`), else the
 * checked-out branch, else `main` (a detached HEAD names no branch).
 */
export function detectDefaultBranch(snapshot: ProjectSnapshot): string {
  return (
    symbolicRef(snapshot.files.get('.git/refs/remotes/origin/HEAD'), 'refs/remotes/origin/') ??
    symbolicRef(snapshot.files.get('.git/HEAD'), 'refs/heads/') ??
    DEFAULT_BRANCH
  );
}
