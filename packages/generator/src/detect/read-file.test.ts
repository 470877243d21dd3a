import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isFile, readHead, readText } from './read-file.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slsa-read-'));
  await writeFile(join(dir, 'bom.txt'), '\uFEFFhello');
  await writeFile(join(dir, 'utf8.txt'), 'héllo wörld');
  await mkdir(join(dir, 'sub'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readText', () => {
  it('reads a file without its byte-order mark', async () => {
    expect(await readText(join(dir, 'bom.txt'))).toBe('hello');
  });

  it.each([
    ['a file over the limit', 'utf8.txt', 5],
    ['a directory', 'sub', 1000],
    ['a missing file', 'missing', 1000],
  ])('%s is undefined', async (_name, file, limit) => {
    expect(await readText(join(dir, file), limit)).toBeUndefined();
  });
});

describe('readHead', () => {
  it.each([
    [3, 'hé'],
    [2, 'h\uFFFD'],
    [100, 'héllo wörld'],
  ])('the first %i bytes', async (bytes, expected) => {
    expect(await readHead(join(dir, 'utf8.txt'), bytes)).toBe(expected);
  });

  it.each(['sub', 'missing'])('%s is undefined', async (file) => {
    expect(await readHead(join(dir, file), 10)).toBeUndefined();
  });
});

describe('isFile', () => {
  it.each([
    ['utf8.txt', true],
    ['sub', false],
    ['missing', false],
  ])('%s → %s', async (file, expected) => {
    expect(await isFile(join(dir, file))).toBe(expected);
  });
});
