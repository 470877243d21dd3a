import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../testing/fixtures.js';
import { parseDigest, type ArtifactInput } from './digest.js';
import { verifyPypiAttestation, type VerifyPypiAttestationOptions } from './verify-pypi-attestation.js';

/**
 * ../shared/fixtures/attestations (README + expected-results.json): PEP 740 publish attestations
 * verified with the publish policy. The distributions are not shipped; their file name and the
 * recorded sha256 stand for them.
 */
const root = fixturePath('attestations');
const read = (f: string) => readFileSync(path.join(root, f));
const dist = (name: string, sha256: string): ArtifactInput => ({ name: `/downloads/${name}`, digests: { sha256 } });
const PA = { name: 'pypi_attestations-0.0.19.tar.gz', sha: '9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3' };
const PAM = { name: 'pypi_attestation_models-0.0.4a2.tar.gz', sha: 'c9709ce6fd5b67b59b4a28758cf14d3f411803c4b89b6068b1f1a8e4ee94c8ef' };
const SP = { name: 'sampleproject-4.0.0.tar.gz', sha: '0ace7980f82c5815ede4cd7bf9f6693684cec2ae47b9b7ade9add533b8627c6b' };
const paOpts = (file: string): VerifyPypiAttestationOptions => ({
  provenance: read(file),
  artifacts: [dist(PA.name, PA.sha)],
  sourceUri: 'github.com/trailofbits/pypi-attestations',
  builderId: 'https://github.com/trailofbits/pypi-attestations/.github/workflows/release.yml',
});

describe('verifyPypiAttestation: PEP 740 publish attestations', () => {
  const passing: [string, VerifyPypiAttestationOptions][] = [
    ['pypi_attestations publish attestation', paOpts('pep740/pypi-attestations/pypi_attestations-0.0.19.tar.gz.publish.attestation')],
    ['pypi_attestations provenance object (publisher checked)', paOpts('pep740/pypi-attestations/pypi_attestations-0.0.19.tar.gz.provenance')],
    ['pypi_attestations pinned to its tag, --source-tag and --source-versioned-tag', { ...paOpts('pep740/pypi-attestations/pypi_attestations-0.0.19.tar.gz.publish.attestation'), builderId: 'https://github.com/trailofbits/pypi-attestations/.github/workflows/release.yml@refs/tags/v0.0.19', sourceTag: 'v0.0.19', sourceVersionedTag: 'v0.0' }],
    ...['pep740/pypi-attestations/pypi_attestation_models-0.0.4a2.tar.gz.attestation', 'pep740/pypi-attestations/pypi_attestation_models-0.0.4a2.tar.gz.sigstore', 'pep740/converted/pypi_attestation_models-0.0.4a2.tar.gz.sigstore.json'].map(
      (f): [string, VerifyPypiAttestationOptions] => [path.basename(f), { provenance: read(f), artifacts: [dist(PAM.name, PAM.sha)], sourceUri: 'github.com/trailofbits/pypi-attestation-models', builderId: 'https://github.com/trailofbits/pypi-attestation-models/.github/workflows/release.yml' }],
    ),
    ['warehouse sampleproject-4.0.0 provenance object, --source-branch main', { provenance: read('pep740/warehouse/sampleproject-4.0.0.tar.gz.provenance'), artifacts: [dist(SP.name, SP.sha)], sourceUri: 'github.com/pypa/sampleproject', builderId: 'https://github.com/pypa/sampleproject/.github/workflows/release.yml', sourceBranch: 'main' }],
  ];
  it.each(passing)('PASS %s', async (_label, o) => {
    const r = await verifyPypiAttestation(o);
    expect(r.reason, JSON.stringify(r.checks)).toBeUndefined();
    expect(r.passed).toBe(true);
    expect(r.checks.find((c) => c.id === 'subjects')?.status).toBe('passed');
  });

  const base = paOpts('pep740/pypi-attestations/pypi_attestations-0.0.19.tar.gz.publish.attestation');
  const failing: [string, VerifyPypiAttestationOptions, string][] = [
    ['another source repository', { ...base, sourceUri: 'github.com/trailofbits/pypi-attestation-models' }, 'MISMATCH_SOURCE'],
    ['another signer workflow', { ...base, builderId: 'https://github.com/trailofbits/pypi-attestations/.github/workflows/other.yml' }, 'UNTRUSTED_REUSABLE_WORKFLOW'],
    ['the signer at another ref (v0.0.18)', { ...base, builderId: 'https://github.com/trailofbits/pypi-attestations/.github/workflows/release.yml@refs/tags/v0.0.18' }, 'UNTRUSTED_REUSABLE_WORKFLOW'],
    ['no signer workflow', { ...base, builderId: undefined } as unknown as VerifyPypiAttestationOptions, 'UNTRUSTED_REUSABLE_WORKFLOW'],
    ['another sha256', { ...base, artifacts: [dist(PA.name, PAM.sha)] }, 'MISMATCH_HASH'],
    ['another file name with the right sha256', { ...base, artifacts: [dist('pypi_attestations-0.0.20.tar.gz', PA.sha)] }, 'MISMATCH_HASH'],
    ['only --artifact-digest (no file name)', { ...base, artifacts: [parseDigest(`sha256:${PA.sha}`)] }, 'MISMATCH_HASH'],
    ['two distributions', { ...base, artifacts: [dist(PA.name, PA.sha), dist(PAM.name, PAM.sha)] }, 'MISMATCH_HASH'],
    ['another tag', { ...base, sourceTag: 'v0.0.18' }, 'MISMATCH_TAG'],
    ['another branch', { ...base, sourceBranch: 'main' }, 'MISMATCH_BRANCH'],
    ['another major version', { ...base, sourceVersionedTag: 'v1' }, 'MISMATCH_VERSIONED_TAG'],
    ['GitLab publisher (only GitHub Trusted Publishers are supported)', { provenance: read('pep740/pypi-attestations/gitlab_oidc_project-0.0.3.tar.gz.publish.attestation'), artifacts: [dist('gitlab_oidc_project-0.0.3.tar.gz', 'c1ca9b0d85df1606451098233018534497bf584362e10e4a8c21dfaea92c02a8')], sourceUri: 'gitlab.com/facutuesca/gitlab-oidc-project', builderId: 'https://gitlab.com/facutuesca/gitlab-oidc-project//.gitlab-ci.yml' }, 'INVALID_OIDC_ISSUER'],
    ['Google service account signer', { provenance: read('pep740/warehouse/sampleproject-3.0.0.tar.gz.publish.attestation'), artifacts: [dist('sampleproject-3.0.0.tar.gz', '117ed88e5db073bb92969a7545745fd977ee85b7019706dd256a64058f70963d')], sourceUri: 'github.com/pypa/sampleproject', builderId: 'https://github.com/pypa/sampleproject/.github/workflows/release.yml' }, 'INVALID_OIDC_ISSUER'],
    ['staging instance (expected CERTIFICATE_ERROR)', { provenance: read('pep740/pypi-attestations/rfc8785-0.1.2-py3-none-any.whl.attestation'), artifacts: [dist('rfc8785-0.1.2-py3-none-any.whl', 'c4e92e9ecc828bef2aa7dba1de8ac983511f7532a0df11c770d39099a25cf201')], sourceUri: 'github.com/trailofbits/rfc8785.py', builderId: 'https://github.com/trailofbits/rfc8785.py/.github/workflows/release.yml' }, 'INVALID_CERTIFICATE'],
  ];
  it.each(failing)('FAIL %s', async (_label, o, code) => {
    const r = await verifyPypiAttestation(o);
    expect(r.passed).toBe(false);
    expect(r.code).toBe(code);
  });

  it('fails a provenance object whose publisher disagrees with the certificate', async () => {
    const doc = JSON.parse(read('pep740/pypi-attestations/pypi_attestations-0.0.19.tar.gz.provenance').toString('utf8')) as { attestation_bundles: { publisher: Record<string, unknown> }[] };
    doc.attestation_bundles[0]!.publisher['workflow'] = 'other.yml';
    const r = await verifyPypiAttestation({ ...base, provenance: JSON.stringify(doc) });
    expect(r.code).toBe('MISMATCH_CERTIFICATE');
  });

  it('routes a PEP 740 attestation holding SLSA provenance to the GitHub attestation policy', async () => {
    const r = await verifyPypiAttestation(paOpts('pep740/pypi-attestations/pypi_attestations-0.0.19.tar.gz.slsa.attestation'));
    expect(r.checks.some((c) => c.id === 'builder-identity')).toBe(true);
    expect(r.passed).toBe(true);
  });
});
