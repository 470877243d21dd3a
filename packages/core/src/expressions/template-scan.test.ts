import { describe, expect, it } from 'vitest';
import { scanTemplates } from './template-scan.js';

describe('scanTemplates', () => {
  it.each([
    ['no template', 'echo hi', [], undefined],
    ['one template', 'a ${{ x }} b', ['${{ x }}'], undefined],
    ['two templates', '${{ a }}-${{ b }}', ['${{ a }}', '${{ b }}'], undefined],
    ['}} inside a string literal', "${{ format('}}', x) }}", ["${{ format('}}', x) }}"], undefined],
    ["'' escape inside a string", "${{ 'it''s }}' }} tail", ["${{ 'it''s }}' }}"], undefined],
    ['a third brace stays outside', '${{ x }}}', ['${{ x }}'], undefined],
    ['unclosed', 'a ${{ x', [], { start: 2 }],
    ['unclosed after a closed one', '${{ a }} ${{ b', ['${{ a }}'], { start: 9 }],
    ['unclosed string', "${{ 'oops }}", [], { start: 0, openString: 4 }],
    ['unclosed string with escape', "${{ 'it''s }}", [], { start: 0, openString: 4 }],
    ['$ { { is not a template', '$ {{ x }}', [], undefined],
  ] as const)('%s', (_name, value, templates, unclosed) => {
    const scan = scanTemplates(value);
    expect(scan.templates.map((t) => value.slice(t.start, t.end))).toEqual(templates);
    expect(scan.unclosed).toEqual(unclosed);
  });
});
