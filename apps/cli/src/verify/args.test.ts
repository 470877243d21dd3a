import { describe, expect, it } from 'vitest';
import { isSlsaKitError } from '@slsa-kit/core';
import { parseVerifyArgs } from './args.js';

const SRC = ['--source-uri', 'github.com/o/r'];
const artifact = (...rest: string[]) => ['verify-artifact', 'a.bin', '--provenance-path', 'p.jsonl', ...SRC, ...rest];

function usage(argv: string[]): void {
  let thrown: unknown;
  try {
    parseVerifyArgs(argv);
  } catch (e) {
    thrown = e;
  }
  expect(isSlsaKitError(thrown, 'usage'), argv.join(' ')).toBe(true);
}

describe('parseVerifyArgs', () => {
  it('parses verify-artifact with every policy flag', () => {
    const a = parseVerifyArgs(artifact('b.bin', '--source-tag', 'v1.2.3', '--source-branch', 'main', '--builder-id', 'https://x/y.yml', '--build-workflow-input', 'a=1', '--build-workflow-input', 'b=x=y', '--print-provenance', '--format', 'json'));
    expect(a).toMatchObject({
      command: 'verify-artifact',
      artifactPaths: ['a.bin', 'b.bin'],
      artifactDigests: [],
      provenancePath: 'p.jsonl',
      sourceUri: 'github.com/o/r',
      sourceTag: 'v1.2.3',
      sourceBranch: 'main',
      builderId: 'https://x/y.yml',
      workflowInputs: { a: '1', b: 'x=y' },
      printProvenance: true,
      format: 'json',
      online: false,
    });
  });

  it('takes --artifact-digest instead of a file, repeatedly', () => {
    const a = parseVerifyArgs(['verify-artifact', '--artifact-digest', 'sha256:ab', '--artifact-digest', 'sha512:cd', '--provenance-path', 'p', ...SRC]);
    expect(a.artifactPaths).toEqual([]);
    expect(a.artifactDigests).toEqual(['sha256:ab', 'sha512:cd']);
  });

  it('verify-npm-package, verify-github-attestation and verify-pypi-attestation', () => {
    expect(parseVerifyArgs(['verify-npm-package', 't.tgz', '--attestations-path', 'a.json', '--package-name', 'n', '--package-version', '1.0.0', '--builder-id', 'b', ...SRC])).toMatchObject({ provenancePath: 'a.json', packageName: 'n', packageVersion: '1.0.0', builderId: 'b' });
    expect(parseVerifyArgs(['verify-github-attestation', 'x', '--attestation-path', 'a', '--signer-workflow', 'w', ...SRC])).toMatchObject({ command: 'verify-github-attestation', builderId: 'w' });
    expect(parseVerifyArgs(['verify-pypi-attestation', 'x.whl', '--attestation-path', 'a', '--builder-id', 'w', '--source-tag', 'v1', ...SRC])).toMatchObject({ command: 'verify-pypi-attestation', builderId: 'w', sourceTag: 'v1' });
  });

  it.each([
    [['verify-artifact', 'a', '--provenance-path', 'p']],
    [['verify-artifact', 'a', ...SRC]],
    [['verify-artifact', '--provenance-path', 'p', ...SRC]],
    [artifact('--frobnicate')],
    [artifact('--source-tag', 'v1', '--source-versioned-tag', 'v1')],
    [artifact('--format', 'sarif')],
    [artifact('--build-workflow-input', 'novalue')],
    [artifact('--build-workflow-input', '=v')],
    [artifact('--build-workflow-input', 'a=1', '--build-workflow-input', 'a=2')],
    [artifact('--source-tag', '')],
    [artifact('--source-tag')],
    [['verify-npm-package', 't.tgz', '--attestations-path', 'a', ...SRC]],
    [['verify-npm-package', 't.tgz', '--attestations-path', 'a', '--builder-id', 'b', '--source-tag', 'v1', ...SRC]],
    [['verify-npm-package', 't.tgz', 'u.tgz', '--attestations-path', 'a', '--builder-id', 'b', ...SRC]],
    [['verify-github-attestation', 'x', '--attestation-path', 'a', ...SRC]],
    [['verify-github-attestation', 'x', '--attestation-path', 'a', '--signer-workflow', 'w', '--builder-id', 'v', ...SRC]],
    [['verify-pypi-attestation', 'x', '--provenance-path', 'a', '--signer-workflow', 'w', ...SRC]],
    [['verify-everything']],
    [[]],
    [['--source-uri', 'x']],
  ])('usage error: %j', (argv) => usage(argv));

  it('--help and --version, with or without a command, need nothing else', () => {
    expect(parseVerifyArgs(['--help'])).toMatchObject({ help: true });
    expect(parseVerifyArgs(['-V'])).toMatchObject({ version: true });
    expect(parseVerifyArgs(['verify-npm-package', '--help'])).toMatchObject({ command: 'verify-npm-package', help: true });
  });

  it('--online and --rekor-url are parsed; --rekor-url needs --online and an http(s) URL', () => {
    expect(parseVerifyArgs(artifact('--online')).online).toBe(true);
    expect(parseVerifyArgs(artifact('--online')).rekorUrl).toBeUndefined();
    expect(parseVerifyArgs(artifact('--online', '--rekor-url', 'http://127.0.0.1:3000'))).toMatchObject({ online: true, rekorUrl: 'http://127.0.0.1:3000' });
    expect(() => parseVerifyArgs(artifact('--rekor-url', 'https://rekor.example'))).toThrow(/--rekor-url needs --online/);
    expect(() => parseVerifyArgs(artifact('--online', '--rekor-url', 'ftp://x'))).toThrow(/http\(s\) URL/);
  });
});
