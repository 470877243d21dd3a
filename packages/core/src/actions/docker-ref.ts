import type { Span } from '../diagnostic.js';

/** The parts of an image reference, with file spans. */
export interface DockerImageParts {
  readonly image: string;
  readonly tag?: string;
  readonly digest?: string;
  readonly spans: { readonly image: Span; readonly tag?: Span; readonly digest?: Span };
}

/** Why an image reference is malformed. */
export interface DockerRefProblem {
  readonly reason: 'bad-image' | 'bad-tag' | 'bad-digest';
  readonly message: string;
}

// Docker's reference grammar, loosened where GitHub passes the name through unchanged.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const COMPONENT = /^[A-Za-z0-9]+(?:(?:[._]|__|-+)[A-Za-z0-9]+)*$/;
const HOST = /^[A-Za-z0-9.-]+(?::\d+)?$/;

/**
 * Splits `image[:tag][@digest]` (the part after `docker://`). A colon is a tag separator only
 * after the last `/`, so a registry port (`ghcr.io:443/x/y:1`) stays part of the image name.
 * `offset` is the file offset of `text`'s first character.
 */
export function parseDockerRef(text: string, offset: number): DockerImageParts | DockerRefProblem {
  const at = text.indexOf('@');
  const nameAndTag = at === -1 ? text : text.slice(0, at);
  const digest = at === -1 ? undefined : text.slice(at + 1);
  const colon = nameAndTag.lastIndexOf(':');
  const hasTag = colon > nameAndTag.lastIndexOf('/');
  const image = hasTag ? nameAndTag.slice(0, colon) : nameAndTag;
  const tag = hasTag ? nameAndTag.slice(colon + 1) : undefined;

  if (!isImageName(image)) return { reason: 'bad-image', message: `\`${image}\` is not a valid image name` };
  if (tag !== undefined && !TAG.test(tag)) return { reason: 'bad-tag', message: `\`${tag}\` is not a valid image tag` };
  if (digest !== undefined && !DIGEST.test(digest)) {
    return { reason: 'bad-digest', message: `\`${digest}\` is not a valid image digest (algorithm:hex)` };
  }
  const tagStart = offset + image.length + 1;
  const digestStart = offset + nameAndTag.length + 1;
  return {
    image,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
    spans: {
      image: { start: offset, end: offset + image.length },
      ...(tag !== undefined ? { tag: { start: tagStart, end: tagStart + tag.length } } : {}),
      ...(digest !== undefined ? { digest: { start: digestStart, end: digestStart + digest.length } } : {}),
    },
  };
}

/**
 * The first component may be a registry host (it has a `.` or `:`, or is `localhost`); the rest are
 * path components. Upper case is accepted: GitHub hands the name to Docker, which reports it.
 */
function isImageName(image: string): boolean {
  if (image === '') return false;
  const parts = image.split('/');
  const first = parts[0]!;
  const isHost = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (isHost && !HOST.test(first)) return false;
  return parts.slice(isHost ? 1 : 0).every((p) => COMPONENT.test(p));
}
