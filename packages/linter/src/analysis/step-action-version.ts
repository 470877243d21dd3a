import { parseTagVersion, readVersionComment, repositorySlug, type Step, type TagVersion } from '@slsa-kit/core';
import { cachedActionRef } from '../action-ref-cache.js';
import type { LintServices } from '../services.js';

type SemVer = TagVersion['semver'];

/**
 * The action a step uses and the version it runs, for rules whose verdict depends on an action's
 * defaults (`artipacked`, `cache-poisoning`): actions change defaults between majors.
 */
export interface StepActionVersion {
  /** `owner/repo[/path]`, lower case. */
  readonly name: string;
  /**
   * The version the ref names: the tag itself (`v4` reads as 4.0.0 but floats to the newest v4),
   * else the `# vX.Y.Z` comment of a SHA pin, else the release the pin database knows for the SHA.
   */
  readonly version?: SemVer;
  /** The ref is a major-only or major.minor tag, which floats to the newest release of that line. */
  readonly floating: boolean;
}

/** What `step` uses and at which version, or undefined for `run:`, local and docker steps. */
export function stepActionVersion(step: Step, text: string, services: Pick<LintServices, 'tagForCommit'>): StepActionVersion | undefined {
  if (!step.uses) return undefined;
  const ref = cachedActionRef(step.uses.value, step.uses.span.start);
  if (ref.kind !== 'repository') return undefined;
  const name = ref.path ? `${repositorySlug(ref)}/${ref.path.toLowerCase()}` : repositorySlug(ref);
  if (ref.version) return { name, version: ref.version.semver, floating: ref.version.precision < 3 };
  if (ref.refKind === 'full-sha') {
    const comment = readVersionComment(text, step.uses.span.end);
    if (comment?.tag) return { name, version: comment.tag.semver, floating: comment.tag.precision < 3 };
    const tag = services.tagForCommit(repositorySlug(ref), ref.ref);
    const parsed = tag ? parseTagVersion(tag) : undefined;
    if (parsed) return { name, version: parsed.semver, floating: false };
  }
  return { name, floating: false };
}

/**
 * Whether a `with:` value is YAML/Actions truthy for a boolean input. Expressions are `undefined`:
 * their value is only known at run time.
 */
export function booleanInput(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string') return undefined;
  if (value.includes('${{')) return undefined;
  const v = value.trim().toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(v)) return true;
  if (['false', 'no', 'off', '0', ''].includes(v)) return false;
  return undefined;
}
