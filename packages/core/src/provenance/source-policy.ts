import type { CertificateIdentity } from './certificate-identity.js';
import { branchFromRef, tagFromRef, versionedTagProblem } from './git-ref.js';
import type { ProvenanceFacts } from './provenance-view.js';
import { fail, pass, skip, type CheckOutcome } from './result.js';
import { normalizeGitUri, parseGitUriAndRef, repositoryFromSourceUri } from './source-uri.js';

/** Checks the certificate's source repository claim against `--source-uri`. */
export function checkCertificateSource(identity: CertificateIdentity, expectedSourceUri: string): CheckOutcome {
  const expected = repositoryFromSourceUri(expectedSourceUri);
  return identity.sourceRepository === expected
    ? pass(`certificate source repository ${expected}`)
    : fail('MISMATCH_SOURCE', `certificate source repository is ${JSON.stringify(identity.sourceRepository ?? null)}, expected ${expected}`);
}

/**
 * Checks the statement's trigger and material URIs against `--source-uri`. Both must name the
 * repository; the trigger must carry a ref; the two must be identical, except where the builder
 * legitimately builds another commit (BYOB, pre-GA npm: material without a ref).
 */
export function checkStatementSource(facts: ProvenanceFacts, expectedSourceUri: string, allowMaterialWithoutRef: boolean): CheckOutcome {
  const source = normalizeGitUri(expectedSourceUri);
  if (!source.startsWith('git+https://github.com/')) return fail('MALFORMED_URI', `source ${source} is not a github.com repository`);
  const trigger = facts.triggerUri === undefined ? undefined : parseGitUriAndRef(facts.triggerUri);
  if (!trigger) return fail('MALFORMED_URI', `provenance trigger URI ${JSON.stringify(facts.triggerUri ?? null)} is malformed`);
  if (trigger.uri !== source) return fail('MISMATCH_SOURCE', `provenance trigger ${facts.triggerUri} does not match ${source}`);
  if (trigger.ref === '') return fail('MALFORMED_URI', `provenance trigger URI ${facts.triggerUri} has no ref`);
  const material = facts.sourceUri === undefined ? undefined : parseGitUriAndRef(facts.sourceUri);
  if (!material) return fail('MALFORMED_URI', `provenance source URI ${JSON.stringify(facts.sourceUri ?? null)} is malformed`);
  if (material.uri !== source) return fail('MISMATCH_SOURCE', `provenance source ${facts.sourceUri} does not match ${source}`);
  if (material.ref === '') {
    return allowMaterialWithoutRef ? pass(`source ${source}`) : fail('MALFORMED_URI', `provenance source URI ${facts.sourceUri} has no ref`);
  }
  if (facts.triggerUri !== facts.sourceUri) {
    return fail('INVALID_DSSE_PAYLOAD', `provenance trigger ${facts.triggerUri} and source ${facts.sourceUri} differ`);
  }
  return pass(`source ${facts.sourceUri}`);
}

/** The branch a build ran from: the pushed/dispatched branch, or the base branch of a tag push. */
export function provenanceBranch(facts: ProvenanceFacts): string | undefined {
  const direct = facts.ref === undefined ? undefined : branchFromRef(facts.ref);
  if (direct !== undefined) return direct;
  if (facts.baseRef) return branchFromRef(facts.baseRef) ?? facts.baseRef;
  const release = facts.eventPayload?.['release'];
  const target = typeof release === 'object' && release !== null ? (release as Record<string, unknown>)['target_commitish'] : undefined;
  return typeof target === 'string' && target !== '' ? (branchFromRef(target) ?? target) : undefined;
}

/** `--source-branch`. */
export function checkBranch(facts: ProvenanceFacts, expected: string | undefined): CheckOutcome {
  if (expected === undefined) return skip('no --source-branch given');
  const branch = provenanceBranch(facts);
  if (branch === undefined) return fail('INVALID_REF', `provenance records no branch (ref ${JSON.stringify(facts.ref ?? null)})`);
  return branch === expected ? pass(`branch ${branch}`) : fail('MISMATCH_BRANCH', `branch is ${branch}, expected ${expected}`);
}

/** `--source-tag`: exact tag. */
export function checkTag(facts: ProvenanceFacts, expected: string | undefined): CheckOutcome {
  if (expected === undefined) return skip('no --source-tag given');
  const tag = facts.ref === undefined ? undefined : tagFromRef(facts.ref);
  if (tag === undefined) return fail('INVALID_REF', `provenance ref ${JSON.stringify(facts.ref ?? null)} is not a tag`);
  return tag === expected ? pass(`tag ${tag}`) : fail('MISMATCH_TAG', `tag is ${tag}, expected ${expected}`);
}

/** `--source-versioned-tag`: semver prefix match. */
export function checkVersionedTag(facts: ProvenanceFacts, expected: string | undefined): CheckOutcome {
  if (expected === undefined) return skip('no --source-versioned-tag given');
  const tag = facts.ref === undefined ? undefined : tagFromRef(facts.ref);
  if (tag === undefined) return fail('INVALID_REF', `provenance ref ${JSON.stringify(facts.ref ?? null)} is not a tag`);
  const problem = versionedTagProblem(tag, expected);
  return problem ? fail('MISMATCH_VERSIONED_TAG', problem) : pass(`tag ${tag} matches ${expected}`);
}

/** `--build-workflow-input k=v`: every pair must be recorded with that exact value. */
export function checkWorkflowInputs(facts: ProvenanceFacts, expected: Readonly<Record<string, string>> | undefined): CheckOutcome {
  const entries = Object.entries(expected ?? {});
  if (entries.length === 0) return skip('no --build-workflow-input given');
  const inputs = facts.workflowInputs;
  for (const [k, v] of entries) {
    const got = inputs?.[k];
    const text = typeof got === 'string' || typeof got === 'number' || typeof got === 'boolean' ? String(got) : undefined;
    if (text !== v) return fail('MISMATCH_WORKFLOW_INPUTS', `workflow input ${k} is ${JSON.stringify(got ?? null)}, expected ${JSON.stringify(v)}`);
  }
  return pass(`workflow inputs ${entries.map(([k, v]) => `${k}=${v}`).join(', ')}`);
}

/**
 * Cross-checks the statement against the certificate (which GitHub's OIDC token, not the build,
 * vouches for): repository, repository ids, triggering ref, commit and event must agree wherever
 * both record them.
 */
export function checkCertificateConsistency(facts: ProvenanceFacts, identity: CertificateIdentity): CheckOutcome {
  const pairs: [string, string | undefined, string | undefined][] = [
    ['repository', facts.repository, identity.sourceRepository],
    ['repository id', facts.repositoryId, identity.sourceRepositoryId],
    ['repository owner id', facts.repositoryOwnerId, identity.sourceRepositoryOwnerId],
    ['ref', facts.ref, identity.sourceRepositoryRef],
    ['commit', facts.sha, identity.sourceRepositoryDigest],
    ['event', facts.eventName, identity.buildTrigger],
  ];
  let compared = 0;
  for (const [label, statementValue, certValue] of pairs) {
    if (statementValue === undefined || certValue === undefined) continue;
    compared++;
    if (statementValue !== certValue) {
      return fail('MISMATCH_CERTIFICATE', `statement ${label} "${statementValue}" differs from the certificate's "${certValue}"`);
    }
  }
  return pass(`statement agrees with the certificate (${compared} claims compared)`);
}
