import type { VerifyCommand } from './commands.js';

const EXIT_CODES = `Exit codes:
  0  PASSED: every check passed
  1  FAILED: the artifact does not verify (signature, subject digest, builder,
     source, tag/branch, malformed or tampered provenance, ...)
  2  usage error: unknown, missing or conflicting flag, bad value, unusable
     --trusted-root
  3  no inputs found: the artifact or provenance file does not exist
  4  operational failure: I/O error, network needed (a legacy envelope offline),
     Rekor unreachable or failing with --online, internal error
`;

const COMMON = `  --source-uri github.com/OWNER/REPO
                            the repository the artifact must be built from (required)
  --builder-id ID           the builder you trust (name, name@vX.Y.Z or
                            name@refs/tags/vX.Y.Z)
  --artifact-digest ALG:HEX an artifact hashed elsewhere (sha256:HEX or sha512:HEX),
                            instead of a file
  --trusted-root FILE       a Sigstore trusted_root.json (default: the embedded
                            public-good root; GitHub's for private-repository
                            attestations)
  --online                  refresh the trusted root over TUF (unless --trusted-root
                            is given) and fetch the Rekor entry of a legacy
                            envelope (network; cache in $XDG_CACHE_HOME/slsa-kit)
  --rekor-url URL           the Rekor instance for --online (default
                            https://rekor.sigstore.dev)
  --tuf-url URL             the TUF repository for --online (default
                            https://tuf-repo-cdn.sigstore.dev)
  --tuf-root FILE           the initial root.json of a --tuf-url repository (the
                            public-good one is built in)
  -f, --format FORMAT       text (default) or json (one versioned object, no colour)
  --print-provenance        print the verified in-toto statement (only on PASSED)
  -h, --help                show this help
  -V, --version             show the version`;

const REFS = `  --source-tag TAG          the exact tag the build ran on
  --source-versioned-tag T  a semver prefix of the tag (v1, v1.2), not with --source-tag
  --source-branch BRANCH    the branch the build ran on`;

const FOOTER = `Verification is offline unless --online is given. SLSA_VERIFIER_TESTING=1 enables slsa-verifier's test
mode (builder refs at refs/heads/main accepted): INSECURE, for tests only.

${EXIT_CODES}`;

export const GLOBAL_HELP = `Usage: slsa-verify COMMAND [options] ARTIFACT...

Verifies that an artifact was built from the repository and ref it claims, by a
trusted builder, using its Sigstore-signed SLSA provenance. Offline by default.

Commands:
  verify-artifact            provenance from slsa-github-generator (generic, Go,
                             container-based, BYOB builders)
  verify-npm-package         an npm tarball and its registry attestations
  verify-github-attestation  a GitHub artifact attestation (actions/attest)
  verify-pypi-attestation    a PyPI distribution and its PEP 740 attestation

Run \`slsa-verify COMMAND --help\` for the flags of a command.

${FOOTER}`;

export const COMMAND_HELP: Record<VerifyCommand, string> = {
  'verify-artifact': `Usage: slsa-verify verify-artifact ARTIFACT... --provenance-path FILE --source-uri URI [options]

Verifies artifacts against SLSA provenance from slsa-github-generator: a Sigstore
bundle (generator v2.1.0+, .intoto.jsonl / .build.slsa / .sigstore). Legacy bare
DSSE envelopes (generator v2.0.0 and older) need their Rekor log entry: use
--online (offline they exit 4); an envelope the log does not record FAILS.

Options:
  --provenance-path FILE    the provenance (required)
${REFS}
  --build-workflow-input K=V  a workflow_dispatch input the build must have had
                            (repeatable)
${COMMON}

${FOOTER}`,
  'verify-npm-package': `Usage: slsa-verify verify-npm-package TARBALL --attestations-path FILE --source-uri URI --builder-id ID [options]

Verifies an npm tarball against the registry's attestations response
({"attestations":[...]}: the SLSA provenance and the npm publish attestation).

Options:
  --attestations-path FILE  the attestations JSON (required)
  --package-name NAME       the package name the attestations must name
  --package-version V       the version the attestations must name
  --builder-id ID is required: https://github.com/actions/runner/github-hosted for
                            packages published by the npm CLI with --provenance
${COMMON}

${FOOTER}`,
  'verify-github-attestation': `Usage: slsa-verify verify-github-attestation ARTIFACT --attestation-path FILE --source-uri URI --signer-workflow WF [options]

Verifies a GitHub artifact attestation (actions/attest, attest-build-provenance):
a Sigstore bundle, JSON lines of bundles, or the attestations API response.

Options:
  --attestation-path FILE   the attestation (required)
  --signer-workflow WF      the workflow that must have signed it (required; alias
                            --builder-id), https://github.com/O/R/.github/workflows/W.yml
${REFS}
${COMMON}

${FOOTER}`,
  'verify-pypi-attestation': `Usage: slsa-verify verify-pypi-attestation DIST --attestation-path FILE --source-uri URI --signer-workflow WF [options]

Verifies a PyPI distribution (wheel or sdist) against a PEP 740 attestation object
or a PyPI provenance object (converted to Sigstore bundles v0.3).

Policy: every attestation's Sigstore signature verifies against the trusted root;
the signing certificate was issued to GitHub Actions for the workflow named by
--signer-workflow, in the repository of --source-uri (certificate extensions);
the attested statement names the distribution's sha256 as a subject; the
statement agrees with the certificate; --source-tag/--source-branch constrain the
ref the workflow ran on. A PyPI provenance object's "publisher" field is not
signed and is not trusted. Supported today: attestations whose statement is SLSA
provenance (e.g. actions/attest-build-provenance); PyPI publish attestations
(predicate https://docs.pypi.org/attestations/publish/v1) FAIL as not SLSA provenance.

Options:
  --attestation-path FILE   the .attestation / .provenance / bundle file (required)
  --signer-workflow WF      the Trusted Publishing workflow (required; alias
                            --builder-id), https://github.com/O/R/.github/workflows/W.yml
${REFS}
${COMMON}

${FOOTER}`,
};
