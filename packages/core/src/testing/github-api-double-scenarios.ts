import { createHash } from 'node:crypto';
import type { DoubleRepo } from './github-api-double-model.js';

/** A stable 40-hex SHA for a label, so scenarios read as names: `fakeSha('main-tip')`. */
export function fakeSha(label: string): string {
  return createHash('sha1').update(label).digest('hex');
}

const s = fakeSha;

/**
 * Named repositories covering what pin resolution meets on GitHub. Each is a {@link DoubleRepo}
 * for `startGitHubApiDouble({ repos: PIN_SCENARIOS })`; `SCENARIO_SHAS` names their commits.
 *
 * - `acme/lightweight` — lightweight tags `v1.0.0`, `v1.1.0` and the moving `v1` (→ `v1.1.0`).
 * - `acme/annotated` — `v2.0.0` is an annotated tag object.
 * - `acme/nested` — `v3.0.0` is a tag of a tag (object → object → commit).
 * - `acme/moving` — `v7` → the commit of `v7.0.1`, `v6` → `v6.9.0`; `v7.0` too.
 * - `acme/confusing` — a branch and a tag both named `v2` (different commits); a branch `v3` only.
 * - `acme/semver` — a maintenance release `v1.9.9` published after `v2.1.0`; a prerelease
 *   `v3.0.0-rc.1` newest of all; a draft `v4.0.0`.
 * - `acme/tags-only` — version tags and no GitHub Releases.
 * - `acme/impostor` — history `c1 ← c2 ← c3` (`main`), a release line `c2 ← r1 ← r2` reachable only
 *   through annotated tag `v1.0.0`, a fork commit `fork` (child of `c3`) and an `orphan` that no ref
 *   reaches: GitHub serves both under the repository's name.
 * - any other name answers 404, like a repository that does not exist.
 */
export const SCENARIO_SHAS = {
  lw100: s('lightweight v1.0.0'),
  lw110: s('lightweight v1.1.0'),
  lwMain: s('lightweight main'),
  ann200: s('annotated v2.0.0 commit'),
  ann200Tag: s('annotated v2.0.0 tag object'),
  nested300: s('nested v3.0.0 commit'),
  nestedOuter: s('nested v3.0.0 outer tag object'),
  nestedInner: s('nested v3.0.0 inner tag object'),
  m701: s('moving v7.0.1'),
  m700: s('moving v7.0.0'),
  m690: s('moving v6.9.0'),
  confTag: s('confusing tag v2'),
  confBranch: s('confusing branch v2'),
  confV3: s('confusing branch v3'),
  confMain: s('confusing main'),
  sem199: s('semver v1.9.9'),
  sem210: s('semver v2.1.0'),
  sem300rc: s('semver v3.0.0-rc.1'),
  sem400: s('semver v4.0.0 draft'),
  tagsOnly010: s('tags-only v0.1.0'),
  tagsOnly020: s('tags-only v0.2.0'),
  c1: s('impostor c1'),
  c2: s('impostor c2'),
  c3: s('impostor c3'),
  r1: s('impostor r1'),
  r2: s('impostor r2'),
  r2Tag: s('impostor v1.0.0 tag object'),
  fork: s('impostor fork-only commit'),
  orphan: s('impostor orphan commit'),
} as const;

const S = SCENARIO_SHAS;

export const PIN_SCENARIOS: Readonly<Record<string, DoubleRepo>> = {
  'acme/lightweight': {
    branches: { main: S.lwMain },
    commits: { [S.lwMain]: { parents: [S.lw110] }, [S.lw110]: { parents: [S.lw100] } },
    tags: { 'v1.0.0': S.lw100, 'v1.1.0': S.lw110, v1: S.lw110 },
    releases: [
      { tag: 'v1.1.0', publishedAt: '2026-02-01T00:00:00Z' },
      { tag: 'v1.0.0', publishedAt: '2026-01-01T00:00:00Z' },
    ],
  },
  'acme/annotated': {
    branches: { main: S.ann200 },
    tags: { 'v2.0.0': { sha: S.ann200Tag, object: S.ann200, taggerDate: '2026-03-01T10:00:00Z', message: 'v2.0.0\n' } },
    releases: [{ tag: 'v2.0.0', publishedAt: '2026-03-01T10:05:00Z' }],
  },
  'acme/nested': {
    branches: { main: S.nested300 },
    tags: { 'v3.0.0': { sha: S.nestedOuter, object: S.nestedInner, taggerDate: '2026-04-02T00:00:00Z' } },
    tagObjects: [{ sha: S.nestedInner, object: S.nested300, name: 'v3.0.0-inner', taggerDate: '2026-04-01T00:00:00Z' }],
    releases: [{ tag: 'v3.0.0' }],
  },
  'acme/moving': {
    branches: { main: S.m701 },
    commits: { [S.m701]: { parents: [S.m700] }, [S.m700]: { parents: [S.m690] } },
    tags: { 'v7.0.1': S.m701, 'v7.0.0': S.m700, v7: S.m701, 'v7.0': S.m701, 'v6.9.0': S.m690, v6: S.m690 },
    releases: [
      { tag: 'v7.0.1', publishedAt: '2026-07-17T00:00:00Z' },
      { tag: 'v7.0.0', publishedAt: '2026-06-17T00:00:00Z' },
      { tag: 'v6.9.0', publishedAt: '2026-05-01T00:00:00Z' },
    ],
  },
  'acme/confusing': {
    branches: { main: S.confMain, v2: S.confBranch, v3: S.confV3 },
    tags: { v2: S.confTag, 'v2.0.0': S.confTag },
    releases: [{ tag: 'v2.0.0' }],
  },
  'acme/semver': {
    branches: { main: S.sem300rc },
    tags: { 'v1.9.9': S.sem199, 'v2.1.0': S.sem210, 'v3.0.0-rc.1': S.sem300rc, 'v4.0.0': S.sem400 },
    releases: [
      { tag: 'v4.0.0', draft: true, createdAt: '2026-09-01T00:00:00Z' },
      { tag: 'v3.0.0-rc.1', prerelease: true, publishedAt: '2026-08-01T00:00:00Z' },
      { tag: 'v1.9.9', publishedAt: '2026-07-01T00:00:00Z' },
      { tag: 'v2.1.0', publishedAt: '2026-05-01T00:00:00Z' },
      { tag: 'not-a-version', publishedAt: '2026-09-02T00:00:00Z' },
    ],
  },
  'acme/tags-only': {
    branches: { main: S.tagsOnly020 },
    tags: { 'v0.1.0': S.tagsOnly010, 'v0.2.0': S.tagsOnly020, latest: S.tagsOnly020 },
  },
  'acme/impostor': {
    branches: { main: S.c3 },
    commits: {
      [S.c2]: { parents: [S.c1] },
      [S.c3]: { parents: [S.c2] },
      [S.r1]: { parents: [S.c2] },
      [S.r2]: { parents: [S.r1] },
      [S.fork]: { parents: [S.c3], message: 'pushed to a fork only' },
      [S.orphan]: { message: 'unrelated history' },
    },
    tags: { 'v1.0.0': { sha: S.r2Tag, object: S.r2 } },
    releases: [{ tag: 'v1.0.0' }],
  },
};
