import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../testing/fixtures.js';
import { hashFile } from './digest.js';
import { NPM_GITHUB_RUNNER } from './builders.js';
import { PROVENANCE_ONLY_WARNING, verifyNpmPackage, type VerifyNpmPackageOptions } from './verify-npm-package.js';

/**
 * ../shared/fixtures/real-world/npm: real packages published with npm provenance. Each PASSes
 * against its true repository (offline, embedded trusted root and npm registry keys) and FAILs
 * against another repository, another package name or version, or another tarball; the two
 * tampered attestation files FAIL.
 */
interface Pair {
  dir: string;
  package: string;
  version: string;
  tarball: string;
  tarballSha512: string;
  attestations: string;
}
interface Negative {
  attestations: string;
  tarball: string;
  package: string;
  version: string;
  why: string;
}
const root = fixturePath('real-world', 'npm');
const manifest = JSON.parse(readFileSync(path.join(root, 'MANIFEST.json'), 'utf8')) as { pairs: Pair[]; negative: Negative[] };
/** The true repository of each package (the certificate's source repository). */
const REPOSITORY: Record<string, string> = { sigstore: 'github.com/sigstore/sigstore-js', '@playwright/cli': 'github.com/microsoft/playwright-cli' };

async function run(p: { attestations: string; tarball: string; package: string; version: string }, over: Partial<VerifyNpmPackageOptions> = {}) {
  const artifact = await hashFile(path.join(root, p.tarball));
  return verifyNpmPackage({
    provenance: readFileSync(path.join(root, p.attestations)),
    artifacts: [artifact],
    sourceUri: REPOSITORY[p.package]!,
    builderId: NPM_GITHUB_RUNNER,
    packageName: p.package,
    packageVersion: p.version,
    ...over,
  });
}

describe('real-world npm packages', () => {
  it('covers every pair of the manifest', () => {
    console.log(`real-world npm: ${manifest.pairs.length} packages, ${manifest.negative.length} tampered`);
    expect(manifest.pairs.length).toBeGreaterThanOrEqual(5);
    expect(manifest.negative.length).toBe(2);
  });

  it.each(manifest.pairs.map((p) => [p.dir, p] as const))('%s PASSes against its true repository', async (_dir, p) => {
    const tgz = readFileSync(path.join(root, p.tarball));
    expect(createHash('sha512').update(tgz).digest('hex')).toBe(p.tarballSha512);
    const r = await run(p);
    expect(r.reason, JSON.stringify(r.checks.filter((c) => c.status === 'failed'))).toBeUndefined();
    expect(r.passed).toBe(true);
  });

  it.each(manifest.pairs.map((p) => [p.dir, p] as const))('%s FAILs against another repository, name, version or tarball', async (_dir, p) => {
    expect((await run(p, { sourceUri: 'github.com/sigstore/sigstore-python' })).code).toMatch(/^MISMATCH_SOURCE$/);
    expect((await run(p, { packageName: `${p.package}-evil` })).code).toBe('MISMATCH_PACKAGE_NAME');
    expect((await run(p, { packageVersion: `${p.version}1` })).code).toBe('MISMATCH_PACKAGE_VERSION');
    const other = manifest.pairs.find((q) => q.dir !== p.dir)!;
    const r = await run({ ...p, tarball: other.tarball });
    expect(r.passed).toBe(false);
    expect(r.code).toBe('MISMATCH_HASH');
  });

  it.each(manifest.negative.map((n) => [n.why, n] as const))('tampered: %s FAILs', async (_why, n) => {
    const r = await run(n);
    expect(r.passed).toBe(false);
    expect(r.code).toBeDefined();
  });

  describe('provenance-only responses (no publish attestation)', () => {
    const p = manifest.pairs.find((q) => q.dir === 'sigstore-2.0.0')!;
    it('sigstore-2.0.0 passes with a warning, the publish signature skipped', async () => {
      const r = await run(p);
      expect(r.passed).toBe(true);
      expect(r.warnings).toContain(PROVENANCE_ONLY_WARNING);
      expect(r.checks.find((c) => c.id === 'publish-signature')?.status).toBe('skipped');
      expect(r.checks.find((c) => c.id === 'package-name')?.status).toBe('passed');
    });
    it('needs --package-name and --package-version', async () => {
      const base = { provenance: readFileSync(path.join(root, p.attestations)), artifacts: [await hashFile(path.join(root, p.tarball))], sourceUri: REPOSITORY[p.package]!, builderId: NPM_GITHUB_RUNNER };
      expect((await verifyNpmPackage({ ...base, packageName: p.package })).code).toBe('INVALID_ATTESTATIONS');
      expect((await verifyNpmPackage({ ...base, packageVersion: p.version })).code).toBe('INVALID_ATTESTATIONS');
      expect((await verifyNpmPackage(base)).passed).toBe(false);
    });
    it('fails with requirePublishAttestation (slsa-verifier behaviour)', async () => {
      expect((await run(p, { requirePublishAttestation: true })).code).toBe('INVALID_ATTESTATIONS');
    });
    it('stripping the publish attestation of sigstore-0.4.0 still binds name, version and tarball', async () => {
      const q = manifest.pairs.find((x) => x.dir === 'sigstore-0.4.0')!;
      const doc = JSON.parse(readFileSync(path.join(root, q.attestations), 'utf8')) as { attestations: { predicateType: string }[] };
      doc.attestations = doc.attestations.filter((a) => a.predicateType.startsWith('https://slsa.dev/'));
      const stripped = JSON.stringify(doc);
      const artifacts = [await hashFile(path.join(root, q.tarball))];
      const opts = { provenance: stripped, artifacts, sourceUri: REPOSITORY[q.package]!, builderId: NPM_GITHUB_RUNNER, packageName: q.package, packageVersion: q.version };
      expect((await verifyNpmPackage(opts)).passed).toBe(true);
      expect((await verifyNpmPackage({ ...opts, packageVersion: '0.4.1' })).code).toBe('MISMATCH_PACKAGE_VERSION');
      expect((await verifyNpmPackage({ ...opts, artifacts: [await hashFile(path.join(root, p.tarball))] })).code).toBe('MISMATCH_HASH');
    });
  });

  it('accepts the pre-GA npm CLI builder id only as the GitHub-hosted runner', async () => {
    const q = manifest.pairs.find((x) => x.dir === 'sigstore-0.4.0')!;
    const r = await run(q, { builderId: 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_nodejs_slsa3.yml@refs/tags/v2.1.0' });
    expect(r.passed).toBe(false);
    expect(r.checks.find((c) => c.id === 'builder-id')?.status).toBe('failed');
  });
});
