import { describe, expect, it } from 'vitest';
import { parseIni } from './parse-ini.js';

describe('parseIni', () => {
  it('reads sections, git subsections, indented keys and quoted values', () => {
    const sections = parseIni(
      ['# comment', '[core]', '\tbare = false', '[remote "Origin"]', '\tURL = "git@github.com:o/r.git"', '\turl = second', '[Metadata]', 'name = pkg'].join('\n'),
    );
    expect([...sections.keys()]).toEqual(['core', 'remote "Origin"', 'metadata']);
    expect(sections.get('remote "Origin"')?.get('url')).toBe('git@github.com:o/r.git');
    expect(sections.get('metadata')?.get('name')).toBe('pkg');
  });

  it('skips keys before any section, comments and setup.cfg continuation lines', () => {
    const sections = parseIni('orphan = 1\n[options]\ninstall_requires =\n    requests>=2.0\n; note\npython_requires = >=3.9\n');
    expect(sections.get('options')).toEqual(
      new Map([
        ['install_requires', ''],
        ['python_requires', '>=3.9'],
      ]),
    );
  });

  it('returns no sections for text that is not INI', () => {
    expect(parseIni('\u0000\u0001 garbage [').size).toBe(0);
  });
});
