import { describe, expect, it } from 'vitest';
import {
  findTrailingComment,
  isRatchetExclude,
  parseVersionComment,
  readVersionComment,
  type VersionCommentStyle,
} from './version-comment.js';

const SHA = '11bd71901bbe5b1630ceea73d27597364c9af683';

/** A step line with the given comment, and the end offset of its `uses:` value. */
function line(comment: string, eol = '\n'): { text: string; valueEnd: number } {
  const text = `    steps:${eol}      - uses: actions/checkout@${SHA}${comment}${eol}        with: {}${eol}`;
  return { text, valueEnd: text.indexOf(SHA) + SHA.length };
}

describe('parseVersionComment', () => {
  const cases: ReadonlyArray<{ comment: string; version: string; style: VersionCommentStyle; note?: string; precision?: number }> = [
    { comment: ' # v4.2.2', version: 'v4.2.2', style: 'plain', precision: 3 },
    { comment: ' #v4.2.2', version: 'v4.2.2', style: 'plain' },
    { comment: '  #   v4.2.2   ', version: 'v4.2.2', style: 'plain' },
    { comment: ' # 4.2.2', version: '4.2.2', style: 'plain' },
    { comment: ' # v7', version: 'v7', style: 'plain', precision: 1 },
    { comment: ' # v1.2.3-rc.1', version: 'v1.2.3-rc.1', style: 'plain' },
    { comment: ' # tag=v4.2.2', version: 'v4.2.2', style: 'tag=' },
    { comment: ' # pin @v4.2.2', version: 'v4.2.2', style: 'pin @' },
    { comment: ' # @v4.2.2', version: 'v4.2.2', style: '@' },
    { comment: ' # v4.2.2 (some note)', version: 'v4.2.2', style: 'plain', note: '(some note)' },
    { comment: '\t# v4.2.2', version: 'v4.2.2', style: 'plain' },
    { comment: ' # ratchet:actions/checkout@v4', version: 'v4', style: 'ratchet' },
    { comment: ' # ratchet:docker://ubuntu:22.04', version: '22.04', style: 'ratchet' },
  ];

  it.each(cases)('$comment', ({ comment, version, style, note, precision }) => {
    const { text, valueEnd } = line(comment);
    const parsed = readVersionComment(text, valueEnd);
    expect(parsed).toMatchObject({ version, style });
    expect(parsed?.note).toBe(note);
    expect(text.slice(parsed!.span.start, parsed!.span.end)).toBe(version);
    expect(text.slice(parsed!.comment.span.start, parsed!.comment.span.end)).toBe(comment.trim());
    if (precision !== undefined) expect(parsed?.tag?.precision).toBe(precision);
  });

  it('parses the ratchet target with file spans', () => {
    const { text, valueEnd } = line(' # ratchet:actions/checkout@v4');
    const target = readVersionComment(text, valueEnd)?.ratchetTarget;
    expect(target).toMatchObject({ kind: 'repository', owner: 'actions', repo: 'checkout', ref: 'v4' });
    if (target?.kind === 'repository') expect(text.slice(target.spans.owner.start, target.spans.owner.end)).toBe('actions');
  });

  it.each([
    ' # ratchet:exclude',
    ' # always use a tag @X.Y.Z for for slsa builders, not SHA!',
    ' # main',
    ' # v4.x',
    ' # tag=',
    ' #',
    ' # ratchet:not-an-action',
  ])('%j is not a version', (comment) => {
    const { text, valueEnd } = line(comment);
    expect(readVersionComment(text, valueEnd)).toBeUndefined();
  });

  it('recognizes ratchet:exclude', () => {
    const { text, valueEnd } = line(' # ratchet:exclude');
    const comment = findTrailingComment(text, valueEnd)!;
    expect(isRatchetExclude(comment)).toBe(true);
    expect(parseVersionComment(comment)).toBeUndefined();
    expect(isRatchetExclude(findTrailingComment(line(' # v4').text, valueEnd)!)).toBe(false);
  });
});

describe('findTrailingComment', () => {
  it('stops before CRLF line ends', () => {
    const { text, valueEnd } = line(' # v4.2.2', '\r\n');
    const comment = findTrailingComment(text, valueEnd)!;
    expect(comment.body).toBe(' v4.2.2');
    expect(text.slice(comment.span.start, comment.span.end)).toBe('# v4.2.2');
    expect(readVersionComment(text, valueEnd)?.version).toBe('v4.2.2');
  });

  it('ignores comments on later lines', () => {
    const text = 'uses: a/b@v1\n# v1.0.0\n';
    expect(findTrailingComment(text, text.indexOf('\n'))).toBeUndefined();
    expect(findTrailingComment('uses: a/b@v1', 12)).toBeUndefined();
  });

  it('needs a blank before #', () => {
    const text = 'uses: "a/b@v1"#v1.0.0\n';
    expect(findTrailingComment(text, text.indexOf('#'))).toBeUndefined();
  });

  it('starts after the value, so # inside quotes is not a comment', () => {
    const text = `uses: "a/b@v1 # no" # v1.0.0\n`;
    const valueEnd = text.indexOf('" #') + 1;
    expect(readVersionComment(text, valueEnd)?.version).toBe('v1.0.0');
  });

  it('handles a comment at the end of the file', () => {
    const text = 'uses: a/b@v1 # v1.0.0';
    expect(findTrailingComment(text, 12)).toEqual({ span: { start: 13, end: text.length }, body: ' v1.0.0' });
  });
});
