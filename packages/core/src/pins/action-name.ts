import { pinError } from './codes.js';

/** The repository an action lives in. */
export interface ActionRepo {
  readonly owner: string;
  readonly repo: string;
  /** `owner/repo` in lowercase: GitHub names are case-insensitive. */
  readonly key: string;
}

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Reads `owner/repo` or `owner/repo/path/to/action` (a sub-action or a reusable workflow path)
 * as the repository that holds it. Throws `PIN_INVALID_ACTION` for anything else (`./local`,
 * `docker://…`, a name with `@ref`).
 */
export function parseActionName(action: string): ActionRepo {
  const parts = action.split('/');
  const [owner, repo] = parts;
  if (parts.length < 2 || owner === undefined || repo === undefined || !OWNER.test(owner) || !REPO.test(repo) || repo === '.' || repo === '..') {
    throw pinError('PIN_INVALID_ACTION', `"${action}" is not an action name; expected owner/repo or owner/repo/path`);
  }
  return { owner, repo, key: `${owner}/${repo}`.toLowerCase() };
}

/** True for a full 40-hex commit SHA. */
export function isFullSha(ref: string): boolean {
  return /^[0-9a-fA-F]{40}$/.test(ref);
}
