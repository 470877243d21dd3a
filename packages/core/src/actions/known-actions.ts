import { editDistance } from '../text/edit-distance.js';

/** One input of a known action or reusable workflow. */
export interface KnownInput {
  readonly name: string;
  readonly required: boolean;
  /** Why the input should no longer be used, when it is deprecated or was removed. */
  readonly deprecated?: string;
}

/** What slsa-kit knows about a popular action or reusable workflow. */
export interface KnownAction {
  /** `owner/repo[/path]`, lower case. */
  readonly name: string;
  readonly kind: 'action' | 'workflow';
  readonly owner: string;
  readonly repo: string;
  readonly path?: string;
  /** Keyed by lower-case name: GitHub matches `with:` keys to inputs case-insensitively. */
  readonly inputs: ReadonlyMap<string, KnownInput>;
  readonly outputs: ReadonlySet<string>;
  /** Secrets a reusable workflow declares (empty when it takes none); undefined for actions. */
  readonly secrets?: ReadonlySet<string>;
}

// [name, inputs, outputs, secrets?]. Inputs are space separated: `x!` is required, `x~` deprecated,
// `x~y` deprecated in favour of `y`. The lists are the union over the major versions in use, so an
// input is reported as unknown only if no current release has it. Sources are the action.yml /
// workflow_call definitions (commits as stored in the public code index) and release notes.
type Spec = readonly [name: string, inputs: string, outputs: string, secrets?: string];
const GENERATOR = 'slsa-framework/slsa-github-generator/.github/workflows/';
const SPECS: readonly Spec[] = [
  // actions/checkout action.yml (02c7380, v4–v6)
  ['actions/checkout', 'repository ref token ssh-key ssh-known-hosts ssh-strict ssh-user persist-credentials path clean filter sparse-checkout sparse-checkout-cone-mode fetch-depth fetch-tags show-progress lfs submodules set-safe-directory github-server-url', 'ref commit'],
  // actions/setup-python action.yml (72794c8); pip-version: v6.0.0 release notes; pip-install: PR #1336
  ['actions/setup-python', 'python-version python-version-file cache architecture check-latest token cache-dependency-path update-environment allow-prereleases freethreaded pip-version pip-install', 'python-version cache-hit python-path'],
  // actions/setup-node action.yml and README usage (v4); package-manager-cache since v5; always-auth
  // dropped in v6; `version` carries a deprecation message since v1 (02041c0)
  ['actions/setup-node', 'node-version node-version-file architecture check-latest registry-url scope token cache package-manager-cache cache-dependency-path mirror mirror-token always-auth~ version~node-version', 'cache-hit node-version'],
  // actions/setup-go action.yml (02aadfe, v6); `stable` is a v1/v2 input that v3 replaced with go-version aliases
  ['actions/setup-go', 'go-version go-version-file check-latest token cache cache-dependency-path architecture stable~', 'go-version cache-hit'],
  // actions/upload-artifact action.yml (v4) and README; `archive` from the v7 release notes (direct uploads)
  ['actions/upload-artifact', 'name path! if-no-files-found retention-days compression-level overwrite include-hidden-files archive', 'artifact-id artifact-url artifact-digest'],
  // actions/download-artifact action.yml (0d69017, 055cd68); skip-decompress and digest-mismatch from the v8 metadata
  ['actions/download-artifact', 'name artifact-ids path pattern merge-multiple allow-not-found github-token repository run-id skip-decompress digest-mismatch', 'download-path artifacts'],
  // actions/cache action.yml (v4); save-always carries a deprecation message since v4.1
  ['actions/cache', 'path! key! restore-keys upload-chunk-size enableCrossOsArchive fail-on-cache-miss lookup-only save-always~', 'cache-hit'],
  // actions/attest action.yml (01e19e4); v4 defaults to build provenance (predicate-type optional, as
  // pypa/cibuildwheel's release.yml uses it) and adds sbom-path
  ['actions/attest', 'subject-path subject-digest subject-name subject-checksums predicate-type predicate predicate-path sbom-path push-to-registry create-storage-record show-summary github-token', 'bundle-path attestation-id attestation-url'],
  // actions/attest-build-provenance action.yml (06c4efb) plus the inputs it forwards to actions/attest in later releases
  ['actions/attest-build-provenance', 'subject-path subject-digest subject-name subject-checksums push-to-registry create-storage-record show-summary github-token', 'bundle-path attestation-id attestation-url'],
  // pypa/gh-action-pypi-publish action.yml at v1.14.2 (dc37677): snake_case inputs carry deprecation messages
  ['pypa/gh-action-pypi-publish', 'user password repository-url repository_url~repository-url packages-dir packages_dir~packages-dir verify-metadata verify_metadata~verify-metadata skip-existing skip_existing~skip-existing verbose print-hash print_hash~print-hash attestations', ''],
  // softprops/action-gh-release action.yml (030d4ce) and v2 README
  ['softprops/action-gh-release', 'body body_path name tag_name draft prerelease preserve_order files overwrite_files working_directory fail_on_unmatched_files repository token target_commitish discussion_category_name generate_release_notes append_body make_latest', 'url id upload_url assets'],
  // sigstore/gh-action-sigstore-python README (v3.0.0); the `~` inputs existed in v2 and were removed in v3
  ['sigstore/gh-action-sigstore-python', 'inputs identity-token oidc-client-id oidc-client-secret staging verify verify-cert-identity verify-oidc-issuer upload-signing-artifacts release-signing-artifacts internal-be-careful-debug signature~ certificate~ bundle~ fulcio-url~ rekor-url~ ctfe~ rekor-root-pubkey~', ''],
  // slsa-framework/slsa-verifier actions/installer (used by the real-world release workflows; no inputs)
  ['slsa-framework/slsa-verifier/actions/installer', '', ''],
  // generator_generic_slsa3.yml workflow_call (36d0687); attestation-name is the v1 name of provenance-name
  [`${GENERATOR}generator_generic_slsa3.yml`, 'base64-subjects base64-subjects-as-file upload-assets upload-tag-name provenance-name attestation-name~provenance-name private-repository continue-on-error draft-release compile-generator', 'release-id provenance-name outcome', ''],
  // generator_container_slsa3.yml: internal/builders/container/README.md, "Workflow Inputs" (v2)
  [`${GENERATOR}generator_container_slsa3.yml`, 'image digest! registry-username compile-generator private-repository continue-on-error gcp-workload-identity-provider gcp-service-account provenance-registry-username provenance-registry', 'outcome', 'image registry-username registry-password provenance-registry-username provenance-registry-password'],
  // builder_go_slsa3.yml workflow_call (382bf96)
  [`${GENERATOR}builder_go_slsa3.yml`, 'go-version go-version-file upload-assets upload-tag-name config-file evaluated-envs compile-builder private-repository prerelease draft-release', 'go-binary-name go-provenance-name', ''],
  // builder_nodejs_slsa3.yml workflow_call (b951cf8)
  [`${GENERATOR}builder_nodejs_slsa3.yml`, 'directory node-version node-version-file rekor-log-public run-scripts', 'package-name package-download-name package-download-sha256 provenance-name provenance-download-name provenance-download-sha256', ''],
];

const words = (s: string): string[] => s.split(' ').filter((w) => w !== '');

function decodeInput(token: string): KnownInput {
  const m = /^([^!~]+)(!)?(?:~(.*))?$/.exec(token)!;
  const [, name, required, replacement] = m;
  const deprecated = replacement === undefined ? undefined : replacement === '' ? 'it is deprecated' : `use \`${replacement}\` instead`;
  return { name: name!, required: required === '!', ...(deprecated ? { deprecated } : {}) };
}

function decode([name, inputs, outputs, secrets]: Spec): KnownAction {
  const [owner, repo, ...path] = name.split('/') as [string, string, ...string[]];
  const file = path.join('/');
  return {
    name,
    kind: /\.ya?ml$/.test(file) ? 'workflow' : 'action',
    owner,
    repo,
    ...(file !== '' ? { path: file } : {}),
    inputs: new Map(words(inputs).map((t) => decodeInput(t)).map((i) => [i.name.toLowerCase(), i])),
    outputs: new Set(words(outputs)),
    ...(secrets !== undefined ? { secrets: new Set(words(secrets)) } : {}),
  };
}

/** Every known action and reusable workflow, by lower-case `owner/repo[/path]`. */
export const KNOWN_ACTIONS: ReadonlyMap<string, KnownAction> = new Map(SPECS.map((s) => [s[0], decode(s)]));

/** The known action or workflow named `owner/repo[/path]` (case-insensitive), if any. */
export function findKnownAction(name: string): KnownAction | undefined {
  return KNOWN_ACTIONS.get(name.toLowerCase());
}

/** A known action that an unknown name is probably a misspelling of. */
export interface ActionSuggestion {
  readonly action: KnownAction;
  /** The edit distance between the names; 0 when matched by workflow path alone. */
  readonly distance: number;
}

/**
 * Suggests the known action an unknown `owner/repo[/path]` was likely meant to be: within one edit
 * (two for names of 20 or more characters) of a known name, or the same owner and workflow file
 * under a different repository (`slsa-framework/slsa-github-builder/.github/workflows/…`), which
 * edit distance alone would miss. Returns undefined for known names and for anything farther off.
 */
export function suggestKnownAction(name: string): ActionSuggestion | undefined {
  const wanted = name.toLowerCase();
  if (KNOWN_ACTIONS.has(wanted)) return undefined;
  const limit = wanted.length >= 20 ? 2 : 1;
  let best: ActionSuggestion | undefined;
  for (const action of KNOWN_ACTIONS.values()) {
    const distance = editDistance(wanted, action.name, limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { action, distance };
  }
  if (best) return best;
  const [owner, repo, ...path] = wanted.split('/');
  const file = path.join('/');
  if (file === '') return undefined;
  for (const action of KNOWN_ACTIONS.values()) {
    if (action.kind === 'workflow' && action.owner === owner && action.repo !== repo && action.path === file) {
      return { action, distance: 0 };
    }
  }
  return undefined;
}
