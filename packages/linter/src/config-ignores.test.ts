import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { yaml } from '@slsa-kit/core/testing';
import { parseConfig, type LintConfig } from './config.js';
import { loadConfig } from './config-load.js';
import { lintFiles, lintText } from './engine.js';
import { builtinRules } from './rules/index.js';
import { REF_COLUMN, TWO_GENERATOR_JOBS } from './testing/two-generator-jobs.fixture.js';

const workflow = TWO_GENERATOR_JOBS;
const C = REF_COLUMN;
const root = path.resolve('/repo');
const file = path.join(root, '.github/workflows/release.yml');
const withIgnores = (text: string): LintConfig => {
  const { config, problems } = parseConfig(text, '.github/slsa-lint.yml', builtinRules);
  expect(problems).toEqual([]);
  return { ...config!, baseDir: root };
};
const summary = (config: LintConfig, options = {}) =>
  lintText(workflow, file, { config, ...options }).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}${d.ruleId === 'ignore-comment' ? ` ${d.message}` : ''}`);

describe('ignores by file:line (engine)', () => {
  it('drops the named rule’s findings on that line of that file, and only there', () => {
    const config = withIgnores(yaml`
      ignores:
        - { file: .github/workflows/release.yml, line: 7, rules: [slsa-generator-ref], reason: pinned on purpose until v2.1 }
    `);
    expect(summary(config).map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([`4:${C} note slsa-generator-ref`]);
  });

  it('matches the file by glob and leaves other files alone', () => {
    const config = withIgnores('ignores: [{ file: "**/release.yml", line: 4, rules: [slsa-generator-ref], reason: r }]\n');
    expect(summary(config).map((s) => s.split(' ')[0])).toEqual([`7:${C}`]);
    const other = lintText(workflow, path.join(root, '.github/workflows/ci.yml'), { config }).diagnostics;
    expect(other.map((d) => d.line)).toEqual([4, 7]);
  });

  it('reports an entry that ignores nothing as a note on that line, naming the config entry', () => {
    const config = withIgnores(yaml`
      ignores:
        - file: .github/workflows/release.yml
          line: 2
          rules: [slsa-generator-ref, impostor-commit]
          reason: stale
    `);
    // impostor-commit needs the network: offline it did not run, so its entry is not "unused".
    expect(summary(config)).toEqual([
      '2:1 note ignore-comment nothing to ignore: `slsa-generator-ref` reports nothing on line 2; remove it from the `ignores` entry at .github/slsa-lint.yml:2:5',
      `4:${C} note slsa-generator-ref`,
      `7:${C} error slsa-generator-ref`,
    ]);
  });

  it('--no-ignores turns them off too, and a configured ignore-comment severity applies to the note', () => {
    const config = withIgnores(yaml`
      rules: { ignore-comment: off }
      ignores: [{ file: .github/workflows/release.yml, line: 7, rules: [slsa-generator-ref, yaml-syntax], reason: r }]
    `);
    expect(summary(config)).toEqual([`4:${C} note slsa-generator-ref`]);
    expect(summary(config, { ignores: false })).toHaveLength(2);
  });

  it('lintFiles applies them relative to the configuration’s base directory', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'slsa-lint-ignores-'));
    await mkdir(path.join(dir, '.github', 'workflows'), { recursive: true });
    await writeFile(path.join(dir, '.github', 'workflows', 'release.yml'), workflow);
    await writeFile(path.join(dir, '.slsa-lint.yml'), 'ignores: [{ file: .github/workflows/release.yml, line: 7, rules: [slsa-generator-ref], reason: r }]\n');
    const config = await loadConfig({ root: dir }, builtinRules);
    const [result] = await lintFiles([path.join(dir, '.github', 'workflows', 'release.yml')], { config });
    expect(result!.diagnostics.map((d) => d.line)).toEqual([4]);
  });
});

describe('ignores by file:line (validation)', () => {
  it('collects every problem of every entry, in file order', () => {
    const { config, problems } = parseConfig(
      yaml`
        ignores:
          - { file: a.yml, line: 0, rules: [unpinned-use], reason: r }
          - { file: a.yml, rules: [], reason: '', why: x }
          - a.yml:12
      `,
      'c.yml',
      builtinRules,
    );
    expect(config).toBeUndefined();
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '2:26 `line` must be a line number (1 or more)',
      '2:37 unknown rule `unpinned-use`; did you mean `unpinned-uses`?',
      '3:5 this `ignores` entry needs `line`',
      '3:27 `rules` must be a non-empty list of rule ids',
      '3:39 `reason` must say why the findings do not apply',
      '3:43 unknown key `why` in an `ignores` entry; expected `file`, `line`, `rules` and `reason`',
      '4:5 each `ignores` entry must be a mapping with `file`, `line`, `rules` and `reason`',
    ]);
  });
});
