import path from 'node:path';
import {
  createRekorLegacyPort,
  createTufTrustedRootPort,
  isRekorVerdict,
  loadTrustMaterial,
  TESTING_WARNING, verifyArtifact, verifyGithubAttestation, verifyNpmPackage, verifyPypiAttestation,
  type ArtifactInput,
  type LegacyEnvelopePort,
  type VerificationResult,
} from '@slsa-kit/core/provenance';
import { slsaKitCacheDir } from '@slsa-kit/core/fs';
import { useColor } from '../lint/color.js';
import { cliVersion } from '../lint/version.js';
import { parseVerifyArgs, type VerifyArgs } from './args.js';
import { describeVerifyFailure } from './failure.js';
import { COMMAND_HELP, GLOBAL_HELP } from './help.js';
import { hashArtifacts, parseArtifactDigests, readProvenanceFile, readTrustedRoot } from './inputs.js';
import { renderJson, renderText, type ReportContext } from './render.js';

// @sigstore/verify's type, named through the library so the CLI does not depend on it directly.
type TrustMaterial = ReturnType<typeof loadTrustMaterial>;

/** Where the command writes and what it may read of its environment (injected for tests). */
export interface VerifyIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * `slsa-verify`: returns the exit code instead of exiting and never throws. Fail closed: only a
 * result whose `passed` is true exits 0; every exception becomes exit 2, 3 or 4 with a one-line
 * message (see `failure.ts`).
 */
export async function main(argv: readonly string[], io: VerifyIo): Promise<number> {
  try {
    return await runVerify(argv, io);
  } catch (error) {
    const failure = describeVerifyFailure(error);
    io.stderr.write(`slsa-verify: ${failure.message}\n${failure.hint ? `hint: ${failure.hint}\n` : ''}`);
    return failure.exitCode;
  }
}

/** The command proper; throws coded errors that {@link main} maps to exit codes. */
export async function runVerify(argv: readonly string[], io: VerifyIo): Promise<number> {
  const args = parseVerifyArgs(argv);
  if (args.help) {
    io.stdout.write(args.command ? COMMAND_HELP[args.command] : GLOBAL_HELP);
    return 0;
  }
  if (args.version) {
    io.stdout.write(`slsa-verify ${cliVersion()}\n`);
    return 0;
  }
  const command = args.command;
  if (!command) throw new Error('no command after argument parsing');
  let legacy: LegacyEnvelopePort | undefined;
  if (args.online) legacy = createRekorLegacyPort(args.rekorUrl === undefined ? {} : { url: args.rekorUrl });
  const testing = io.env['SLSA_VERIFIER_TESTING'] === '1';
  if (testing) io.stderr.write(`slsa-verify: warning: ${TESTING_WARNING}\n`);

  const digests = parseArtifactDigests(args.artifactDigests);
  const trust = await trustMaterial(args, io.env);
  const provenance = await readProvenanceFile(args.provenancePath);
  const artifacts = [...(await hashArtifacts(args.artifactPaths, io.stderr)), ...digests];

  const result = 'tooLarge' in provenance ? tooLarge(provenance.tooLarge) : await verifyOrRekorVerdict(() => verify(command, args, provenance.bytes, artifacts, trust, testing, legacy));
  for (const w of result.warnings) if (w !== TESTING_WARNING) io.stderr.write(`slsa-verify: warning: ${w}\n`);
  if (result.checks.some((c) => c.code === 'INTERNAL_ERROR')) {
    io.stderr.write('slsa-verify: a check crashed (internal error) and was counted as failed; please report it at https://github.com/slsa-kit/slsa-kit/issues with the command you ran\n');
  }

  const ctx: ReportContext = { command, provenancePath: args.provenancePath, sourceUri: args.sourceUri, artifacts, printProvenance: args.printProvenance };
  const color = args.format === 'text' && useColor({ isTTY: io.stdout.isTTY === true, env: io.env });
  io.stdout.write(args.format === 'json' ? renderJson(result, ctx) : renderText(result, ctx, color));
  // Fail closed: anything but an explicit pass is a failure.
  return result.passed === true ? 0 : 1;
}

/**
 * The trust material: `--trusted-root FILE`; else, online, the trusted root refreshed over TUF
 * (a failure is exit 4, never a silent fall-back); else the embedded public-good root.
 */
async function trustMaterial(args: VerifyArgs, env: NodeJS.ProcessEnv): Promise<TrustMaterial | undefined> {
  if (args.trustedRoot !== undefined) return loadTrustMaterial({ trustedRoot: await readTrustedRoot(args.trustedRoot) });
  if (!args.online) return undefined;
  const mirror = args.tufUrl ?? 'https://tuf-repo-cdn.sigstore.dev';
  const port = createTufTrustedRootPort({
    cachePath: slsaKitCacheDir(path.join('tuf', new URL(mirror).host.replace(/[^\w.-]/g, '_')), env),
    ...(args.tufUrl !== undefined ? { mirrorURL: args.tufUrl } : {}),
    ...(args.tufRoot !== undefined ? { rootPath: args.tufRoot } : {}),
  });
  return loadTrustMaterial({ trustedRoot: await port.fetchTrustedRoot() });
}

function verify(
  command: NonNullable<VerifyArgs['command']>,
  args: VerifyArgs,
  provenance: Uint8Array,
  artifacts: ArtifactInput[],
  trust: TrustMaterial | undefined,
  testing: boolean,
  legacy: LegacyEnvelopePort | undefined,
): Promise<VerificationResult> {
  const refs = {
    ...(args.sourceTag !== undefined ? { sourceTag: args.sourceTag } : {}),
    ...(args.sourceVersionedTag !== undefined ? { sourceVersionedTag: args.sourceVersionedTag } : {}),
    ...(args.sourceBranch !== undefined ? { sourceBranch: args.sourceBranch } : {}),
  };
  const common = {
    provenance,
    artifacts,
    sourceUri: args.sourceUri,
    testing,
    ...(args.builderId !== undefined ? { builderId: args.builderId } : {}),
    ...(trust ? { trust } : {}),
  };
  switch (command) {
    case 'verify-artifact':
      return verifyArtifact({ ...common, ...refs, ...(Object.keys(args.workflowInputs).length > 0 ? { workflowInputs: args.workflowInputs } : {}), ...(legacy ? { legacy } : {}) });
    case 'verify-npm-package':
      return verifyNpmPackage({
        ...common,
        ...(args.packageName !== undefined ? { packageName: args.packageName } : {}),
        ...(args.packageVersion !== undefined ? { packageVersion: args.packageVersion } : {}),
      });
    case 'verify-github-attestation':
      return verifyGithubAttestation({ ...common, ...refs });
    case 'verify-pypi-attestation':
      // PEP 740 publish attestations by the publish policy; SLSA provenance inside PEP 740 is routed
      // to the GitHub attestation policy by the library.
      return verifyPypiAttestation({ ...common, ...refs });
  }
}

/**
 * The Rekor lookup of a legacy envelope found no entry, no matching entry or several: the log does
 * not vouch for the provenance, which is a verdict (FAILED, exit 1), not an operational failure.
 */
async function verifyOrRekorVerdict(run: () => Promise<VerificationResult>): Promise<VerificationResult> {
  try {
    return await run();
  } catch (e) {
    if (!isRekorVerdict(e)) throw e;
    const message = `${e.message} (${e.code})`;
    return {
      passed: false,
      checks: [
        { id: 'format', status: 'passed', message: 'provenance format: legacy-dsse' },
        { id: 'rekor', status: 'failed', message, code: 'INVALID_REKOR_ENTRY' },
      ],
      reason: message,
      code: 'INVALID_REKOR_ENTRY',
      warnings: [],
    };
  }
}

/** A provenance file too large to be one: a failed format check, like any other unusable provenance. */
function tooLarge(message: string): VerificationResult {
  return { passed: false, checks: [{ id: 'format', status: 'failed', message, code: 'INVALID_FORMAT' }], reason: message, code: 'INVALID_FORMAT', warnings: [] };
}
