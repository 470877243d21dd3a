import { findKnownAction, repositorySlug, type KnownAction, type PermissionLevel, type ReusableJob } from '@slsa-kit/core';
import { cachedActionRef } from '../action-ref-cache.js';
import { SLSA_GENERATOR_REPO } from '../knowledge/slsa-generator.js';

/** One permission a generator workflow's nested jobs request, and why. */
export interface RequiredPermission {
  readonly scope: string;
  readonly level: Exclude<PermissionLevel, 'none'>;
  readonly why: string;
}

/** A job that calls one of slsa-github-generator's reusable workflows. */
export interface GeneratorCall {
  readonly job: ReusableJob;
  /** The workflow file, e.g. `generator_generic_slsa3.yml`. */
  readonly file: string;
  /** Input metadata, when the workflow is one slsa-kit knows. */
  readonly known: KnownAction | undefined;
  /** What the calling job must grant, because GitHub checks every nested job's request when the call starts. */
  readonly permissions: readonly RequiredPermission[];
}

const SIGN: RequiredPermission = { scope: 'id-token', level: 'write', why: 'to sign the provenance with a Sigstore certificate' };
const DETECT: RequiredPermission = { scope: 'actions', level: 'read', why: 'to read the calling workflow run' };
// GitHub validates nested jobs' permissions before any `if:` skips them, so a builder with an
// `upload-assets` job needs `contents: write` even when nothing is uploaded.
const UPLOAD: RequiredPermission = { scope: 'contents', level: 'write', why: 'its nested `upload-assets` job requests it' };
const CHECKOUT: RequiredPermission = { scope: 'contents', level: 'read', why: 'to check out the repository' };

/** Extra permissions per workflow file, from the nested jobs' `permissions:` of the v2 releases. */
const EXTRA: Readonly<Record<string, readonly RequiredPermission[]>> = {
  'generator_generic_slsa3.yml': [UPLOAD],
  'builder_go_slsa3.yml': [UPLOAD],
  'builder_nodejs_slsa3.yml': [CHECKOUT],
};

/** The generator call a reusable job makes, or undefined when it calls anything else. */
export function generatorCall(job: ReusableJob): GeneratorCall | undefined {
  const ref = cachedActionRef(job.uses.value, job.uses.span.start);
  if (ref.kind !== 'repository' || repositorySlug(ref) !== SLSA_GENERATOR_REPO) return undefined;
  const path = ref.path ?? '';
  if (!path.toLowerCase().startsWith('.github/workflows/')) return undefined;
  const file = path.slice('.github/workflows/'.length);
  return {
    job,
    file,
    known: findKnownAction(`${SLSA_GENERATOR_REPO}/${path}`),
    permissions: [DETECT, SIGN, ...(EXTRA[file.toLowerCase()] ?? [])],
  };
}

/** Whether a granted level satisfies a required one (`write` implies `read`). */
export function satisfies(granted: PermissionLevel, wanted: Exclude<PermissionLevel, 'none'>): boolean {
  return granted === 'write' || (wanted === 'read' && granted === 'read');
}
