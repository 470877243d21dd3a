import type { RepositoryFacts } from '../facts.js';

// `scheme://[user[:password]@]host[:port]/path`: https, ssh, git, git+ssh, …
const URL_FORM = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/]*@)?([^/:?#]+)(?::\d*)?\/([^?#]*)/i;
// scp-like `[user@]host:path`; git only reads it so when no slash comes before the colon.
const SCP_FORM = /^(?:[^@/]+@)?([^:/]+):(?!\/\/)(.+)$/;

/**
 * The host, owner and name of a remote URL, or `undefined` for local paths, `file://` URLs and
 * anything without an owner and a name. Nested groups (GitLab) stay in the owner: `g/sub`.
 */
export function parseRemoteUrl(url: string): RepositoryFacts | undefined {
  const trimmed = url.trim();
  const full = URL_FORM.exec(trimmed);
  const scp = full ? undefined : SCP_FORM.exec(trimmed);
  if (full?.[1]?.toLowerCase() === 'file') return undefined;
  const host = full?.[2] ?? scp?.[1];
  const path = full?.[3] ?? scp?.[2];
  // A one-letter "host" is a Windows drive (`C:\repo`), not a server.
  if (host === undefined || path === undefined || host.length < 2) return undefined;
  const parts = path
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .split('/')
    .filter((part) => part !== '');
  if (parts.length < 2) return undefined;
  return { host: host.toLowerCase(), owner: parts.slice(0, -1).join('/'), name: parts.at(-1)! };
}
