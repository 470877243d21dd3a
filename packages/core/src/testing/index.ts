export { yaml, offsetOf } from './yaml-tag.js';
export { caught, caughtSync, errorWithCode } from './error-code.js';
export { fixturesDir, fixturePath } from './fixtures.js';
export { readCorpus, CORPORA, type CorpusFile, type CorpusName } from './corpus.js';
