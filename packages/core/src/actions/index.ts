export {
  parseActionRef,
  repositorySlug,
  type ActionRef,
  type RepositoryActionRef,
  type LocalActionRef,
  type DockerActionRef,
  type InvalidActionRef,
  type InvalidReason,
} from './action-ref.js';
export { parseDockerRef, type DockerImageParts, type DockerRefProblem } from './docker-ref.js';
export { classifyRef, parseTagVersion, isFullSha, type RefKind, type RefClassification, type TagVersion } from './ref-kind.js';
export { valueOffset } from './value-offset.js';
export {
  findTrailingComment,
  parseVersionComment,
  readVersionComment,
  isRatchetExclude,
  type TrailingComment,
  type VersionComment,
  type VersionCommentStyle,
} from './version-comment.js';

export {
  KNOWN_ACTIONS,
  findKnownAction,
  suggestKnownAction,
  type KnownAction,
  type KnownInput,
  type ActionSuggestion,
} from './known-actions.js';
