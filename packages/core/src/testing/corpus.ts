import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fixturePath } from './fixtures.js';

/** One workflow file of a test corpus. */
export interface CorpusFile {
  readonly corpus: string;
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The workflow corpora the foundation is measured on, by name. */
export const CORPORA = ['actionlint-ok', 'actionlint-err', 'zizmor', 'real-world', 'actionlint-realworld'] as const;
export type CorpusName = (typeof CORPORA)[number];

const isYaml = (f: string): boolean => /\.ya?ml$/i.test(f);

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else if (isYaml(entry)) out.push(full);
  }
  return out;
}

function fromDir(corpus: string, dir: string): CorpusFile[] {
  return walk(dir).map((f) => ({ corpus, name: path.relative(dir, f), bytes: readFileSync(f) }));
}

/**
 * Reads a corpus from the shared fixtures. The 1,503 real-world workflows come out of actionlint's
 * `dataset.zip`; `fflate` is loaded only for that corpus (it is a test-time dependency).
 */
export async function readCorpus(name: CorpusName): Promise<CorpusFile[]> {
  switch (name) {
    case 'actionlint-ok':
      return fromDir(name, fixturePath('actionlint', 'testdata', 'ok'));
    case 'actionlint-err':
      return fromDir(name, fixturePath('actionlint', 'testdata', 'err'));
    case 'zizmor':
      return fromDir(name, fixturePath('zizmor', 'test-data'));
    case 'real-world':
      return fromDir(name, fixturePath('real-world', 'workflows'));
    case 'actionlint-realworld': {
      const { unzipSync } = await import('fflate');
      const files = unzipSync(readFileSync(fixturePath('actionlint', 'testdata', 'realworld', 'dataset.zip')));
      return Object.keys(files)
        .filter(isYaml)
        .sort()
        .map((n) => ({ corpus: name, name: n, bytes: files[n]! }));
    }
  }
}
