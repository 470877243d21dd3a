import type { NpmAttestation } from './formats/detect.js';
import { fail, pass, skip, type CheckOutcome } from './result.js';
import { SLSA_PROVENANCE_V02, SLSA_PROVENANCE_V1, type InTotoStatement } from './statement.js';

/** Predicate type of npm's publish attestation (signed by the registry key). */
export const NPM_PUBLISH_V01 = 'https://github.com/npm/attestation/tree/main/specs/publish/v0.1';

/**
 * The attestations of an npm package version: the provenance, and the registry's publish
 * attestation. `publish` is absent only for a provenance-only response (see
 * {@link selectNpmAttestations}).
 */
export interface NpmAttestationPair {
  readonly provenance: NpmAttestation;
  readonly publish?: NpmAttestation;
}

/**
 * Picks the provenance and the publish attestation: exactly one provenance, at most one publish
 * attestation, and no other predicate type (an unexpected entry could be the one a consumer trusts
 * by mistake). A response without a publish attestation is accepted only when `allowMissingPublish`
 * is set; the caller must then bind the package name and version through the provenance's purl.
 */
export function selectNpmAttestations(list: readonly NpmAttestation[], allowMissingPublish = false): NpmAttestationPair | CheckOutcome {
  const prov = list.filter((a) => a.predicateType === SLSA_PROVENANCE_V02 || a.predicateType === SLSA_PROVENANCE_V1);
  const publish = list.filter((a) => a.predicateType === NPM_PUBLISH_V01);
  const other = list.filter((a) => !prov.includes(a) && !publish.includes(a));
  if (other.length > 0) return fail('INVALID_ATTESTATIONS', `unknown attestation predicate type ${other[0]!.predicateType}`);
  const publishOk = publish.length === 1 || (allowMissingPublish && publish.length === 0);
  if (prov.length !== 1 || !publishOk) {
    return fail('INVALID_ATTESTATIONS', `expected one provenance and one publish attestation, got ${prov.length} and ${publish.length}`);
  }
  return publish.length === 1 ? { provenance: prov[0]!, publish: publish[0]! } : { provenance: prov[0]! };
}

/** Name and version of `pkg:npm/%40scope/name@version`; `undefined` if it is not an npm purl. */
export function parseNpmPurl(purl: string): { name: string; version: string } | undefined {
  if (!purl.startsWith('pkg:npm/')) return undefined;
  const body = purl.slice('pkg:npm/'.length);
  const at = body.lastIndexOf('@');
  if (at <= 0) return undefined;
  try {
    return { name: decodeURIComponent(body.slice(0, at)), version: decodeURIComponent(body.slice(at + 1)) };
  } catch {
    return undefined;
  }
}

/** What the two statements say about the package. */
export interface NpmClaims {
  readonly names: readonly (string | undefined)[];
  readonly versions: readonly (string | undefined)[];
}

/**
 * Collects name/version from the statements' subjects (purls) and the publish predicate. Without
 * a publish statement the provenance's purls are the only claims (and there is at least one).
 */
export function npmClaims(provenance: InTotoStatement, publish: InTotoStatement | undefined): NpmClaims {
  const purls = [...provenance.subject, ...(publish?.subject ?? [])].map((s) => parseNpmPurl(s.name));
  if (!publish) return { names: purls.map((p) => p?.name), versions: purls.map((p) => p?.version) };
  const pred = (typeof publish.predicate === 'object' && publish.predicate !== null ? publish.predicate : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    names: [...purls.map((p) => p?.name), str(pred['name'])],
    versions: [...purls.map((p) => p?.version), str(pred['version'])],
  };
}

/** `--package-name` / `--package-version`: every claim must equal the expected value. */
export function checkNpmClaim(kind: 'name' | 'version', values: readonly (string | undefined)[], expected: string | undefined): CheckOutcome {
  if (expected === undefined) return skip(`no --package-${kind} given`);
  const code = kind === 'name' ? 'MISMATCH_PACKAGE_NAME' : 'MISMATCH_PACKAGE_VERSION';
  const wrong = values.find((v) => v !== expected);
  if (values.length === 0 || wrong !== undefined || values.includes(undefined)) {
    return fail(code, `package ${kind} is ${JSON.stringify(wrong ?? null)}, expected ${expected}`);
  }
  return pass(`package ${kind} ${expected}`);
}
