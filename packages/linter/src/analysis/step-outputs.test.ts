import { describe, expect, it } from 'vitest';
import { scanStepOutputs, splitCommands } from './step-outputs.js';

const names = (script: string) => scanStepOutputs(script).writes.map((w) => `${w.form}:${w.name}=${w.value}`);

describe('scanStepOutputs', () => {
  it.each([
    ['echo "hashes=$(sha256sum * | base64 -w0)" >> $GITHUB_OUTPUT', ['file:hashes=$(sha256sum * | base64 -w0)"']],
    ['cd dist && echo "hash=$(sha256sum * | base64 -w0)" >> "$GITHUB_OUTPUT"', ['file:hash=$(sha256sum * | base64 -w0)"']],
    ['echo "digest=x" >> "${GITHUB_OUTPUT}"', ['file:digest=x"']],
    ['echo -n hashes=abc 1>>$GITHUB_OUTPUT', ['file:hashes=abc']],
    ["printf 'hashes=%s\\n' \"$H\" >> \"$GITHUB_OUTPUT\"", ["file:hashes=%s\\n' \"$H\""]],
    ['echo "hashes=$H" | tee -a "$GITHUB_OUTPUT"', ['file:hashes=$H"']],
    ['{\n  echo "a=1"\n  echo "b=2"\n} >> "$GITHUB_OUTPUT"', ['file:a=1"', 'file:b=2"']],
    ['{ echo "a=1"; echo "b<<EOF"; echo EOF; } >> "$GITHUB_OUTPUT"', ['file:a=1"', 'delimited:b=']],
    ['cat >> "$GITHUB_OUTPUT" <<EOF\nhashes=$(sha256sum x | base64 -w0)\nEOF\necho done', ['file:hashes=$(sha256sum x | base64 -w0)']],
    ['if true; then\n  echo "x=1" >> $GITHUB_OUTPUT\nelse echo "x=2" >> $GITHUB_OUTPUT\nfi', ['file:x=1"', 'file:x=2"']],
    ['echo "::set-output name=hashes::$(sha256sum * | base64 -w0)"', ['set-output:hashes=$(sha256sum * | base64 -w0)"']],
    ['# echo "a=1" >> $GITHUB_OUTPUT\necho "b=1" >> $GITHUB_OUTPUT', ['file:b=1"']],
    ['echo "a=1" > out.txt', []],
  ])('%j', (script, expected) => {
    expect(names(script)).toEqual(expected);
    expect(scanStepOutputs(script).opaque).toBe(false);
  });

  it.each([
    'node scripts/detect-release.ts "$(git log -1 --format=%s)" >> "$GITHUB_OUTPUT"',
    'echo "${NAME}=value" >> $GITHUB_OUTPUT',
    'python write_outputs.py --file "$GITHUB_OUTPUT"',
    'jq -r .x file | tee -a "$GITHUB_OUTPUT"',
  ])('cannot name what %j writes', (script) => {
    expect(scanStepOutputs(script).opaque).toBe(true);
  });

  it('offsets point into the script', () => {
    const script = 'set -e\necho "hashes=$(sha256sum * | base64)" >> $GITHUB_OUTPUT\n';
    const [w] = scanStepOutputs(script).writes;
    expect(script.slice(w!.nameStart, w!.nameStart + 6)).toBe('hashes');
    expect(script.slice(w!.valueStart, w!.valueEnd)).toBe(w!.value);
  });

  it('records shell assignments, not commands with environment prefixes', () => {
    const script = 'hashes=$(cat sums | base64 -w0)\nexport OUT="a b"\nFOO=1 make build\n';
    expect(scanStepOutputs(script).assignments.map((a) => `${a.name}=${a.value}`)).toEqual(['hashes=$(cat sums | base64 -w0)', 'OUT="a b"']);
  });

  it('knows whether the script touches outputs at all', () => {
    expect(scanStepOutputs('sha256sum * | base64 -w0').mentionsOutputs).toBe(false);
    expect(scanStepOutputs('echo a=1 >> $GITHUB_OUTPUT').mentionsOutputs).toBe(true);
  });
});

describe('splitCommands', () => {
  it('keeps quotes, substitutions, continuations and here-documents together', () => {
    const script = 'a "x; y" && b $(c | d) \\\n  --flag | e\ncat <<EOF\nnot; split\nEOF\nf';
    const cmds = splitCommands(script).map((c) => [script.slice(c.start, c.end), c.piped, c.heredoc ? script.slice(c.heredoc.start, c.heredoc.end) : '']);
    expect(cmds).toEqual([
      ['a "x; y"', false, ''],
      ['b $(c | d) \\\n  --flag', true, ''],
      ['e', false, ''],
      ['cat <<EOF', false, 'not; split\n'],
      ['f', false, ''],
    ]);
  });
});
