/** The four subcommands, with slsa-verifier's names. */
export const COMMANDS = ['verify-artifact', 'verify-npm-package', 'verify-github-attestation', 'verify-pypi-attestation'] as const;
export type VerifyCommand = (typeof COMMANDS)[number];

export const FORMATS = ['text', 'json'] as const;
export type VerifyFormat = (typeof FORMATS)[number];

type OptionSpec = { readonly type: 'string' | 'boolean'; readonly multiple?: boolean; readonly short?: string };

/** Flags every subcommand takes. */
const COMMON: Record<string, OptionSpec> = {
  'source-uri': { type: 'string' },
  'builder-id': { type: 'string' },
  'artifact-digest': { type: 'string', multiple: true },
  'trusted-root': { type: 'string' },
  online: { type: 'boolean' },
  'rekor-url': { type: 'string' },
  'tuf-url': { type: 'string' },
  'tuf-root': { type: 'string' },
  format: { type: 'string', short: 'f' },
  'print-provenance': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
};

const REFS: Record<string, OptionSpec> = {
  'source-tag': { type: 'string' },
  'source-versioned-tag': { type: 'string' },
  'source-branch': { type: 'string' },
};

/**
 * The flags of each subcommand. A flag that a subcommand does not take is an unknown flag there
 * (exit 2), never silently ignored: an ignored `--source-tag` would be a policy the user believes
 * was checked.
 */
export const COMMAND_OPTIONS: Record<VerifyCommand, Record<string, OptionSpec>> = {
  'verify-artifact': { ...COMMON, ...REFS, 'provenance-path': { type: 'string' }, 'build-workflow-input': { type: 'string', multiple: true } },
  'verify-npm-package': { ...COMMON, 'attestations-path': { type: 'string' }, 'package-name': { type: 'string' }, 'package-version': { type: 'string' } },
  'verify-github-attestation': { ...COMMON, ...REFS, 'attestation-path': { type: 'string' }, 'signer-workflow': { type: 'string' } },
  'verify-pypi-attestation': { ...COMMON, ...REFS, 'attestation-path': { type: 'string' }, 'signer-workflow': { type: 'string' } },
};

/** The flag naming the provenance file of each subcommand. */
export const PROVENANCE_FLAG: Record<VerifyCommand, string> = {
  'verify-artifact': 'provenance-path',
  'verify-npm-package': 'attestations-path',
  'verify-github-attestation': 'attestation-path',
  'verify-pypi-attestation': 'attestation-path',
};
