import { describe, expect, it } from 'vitest';
import { scanStepOutputs } from './step-outputs.js';
import { checkSubjectsDigest } from './subjects-digest.js';

function check(script: string, wrapsByDefault = true) {
  const scan = scanStepOutputs(script);
  const write = scan.writes.find((w) => w.name === 'hashes')!;
  const problem = checkSubjectsDigest(write, scan.assignments, wrapsByDefault);
  return problem ? `${problem.kind}:${script.slice(problem.start, problem.end)}` : 'ok';
}

describe('checkSubjectsDigest', () => {
  it.each([
    ['echo "hashes=$(sha256sum * | base64 -w0)" >> $GITHUB_OUTPUT', 'ok'],
    ['echo "hashes=$(sha256sum * | base64 -w 0)" >> $GITHUB_OUTPUT', 'ok'],
    ['echo "hashes=$(sha256sum * | base64 --wrap=0)" >> $GITHUB_OUTPUT', 'ok'],
    ['echo "hashes=$(shasum -a 256 * | openssl base64 -A)" >> $GITHUB_OUTPUT', 'ok'],
    ["echo \"hashes=$(sha256sum * | base64 | tr -d '\\n')\" >> $GITHUB_OUTPUT", 'ok'],
    ['H=$(sha256sum dist/* | base64 -w0)\necho "hashes=$H" >> "$GITHUB_OUTPUT"', 'ok'],
    ['hashes=$(cat checksums.txt | base64 -w0)\necho "hashes=${hashes}" >> $GITHUB_OUTPUT', 'ok'],
    ['echo "hashes=$(cat subjects.b64)" >> $GITHUB_OUTPUT', 'ok'],
    ['echo "hashes=$(python -c "import base64; print(1)")" >> $GITHUB_OUTPUT', 'ok'],
    ['echo "hashes=$(echo $X | base64 -d | base64 -w0)" >> $GITHUB_OUTPUT', 'ok'],
    ['echo "hashes=$(sha256sum * | base64)" >> $GITHUB_OUTPUT', 'wrapped:base64'],
    ['echo "hashes=$(sha256sum * | openssl base64)" >> $GITHUB_OUTPUT', 'wrapped:base64'],
    ['echo "hashes=$(sha256sum * | base64 -i)" >> $GITHUB_OUTPUT', 'wrapped:base64 -i'],
    ['H=$(sha256sum * | base64)\necho "hashes=$H" >> $GITHUB_OUTPUT', 'wrapped:base64'],
    ['echo "hashes=$(sha256sum *)" >> $GITHUB_OUTPUT', 'notEncoded:sha256sum'],
  ])('%j', (script, expected) => {
    expect(check(script)).toBe(expected);
  });

  it('accepts an unwrapped base64 where the runner does not wrap (macOS)', () => {
    expect(check('echo "hashes=$(shasum -a 256 * | base64)" >> $GITHUB_OUTPUT', false)).toBe('ok');
  });
});
