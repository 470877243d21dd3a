import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// e2e drives the built bin only; it imports nothing from the packages. The fixtures are real
// signed provenance (see ../shared/fixtures/*/README.md).
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(repoRoot, 'apps', 'cli', 'bin', 'slsa-verify.js');
const FIXTURES = path.resolve(repoRoot, '..', 'shared', 'fixtures');
const SV = path.join(FIXTURES, 'slsa-verifier');
const TD = path.join(SV, 'cli', 'slsa-verifier', 'testdata');
const NPM = path.join(FIXTURES, 'real-world', 'npm');
const EXAMPLE = 'github.com/slsa-framework/example-package';
const RUNNER = 'https://github.com/actions/runner/github-hosted';

const expected = JSON.parse(readFileSync(path.join(SV, 'expected-results.json'), 'utf8')) as { files: Record<string, { sha256: string }> };
// The generic generator's v2.1.0 binaries are not shipped; their recorded digest stands in for them.
const GENERIC = path.join(TD, 'gha_generic', 'v2.1.0', 'binary-linux-amd64-push-v13.0.30');
const GENERIC_DIGEST = `sha256:${expected.files['cli/slsa-verifier/testdata/gha_generic/v2.1.0/binary-linux-amd64-push-v13.0.30']!.sha256}`;
const generic = (...rest: string[]) => ['verify-artifact', '--artifact-digest', GENERIC_DIGEST, '--provenance-path', `${GENERIC}.intoto.jsonl`, ...rest];

function slsaVerify(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('slsa-verify (built bin)', () => {
  it('is built', () => {
    expect(existsSync(path.join(repoRoot, 'apps', 'cli', 'dist', 'slsa-verify.js')), 'run npm run build first').toBe(true);
  });

  it('PASS: a Sigstore bundle (generator v2.1.0) against an artifact digest and its tag, offline', () => {
    const r = slsaVerify(generic('--source-uri', EXAMPLE, '--source-tag', 'v13.0.30'));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ {2}PASS signature: /m);
    expect(lastLine(r.stdout)).toBe('PASSED: SLSA verification passed');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('PASS: a real file is hashed (container-based builder v2.1.0)', () => {
    const art = path.join(TD, 'gha_container-based', 'v2.1.0', 'binary-linux-amd64-workflow_dispatch');
    const r = slsaVerify(['verify-artifact', art, '--provenance-path', `${art}.intoto.build.slsa`, '--source-uri', EXAMPLE, '--source-branch', 'main', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ version: 1, passed: true, artifacts: [{ name: art, digests: { sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' } }] });
    expect(j.checks.find((c: { id: string }) => c.id === 'branch')).toMatchObject({ status: 'passed' });
  });

  it('FAIL: wrong source repository (exit 1, MISMATCH_SOURCE)', () => {
    const r = slsaVerify(generic('--source-uri', 'github.com/slsa-framework/example-packageA', '--format', 'json'));
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('\u001b[');
    expect(JSON.parse(r.stdout)).toMatchObject({ version: 1, passed: false, code: 'MISMATCH_SOURCE' });
  });

  it('FAIL: wrong tag (exit 1, MISMATCH_TAG) and the text verdict line', () => {
    const r = slsaVerify(generic('--source-uri', EXAMPLE, '--source-tag', 'v13.0.29'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {2}FAIL tag: .*\(MISMATCH_TAG\)$/m);
    expect(lastLine(r.stdout)).toMatch(/^FAILED: .+/);
    expect(JSON.parse(slsaVerify(generic('--source-uri', EXAMPLE, '--source-versioned-tag', 'v12', '--format', 'json')).stdout).code).toBe('MISMATCH_VERSIONED_TAG');
  });

  it('FAIL: truncated, tampered or empty provenance; never a stack trace', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'slsa-verify-e2e-'));
    const text = readFileSync(`${GENERIC}.intoto.jsonl`, 'utf8');
    const variants = {
      truncated: text.slice(0, Math.floor(text.length / 2)),
      tampered: text.replace(/"sig":"MEY/, '"sig":"MEZ'),
      empty: '',
      binary: '\u0000\u0001\u0002garbage',
    };
    expect(variants.tampered).not.toBe(text);
    for (const [name, content] of Object.entries(variants)) {
      const file = path.join(dir, `${name}.intoto.jsonl`);
      writeFileSync(file, content);
      const r = slsaVerify(['verify-artifact', '--artifact-digest', GENERIC_DIGEST, '--provenance-path', file, '--source-uri', EXAMPLE]);
      expect(r.code, `${name}: ${r.stdout}${r.stderr}`).toBe(1);
      expect(lastLine(r.stdout), name).toMatch(/^FAILED: /);
      noStack(r.stdout + r.stderr);
    }
  });

  it('legacy DSSE envelope offline: exit 4 saying the Rekor log is needed', () => {
    const art = path.join(TD, 'annotated-tag');
    const r = slsaVerify(['verify-artifact', art, '--provenance-path', `${art}.intoto.jsonl`, '--source-uri', 'github.com/asraa/slsa-on-github-test']);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/legacy DSSE envelope/);
    expect(r.stderr).toMatch(/Rekor/);
    noStack(r.stderr);
  });

  it('npm: PASS for the right package and repository, FAIL for another repository', () => {
    const tgz = path.join(TD, 'npm', 'gha', 'gundam-visor-cli-v1-tag.tgz');
    const args = (source: string) => ['verify-npm-package', tgz, '--attestations-path', `${tgz}.json`, '--package-name', 'gundam-visor', '--package-version', '1.0.1', '--builder-id', RUNNER, '--source-uri', source];
    const ok = slsaVerify(args('github.com/ramonpetgrave64/gundam-visor'));
    expect(ok.code, ok.stdout).toBe(0);
    expect(lastLine(ok.stdout)).toBe('PASSED: SLSA verification passed');
    const bad = slsaVerify([...args('github.com/ramonpetgrave64/gundam-visorS'), '--format', 'json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).code).toBe('MISMATCH_SOURCE');
  });

  it.each([
    ['sigstore-1.3.0', 'sigstore', '1.3.0', 'github.com/sigstore/sigstore-js'],
    ['sigstore-2.3.1', 'sigstore', '2.3.1', 'github.com/sigstore/sigstore-js'],
    ['playwright-cli-0.1.1', '@playwright/cli', '0.1.1', 'github.com/microsoft/playwright-cli'],
  ])('real-world npm %s PASSes against its repository', (dir, name, version, source) => {
    const r = slsaVerify(['verify-npm-package', path.join(NPM, dir, `${dir}.tgz`), '--attestations-path', path.join(NPM, dir, `${dir}.attestations.json`), '--package-name', name, '--package-version', version, '--builder-id', RUNNER, '--source-uri', source]);
    expect(r.code, r.stdout).toBe(0);
  });

  it.each(['invalid-publish-sig', 'mismatched-publish-subject-digest'])('real-world npm tampered %s FAILs', (kind) => {
    const r = slsaVerify(['verify-npm-package', path.join(NPM, 'sigstore-0.4.0', 'sigstore-0.4.0.tgz'), '--attestations-path', path.join(NPM, 'negative', `sigstore-0.4.0.${kind}.attestations.json`), '--package-name', 'sigstore', '--package-version', '0.4.0', '--builder-id', RUNNER, '--source-uri', 'github.com/sigstore/sigstore-js']);
    expect(r.code).toBe(1);
    expect(lastLine(r.stdout)).toMatch(/^FAILED: /);
  });

  it('SLSA_VERIFIER_TESTING=1 accepts a builder at refs/heads/main, with a warning on stderr; without it, FAIL', () => {
    // gha_delegator v1.9.0 was signed by the delegator at refs/heads/main (see the fixtures README).
    const art = path.join(TD, 'gha_delegator', 'v1.9.0', 'binary-linux-amd64-workflow_dispatch');
    const args = ['verify-artifact', art, '--provenance-path', `${art}.build.slsa`, '--source-uri', EXAMPLE, '--builder-id', 'https://github.com/slsa-framework/example-trw/.github/workflows/builder_high-perms_slsa3.yml'];
    const testing = slsaVerify(args, { SLSA_VERIFIER_TESTING: '1' });
    expect(testing.code, testing.stdout).toBe(0);
    expect(testing.stderr).toMatch(/warning: SLSA_VERIFIER_TESTING.*insecure/i);
    const normal = slsaVerify([...args, '--format', 'json']);
    expect(normal.code).toBe(1);
    expect(JSON.parse(normal.stdout).code).toBe('INVALID_REF');
  });

  it('exit 2 for usage errors, 3 for missing inputs, 4 when --online cannot refresh the trusted root', () => {
    for (const argv of [generic('--source-uri', EXAMPLE, '--source-tag', 'v1', '--source-versioned-tag', 'v1'), generic('--frobnicate'), generic(), ['verify-artifact', '--artifact-digest', 'sha256:xyz', '--provenance-path', 'p', '--source-uri', EXAMPLE], []]) {
      const r = slsaVerify(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^slsa-verify: .*\nhint: /);
      noStack(r.stderr);
    }
    expect(slsaVerify(['verify-artifact', path.join(TD, 'no-such-file'), '--provenance-path', `${GENERIC}.intoto.jsonl`, '--source-uri', EXAMPLE]).code).toBe(3);
    expect(slsaVerify(['verify-artifact', '--artifact-digest', GENERIC_DIGEST, '--provenance-path', path.join(TD, 'no-such.intoto.jsonl'), '--source-uri', EXAMPLE]).code).toBe(3);
    // Online, the trusted root must come from TUF: an unreachable repository is exit 4, never a
    // silent fall-back to the embedded root (tests never reach the real CDN: a dead local port).
    const online = slsaVerify(generic('--source-uri', EXAMPLE, '--online', '--tuf-url', 'http://127.0.0.1:1', '--tuf-root', path.join(FIXTURES, 'sigstore-trust', 'tuf-root.json')), { XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'slsa-verify-tuf-cache-')) });
    expect(online.code).toBe(4);
    expect(online.stdout).toBe('');
    expect(online.stderr).toMatch(/cannot refresh the Sigstore trusted root over TUF from http:\/\/127\.0\.0\.1:1/);
  });

  it('--trusted-root: the public-good root passes, a bad file is a usage error', () => {
    const root = path.join(FIXTURES, 'sigstore-trust', 'trusted_root.json');
    expect(slsaVerify(generic('--source-uri', EXAMPLE, '--trusted-root', root)).code).toBe(0);
    expect(slsaVerify(generic('--source-uri', EXAMPLE, '--trusted-root', `${GENERIC}.intoto.jsonl`)).code).toBe(2);
  });

  it('--help and --version', () => {
    expect(slsaVerify(['--help']).stdout).toContain('Exit codes:');
    expect(slsaVerify(['verify-pypi-attestation', '--help']).stdout).toContain('Policy:');
    expect(slsaVerify(['--version']).stdout).toMatch(/^slsa-verify \d+\.\d+\.\d+\n$/);
  });
});
