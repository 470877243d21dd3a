import { describe, expect, it } from 'vitest';
import { firstMeaningfulLine, parseJsonObject, parseTomlTable, stringField, tableAt } from './parse-data.js';

describe('parseTomlTable', () => {
  it('parses a document and reads nested tables', () => {
    const toml = parseTomlTable('[project]\nname = "demo"\n[tool.poetry]\nname = "p"\n');
    expect(stringField(tableAt(toml, 'project'), 'name')).toBe('demo');
    expect(stringField(tableAt(toml, 'tool', 'poetry'), 'name')).toBe('p');
    expect(tableAt(toml, 'project', 'name')).toBeUndefined();
  });

  it.each([undefined, '[project\nname = ', 'a = 1\na = 2\n'])('%j is no data', (text) => {
    expect(parseTomlTable(text)).toBeUndefined();
  });
});

describe('parseJsonObject', () => {
  it('parses an object', () => {
    expect(parseJsonObject('{"name": "x", "private": true}')).toEqual({ name: 'x', private: true });
  });

  it.each([undefined, '{"name": ', '[1, 2]', 'null', '"text"'])('%j is no data', (text) => {
    expect(parseJsonObject(text)).toBeUndefined();
  });
});

describe('stringField', () => {
  it.each([
    [{ name: ' x ' }, 'x'],
    [{ name: '' }, undefined],
    [{ name: 3 }, undefined],
    [undefined, undefined],
  ])('%j → %j', (table, expected) => {
    expect(stringField(table, 'name')).toBe(expected);
  });
});

describe('firstMeaningfulLine', () => {
  it.each([
    ['3.12\n', '3.12'],
    ['\n# pinned\n  v20.11.1  \n22\n', 'v20.11.1'],
    ['\r\n3.11\r\n', '3.11'],
    ['# only a comment\n', undefined],
    [undefined, undefined],
  ])('%j → %j', (text, expected) => {
    expect(firstMeaningfulLine(text)).toBe(expected);
  });
});
