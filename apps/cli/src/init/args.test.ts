import { describe, expect, it } from 'vitest';
import { parseInitArgs } from './args.js';

describe('parseInitArgs', () => {
  it('reads answers, modes and the directory', () => {
    expect(parseInitArgs(['proj', '--yes', '--ecosystem', 'go', '--publish', 'none', '--trigger', 'release', '-o', './.github/workflows/x.yml', '--online'])).toEqual({
      dir: 'proj',
      flags: { ecosystem: 'go', publish: 'none', trigger: 'release', output: '.github/workflows/x.yml' },
      yes: true,
      dryRun: false,
      check: false,
      force: false,
      online: true,
      help: false,
      version: false,
    });
    expect(parseInitArgs([]).dir).toBe('.');
    expect(parseInitArgs(['--build-command', 'make dist', '--artifacts', 'out/*']).flags).toEqual({ buildCommand: 'make dist', artifacts: 'out/*' });
  });

  it.each([
    [['--ecosystem', 'rust'], '--ecosystem must be one of python, node, go, generic'],
    [['--provenance', 'sigstore'], '--provenance must be one of slsa-generator, attestations'],
    [['--publish', 'maven'], '--publish must be one of pypi, npm, github-release, none'],
    [['--check', '--dry-run'], '--check and --dry-run cannot be used together'],
    [['--check', '--force'], '--check never writes'],
    [['a', 'b'], 'give one project directory'],
    [['--output', ' '], '--output needs a value'],
    [['--wat'], "Unknown option '--wat'"],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseInitArgs(argv)).toThrow(expect.objectContaining({ code: 'usage', message: expect.stringContaining(message) }));
  });
});
