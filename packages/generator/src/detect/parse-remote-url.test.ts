import { describe, expect, it } from 'vitest';
import { parseRemoteUrl } from './parse-remote-url.js';

const GITHUB = { host: 'github.com', owner: 'o', name: 'r' };

describe('parseRemoteUrl', () => {
  it.each([
    ['git@github.com:o/r.git', GITHUB],
    ['git@github.com:o/r', GITHUB],
    ['github.com:o/r.git', GITHUB],
    ['https://github.com/o/r.git', GITHUB],
    ['https://github.com/o/r', GITHUB],
    ['https://github.com/o/r/', GITHUB],
    ['https://GitHub.com/o/r.git', GITHUB],
    ['ssh://git@github.com/o/r.git', GITHUB],
    ['ssh://git@github.com:22/o/r.git', GITHUB],
    ['https://user@github.com/o/r', GITHUB],
    ['https://user:token@github.com/o/r.git', GITHUB],
    ['git://github.com/o/r.git', GITHUB],
    ['git+ssh://git@github.com/o/r.git', GITHUB],
    ['  https://github.com/o/r.git\n', GITHUB],
    ['https://gitlab.example.com/group/sub/r.git', { host: 'gitlab.example.com', owner: 'group/sub', name: 'r' }],
    ['git@ghe.corp:team/svc.git', { host: 'ghe.corp', owner: 'team', name: 'svc' }],
  ])('%s', (url, expected) => {
    expect(parseRemoteUrl(url)).toEqual(expected);
  });

  it.each(['/srv/git/r.git', '../r', 'file:///srv/git/o/r.git', 'C:/repos/o/r', 'https://github.com/r', 'git@github.com:r.git', ''])(
    '%j is not a hosted repository',
    (url) => {
      expect(parseRemoteUrl(url)).toBeUndefined();
    },
  );
});
