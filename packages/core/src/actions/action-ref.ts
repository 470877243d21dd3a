import type { Span } from '../diagnostic.js';
import { parseDockerRef } from './docker-ref.js';
import { classifyRef, type RefKind, type TagVersion } from './ref-kind.js';

/** Fields every parsed `uses:` value carries. */
interface ActionRefBase {
  /** The value exactly as given. */
  readonly raw: string;
  /** The whole value in the file. */
  readonly span: Span;
}

/** `owner/repo[/path]@ref`: an action or reusable workflow in a GitHub repository. */
export interface RepositoryActionRef extends ActionRefBase {
  readonly kind: 'repository';
  readonly owner: string;
  readonly repo: string;
  /** The sub-directory of the action, or the workflow file (`.github/workflows/x.yml`). */
  readonly path?: string;
  /** `owner/repo[/path]` as written (the part before `@`). */
  readonly name: string;
  readonly ref: string;
  readonly refKind: RefKind;
  /** Set when the ref is a version-like tag. */
  readonly version?: TagVersion;
  /**
   * The path names a YAML file. Actions are directories, so this is how GitHub tells the two apart;
   * whether the file sits in `.github/workflows/` is for a rule to check.
   */
  readonly isReusableWorkflow: boolean;
  readonly spans: {
    readonly owner: Span;
    readonly repo: Span;
    readonly path?: Span;
    readonly name: Span;
    /** Replace only this span to re-pin the action. */
    readonly ref: Span;
  };
}

/** `./path`: an action or workflow in the calling repository. */
export interface LocalActionRef extends ActionRefBase {
  readonly kind: 'local';
  readonly path: string;
  readonly isReusableWorkflow: boolean;
}

/** `docker://image[:tag][@digest]`: a container image run as a step. */
export interface DockerActionRef extends ActionRefBase {
  readonly kind: 'docker';
  /** The image name, including any registry host and port (`ghcr.io:443/x/y`). */
  readonly image: string;
  readonly tag?: string;
  /** `algorithm:hex`, without the `@`. */
  readonly digest?: string;
  readonly spans: { readonly image: Span; readonly tag?: Span; readonly digest?: Span };
}

/** Why a `uses:` value cannot be used. Stable codes, so rules can choose messages and fixes. */
export type InvalidReason =
  | 'empty'
  | 'expression'
  | 'whitespace'
  | 'missing-repo'
  | 'missing-ref'
  | 'bad-owner'
  | 'bad-repo'
  | 'bad-path'
  | 'bad-ref'
  | 'bad-image'
  | 'bad-tag'
  | 'bad-digest';

/** A `uses:` value GitHub would reject. */
export interface InvalidActionRef extends ActionRefBase {
  readonly kind: 'invalid';
  readonly reason: InvalidReason;
  readonly message: string;
}

/** A parsed `uses:` value. */
export type ActionRef = RepositoryActionRef | LocalActionRef | DockerActionRef | InvalidActionRef;

const OWNER = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const REPO = /^[A-Za-z0-9_.-]+$/;
// The parts of `git check-ref-format` that a `uses:` ref can get wrong (blanks are rejected earlier).
const BAD_REF_CHAR = /[~^:?*[\\]/;
const YAML_FILE = /\.ya?ml$/i;

/**
 * Parses a `uses:` value. Never throws; malformed values come back as `kind: 'invalid'`.
 *
 * `offset` is the file offset of the value's first character (after any opening quote; see
 * {@link valueOffset}), so every returned span points into the file and a fixer can replace, say,
 * only the ref.
 */
export function parseActionRef(raw: string, offset = 0): ActionRef {
  const span = { start: offset, end: offset + raw.length };
  const invalid = (reason: InvalidReason, message: string): InvalidActionRef => ({ kind: 'invalid', raw, span, reason, message });

  if (raw.trim() === '') return invalid('empty', '`uses:` is empty; name an action as owner/repo@ref');
  if (raw.includes('${{')) return invalid('expression', '`uses:` cannot contain an expression; GitHub resolves actions before it evaluates expressions');
  if (/\s/.test(raw)) return invalid('whitespace', '`uses:` cannot contain whitespace');

  if (raw.startsWith('docker://')) {
    const docker = parseDockerRef(raw.slice('docker://'.length), offset + 'docker://'.length);
    return 'reason' in docker ? invalid(docker.reason, docker.message) : { kind: 'docker', raw, span, ...docker };
  }
  if (raw.startsWith('./')) return { kind: 'local', raw, span, path: raw, isReusableWorkflow: YAML_FILE.test(raw) };

  const at = raw.indexOf('@');
  const name = at === -1 ? raw : raw.slice(0, at);
  const segments = name.split('/');
  if (segments.length < 2) {
    return invalid('missing-repo', `\`${name}\` is not owner/repo; an action is named by its owner and repository`);
  }
  if (segments.some((s) => s === '')) return invalid('bad-path', `\`${name}\` has an empty path segment`);
  const [owner, repo, ...rest] = segments as [string, string, ...string[]];
  if (!OWNER.test(owner)) {
    const hint = owner.startsWith('.') ? '; a path in this repository starts with `./`' : '';
    return invalid('bad-owner', `\`${owner}\` is not a valid repository owner${hint}`);
  }
  if (!REPO.test(repo) || repo === '.' || repo === '..') return invalid('bad-repo', `\`${repo}\` is not a valid repository name`);
  if (rest.some((s) => s === '.' || s === '..' || s.includes('\\'))) {
    return invalid('bad-path', `\`${rest.join('/')}\` is not a valid path inside the repository`);
  }
  if (at === -1 || at === raw.length - 1) {
    return invalid('missing-ref', `\`${name}\` has no ref; add @ and a tag or full commit SHA`);
  }
  const ref = raw.slice(at + 1);
  if (!isValidRef(ref)) return invalid('bad-ref', `\`${ref}\` is not a valid git ref`);

  const ownerStart = offset;
  const repoStart = ownerStart + owner.length + 1;
  const path = rest.length > 0 ? rest.join('/') : undefined;
  const pathStart = repoStart + repo.length + 1;
  const refStart = offset + at + 1;
  const { refKind, version } = classifyRef(ref);
  return {
    kind: 'repository',
    raw,
    span,
    owner,
    repo,
    ...(path !== undefined ? { path } : {}),
    name,
    ref,
    refKind,
    ...(version ? { version } : {}),
    isReusableWorkflow: path !== undefined && YAML_FILE.test(path),
    spans: {
      owner: { start: ownerStart, end: ownerStart + owner.length },
      repo: { start: repoStart, end: repoStart + repo.length },
      ...(path !== undefined ? { path: { start: pathStart, end: pathStart + path.length } } : {}),
      name: { start: offset, end: offset + name.length },
      ref: { start: refStart, end: refStart + ref.length },
    },
  };
}

function isValidRef(ref: string): boolean {
  if (BAD_REF_CHAR.test(ref) || ref.includes('..') || ref.includes('@{') || ref.includes('//')) return false;
  if ([...ref].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return false;
  return !ref.startsWith('/') && !ref.endsWith('/') && !ref.endsWith('.') && !ref.endsWith('.lock');
}

/** `owner/repo` in lower case: GitHub compares owners and repository names case-insensitively. */
export function repositorySlug(ref: RepositoryActionRef): string {
  return `${ref.owner}/${ref.repo}`.toLowerCase();
}
