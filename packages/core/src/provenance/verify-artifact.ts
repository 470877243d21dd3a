import type { TrustMaterial } from '@sigstore/verify';
import { ARTIFACT_BUILDERS, DELEGATOR_BUILDERS } from './builders.js';
import { BUNDLE_CHECKS, verifyProvenanceBundle, type BundlePolicy, type BundleVerdict } from './bundle-pipeline.js';
import { CheckList } from './check-list.js';
import type { ArtifactInput } from './digest.js';
import { ProvenanceError } from './errors.js';
import { parseProvenance, type ProvenanceDocument } from './formats/detect.js';
import type { LegacyEnvelopePort } from './legacy.js';
import { requireOnline } from './legacy.js';
import { fail, pass, type VerificationResult } from './result.js';
import { loadTrustMaterial } from './trust-root.js';

/** What every `verify-*` command takes: the provenance, the artifacts and the source policy. */
export interface VerifyCommonOptions {
  /** The provenance file's content (any supported format). */
  readonly provenance: string | Uint8Array;
  /** Artifacts, hashed with `hashFile` or given as digests with `parseDigest`. */
  readonly artifacts: readonly ArtifactInput[];
  /** `--source-uri github.com/O/R`. */
  readonly sourceUri: string;
  readonly builderId?: string;
  readonly sourceBranch?: string;
  readonly sourceTag?: string;
  readonly sourceVersionedTag?: string;
  /** Trust material; defaults to the embedded public-good root. */
  readonly trust?: TrustMaterial;
  /** slsa-verifier's `SLSA_VERIFIER_TESTING=1`: INSECURE, for tests only; adds a warning. */
  readonly testing?: boolean;
}

/** Inputs of {@link verifyArtifact} (slsa-verifier `verify-artifact`). */
export interface VerifyArtifactOptions extends VerifyCommonOptions {
  readonly workflowInputs?: Readonly<Record<string, string>>;
  /** Rekor access for legacy envelopes (online only). */
  readonly legacy?: LegacyEnvelopePort;
}

/** Warning attached to every result produced in test mode. */
export const TESTING_WARNING =
  'SLSA_VERIFIER_TESTING is set: builder refs at refs/heads/main and prerelease tags are accepted for the generator repositories. This is insecure and meant for tests only.';

/** Parses provenance, turning malformed input into a failed `format` check rather than a crash. */
export function parseOrFail(list: CheckList, provenance: string | Uint8Array): ProvenanceDocument | undefined {
  try {
    const doc = parseProvenance(provenance);
    list.add('format', pass(`provenance format: ${doc.kind}`));
    return doc;
  } catch (e) {
    if (e instanceof ProvenanceError && e.code === 'PROVENANCE_MALFORMED') {
      list.add('format', fail('INVALID_FORMAT', e.message));
      return undefined;
    }
    throw e;
  }
}

/** Runs the bundle pipeline on every bundle and adds the `artifacts` coverage check. */
export function verifyBundles(list: CheckList, bundles: readonly unknown[], artifacts: readonly ArtifactInput[], policy: BundlePolicy, trust: TrustMaterial): BundleVerdict[] {
  const single = bundles.length === 1;
  const verdicts = bundles.map((b, i) => verifyProvenanceBundle(list, b, single ? undefined : i, artifacts, policy, trust, single));
  list.run('artifacts', () => {
    if (artifacts.length === 0) return fail('MISMATCH_HASH', 'no artifacts given');
    const missing = artifacts.filter((_, i) => !verdicts.some((v) => v.matched[i]));
    return missing.length === 0
      ? pass(`every artifact (${artifacts.length}) is a subject of verified provenance`)
      : fail('MISMATCH_HASH', `no provenance subject has the digest of ${missing.map((a) => a.name).join(', ')}`);
  });
  return verdicts;
}

/** Builds the result of a bundle-based verification. */
export function finishBundles(list: CheckList, verdicts: readonly BundleVerdict[], required: readonly string[]): VerificationResult {
  const statements = verdicts.flatMap((v) => (v.statement ? [v.statement] : []));
  const builderId = verdicts.find((v) => v.builderId)?.builderId;
  return list.finish(required, {
    ...(statements.length > 0 ? { statement: statements[0], statements } : {}),
    ...(builderId ? { builderId } : {}),
  });
}

/**
 * Verifies artifacts against SLSA provenance from the SLSA GitHub generator (generic, Go,
 * container-based, BYOB). Fail closed: the result passes only if every check of every bundle
 * passes. Throws only operational errors: `ONLINE_REQUIRED` for legacy envelopes offline,
 * `TRUSTED_ROOT_INVALID`.
 */
export async function verifyArtifact(options: VerifyArtifactOptions): Promise<VerificationResult> {
  const list = new CheckList();
  if (options.testing) list.warnings.push(TESTING_WARNING);
  const doc = parseOrFail(list, options.provenance);
  if (!doc) return list.finish(['format']);
  let bundles: readonly unknown[];
  if (doc.kind === 'legacy-dsse') bundles = await requireOnline(doc, options.legacy);
  else if (doc.kind === 'npm-attestations') {
    list.add('format', fail('NOT_SUPPORTED', 'this is an npm attestations response: use verify-npm-package'));
    return list.finish(['format']);
  } else bundles = doc.bundles;
  const policy: BundlePolicy = {
    sourceUri: options.sourceUri,
    trustedBuilders: [...ARTIFACT_BUILDERS, ...DELEGATOR_BUILDERS],
    testing: options.testing === true,
    mode: 'artifact',
    ...pick(options),
  };
  const trust = options.trust ?? loadTrustMaterial();
  const verdicts = verifyBundles(list, bundles, options.artifacts, policy, trust);
  return finishBundles(list, verdicts, [...BUNDLE_CHECKS.filter((c) => !OPTIONAL.has(c)), 'artifacts', 'format']);
}

const OPTIONAL = new Set(['branch', 'tag', 'versioned-tag', 'workflow-inputs']);

function pick(o: VerifyArtifactOptions): Partial<BundlePolicy> {
  const out: Record<string, unknown> = {};
  for (const k of ['builderId', 'sourceBranch', 'sourceTag', 'sourceVersionedTag', 'workflowInputs'] as const) {
    if (o[k] !== undefined && o[k] !== '') out[k] = o[k];
  }
  return out as Partial<BundlePolicy>;
}
