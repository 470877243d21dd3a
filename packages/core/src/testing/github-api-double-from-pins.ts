import type { PinDatabase } from '../pins/database.js';
import type { DoubleRelease, DoubleRepo, DoubleTag } from './github-api-double-model.js';
import type { GitHubApiDoubleFixtures } from './github-api-double.js';

/**
 * Double fixtures that answer exactly what a pin database records: every release as a tag
 * (annotated when recorded so, with its tag object) and a GitHub Release, every moving tag as a
 * lightweight tag, and `main` at the newest release. Lets e2e and tool tests run `--online`
 * against the double with the answers the offline mode gives.
 */
export function doubleFixturesFromPinDatabase(db: PinDatabase): GitHubApiDoubleFixtures {
  const repos: Record<string, DoubleRepo> = {};
  for (const [key, action] of Object.entries(db.actions)) {
    const tags: Record<string, DoubleTag> = {};
    const releases: DoubleRelease[] = [];
    for (const r of action.releases) {
      tags[r.tag] =
        r.tagType === 'annotated' && r.tagObjectSha
          ? { sha: r.tagObjectSha, object: r.sha, ...(r.date ? { taggerDate: r.date } : {}) }
          : r.sha;
      releases.push({ tag: r.tag, prerelease: r.prerelease ?? false, publishedAt: r.date ?? `${r.recordedAt}T00:00:00Z` });
    }
    for (const [tag, r] of Object.entries(action.movingTags)) tags[tag] = r.sha;
    const newest = action.releases.find((r) => !r.prerelease) ?? action.releases[0];
    repos[key] = { defaultBranch: 'main', branches: newest ? { main: newest.sha } : {}, tags, releases };
  }
  return { repos };
}
