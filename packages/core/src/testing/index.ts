export { yaml, offsetOf } from './yaml-tag.js';
export { caught, caughtSync, errorWithCode } from './error-code.js';
export { fixturesDir, fixturePath } from './fixtures.js';
export {
  startGitHubApiDouble,
  githubFaults,
  type GitHubApiDouble,
  type GitHubApiDoubleFixtures,
  type GitHubApiDoubleOptions,
  type DoubleFault,
  type DoubleRequest,
  type DoubleRepo,
  type DoubleTag,
  type DoubleTagObject,
  type DoubleCommit,
  type DoubleRelease,
} from './github-api-double.js';
export { doubleFixturesFromPinDatabase } from './github-api-double-from-pins.js';
export { PIN_SCENARIOS, SCENARIO_SHAS, fakeSha } from './github-api-double-scenarios.js';
export { readCorpus, CORPORA, type CorpusFile, type CorpusName } from './corpus.js';
export {
  startRekorDouble,
  createLegacyTestKit,
  legacyScenarios,
  LEGACY_ARTIFACT,
  type RekorDouble,
  type RekorDoubleOptions,
  type RekorDoubleRequest,
  type RekorDoubleEntry,
  type LegacyTestKit,
  type LegacyEnvelopeJson,
  type SignedLegacyEnvelope,
  type EntryTamper,
  type LegacyScenarios,
  type LegacyScenarioName,
} from './rekor-double.js';
export { startTufDouble, type TufDouble, type TufDoubleOptions } from './tuf-double.js';
