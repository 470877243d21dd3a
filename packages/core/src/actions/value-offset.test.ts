import { describe, expect, it } from 'vitest';
import { parseYaml } from '../yaml/parse.js';
import { spanAt } from '../yaml/routes.js';
import { valueOffset } from './value-offset.js';

/** The offset `valueOffset` finds for the `uses:` value of a one-key document. */
function locate(line: string): { text: string; offset: number | undefined } {
  const { document, source } = parseYaml(line, 'w.yml');
  const span = spanAt(document!, ['uses'])!;
  return { text: source.text, offset: valueOffset(source.text, span, String(document!.get('uses'))) };
}

describe('valueOffset', () => {
  it.each([
    ['uses: actions/checkout@v4 # v4.2.2\n', 6],
    ['uses: "actions/checkout@v4" # v4.2.2\n', 7],
    ["uses: 'actions/checkout@v4'\n", 7],
  ])('%j', (line, offset) => {
    const found = locate(line);
    expect(found.offset).toBe(offset);
    expect(found.text.startsWith('actions/checkout@v4', found.offset)).toBe(true);
  });

  it('gives up when escapes make the source differ from the value', () => {
    expect(locate('uses: "actions/checkout\\u0040v4"\n').offset).toBeUndefined();
  });
});
