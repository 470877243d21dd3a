import { Octokit, type RestEndpointMethodTypes } from '@octokit/rest';
import { SlsaKitError } from '../errors.js';
import { pinError } from './codes.js';
import { createGitHubFetch, type GitHubFetchOptions } from './github-fetch.js';

type Data<G extends keyof RestEndpointMethodTypes, M extends keyof RestEndpointMethodTypes[G]> = RestEndpointMethodTypes[G][M] extends {
  response: { data: infer D };
}
  ? D
  : never;

/** `GET /repos/{owner}/{repo}/git/ref/{ref}` */
export type GitRefData = Data<'git', 'getRef'>;
/** `GET /repos/{owner}/{repo}/git/tags/{tag_sha}` */
export type GitTagData = Data<'git', 'getTag'>;
/** `GET /repos/{owner}/{repo}` */
export type RepoData = Data<'repos', 'get'>;
/** An element of `GET /repos/{owner}/{repo}/tags` */
export type TagData = Data<'repos', 'listTags'>[number];
/** An element of `GET /repos/{owner}/{repo}/branches` */
export type BranchData = Data<'repos', 'listBranches'>[number];
/** An element of `GET /repos/{owner}/{repo}/releases` */
export type ReleaseData = Data<'repos', 'listReleases'>[number];
/** `GET /repos/{owner}/{repo}/compare/{basehead}` */
export type ComparisonData = Data<'repos', 'compareCommitsWithBasehead'>;

/** Where and how to reach GitHub. */
export interface GitHubClientOptions extends GitHubFetchOptions {
  /** REST API root; `GITHUB_API_URL` on GitHub Enterprise. Default `https://api.github.com`. */
  readonly baseUrl?: string | undefined;
  /** A token (`GH_TOKEN` / `GITHUB_TOKEN`); sent as a header, never logged or cached. */
  readonly token?: string | undefined;
  /** Pages of 100 read at most from one list endpoint. Default 10. */
  readonly maxPages?: number;
}

const PER_PAGE = 100;

/**
 * The GitHub REST calls the pin resolver makes, on a real Octokit. 404 (and 422, GitHub's
 * "no such commit") become `undefined`; every other failure becomes a coded error.
 */
export class GitHubClient {
  private readonly octokit: Octokit;
  private readonly maxPages: number;

  constructor(options: GitHubClientOptions = {}) {
    const log = options.log ?? (() => undefined);
    this.maxPages = options.maxPages ?? 10;
    this.octokit = new Octokit({
      baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
      ...(options.token ? { auth: options.token } : {}),
      userAgent: 'slsa-kit',
      log: { debug: () => undefined, info: () => undefined, warn: (m: string) => log(m), error: () => undefined },
      request: { fetch: createGitHubFetch(options) },
    });
  }

  /** `GET /repos/{owner}/{repo}` */
  getRepo(owner: string, repo: string): Promise<RepoData | undefined> {
    return this.call(`${owner}/${repo}`, async () => (await this.octokit.rest.repos.get({ owner, repo })).data);
  }

  /** `GET /repos/{owner}/{repo}/git/ref/{ref}` — exact match only (`tags/v1`, `heads/main`). */
  getRef(owner: string, repo: string, ref: string): Promise<GitRefData | undefined> {
    return this.call(`${owner}/${repo} ${ref}`, async () => (await this.octokit.rest.git.getRef({ owner, repo, ref })).data);
  }

  /** `GET /repos/{owner}/{repo}/git/tags/{tag_sha}` — an annotated tag object. */
  getTag(owner: string, repo: string, tagSha: string): Promise<GitTagData | undefined> {
    return this.call(`${owner}/${repo} tag object ${tagSha}`, async () => (await this.octokit.rest.git.getTag({ owner, repo, tag_sha: tagSha })).data);
  }

  /** `GET /repos/{owner}/{repo}/compare/{base}...{head}` (one commit per page: only the status matters). */
  compare(owner: string, repo: string, base: string, head: string): Promise<ComparisonData | undefined> {
    return this.call(
      `${owner}/${repo} ${base}...${head}`,
      async () => (await this.octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}`, per_page: 1 })).data,
    );
  }

  /** `GET /repos/{owner}/{repo}/tags`, every page up to the cap. */
  listTags(owner: string, repo: string): Promise<TagData[] | undefined> {
    const params = { owner, repo, per_page: PER_PAGE };
    return this.all(`${owner}/${repo} tags`, () => this.octokit.paginate.iterator(this.octokit.rest.repos.listTags, params));
  }

  /** `GET /repos/{owner}/{repo}/branches`, every page up to the cap. */
  listBranches(owner: string, repo: string): Promise<BranchData[] | undefined> {
    const params = { owner, repo, per_page: PER_PAGE };
    return this.all(`${owner}/${repo} branches`, () => this.octokit.paginate.iterator(this.octokit.rest.repos.listBranches, params));
  }

  /** `GET /repos/{owner}/{repo}/releases`, every page up to the cap. */
  listReleases(owner: string, repo: string): Promise<ReleaseData[] | undefined> {
    const params = { owner, repo, per_page: PER_PAGE };
    return this.all(`${owner}/${repo} releases`, () => this.octokit.paginate.iterator(this.octokit.rest.repos.listReleases, params));
  }

  private all<T>(what: string, pages: () => AsyncIterable<{ data: T[] }>): Promise<T[] | undefined> {
    return this.call(what, async () => {
      const out: T[] = [];
      let read = 0;
      // The iterator follows GitHub's `link: <…>; rel="next"` header.
      for await (const page of pages()) {
        out.push(...page.data);
        if (++read >= this.maxPages) break;
      }
      return out;
    });
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (e) {
      const coded = codedCause(e);
      if (coded) throw coded;
      const status = statusOf(e);
      if (status === 404 || status === 422) return undefined;
      if (status === 401) {
        throw pinError('GITHUB_AUTH_FAILED', `GitHub rejected the token (401) for ${what}; check GH_TOKEN / GITHUB_TOKEN, or unset it.`, e);
      }
      if (status === 403) {
        throw pinError(
          'GITHUB_AUTH_FAILED',
          `GitHub refused access (403) to ${what}; the token may lack access to the repository or need SSO authorization.`,
          e,
        );
      }
      if (e instanceof Error && e.name === 'AbortError') throw e;
      throw pinError('GITHUB_UNEXPECTED_RESPONSE', `unexpected answer from GitHub for ${what}${status ? ` (${status})` : ''}`, e);
    }
  }
}

/** Octokit wraps errors thrown by `fetch`; the coded error from our transport is in the cause chain. */
function codedCause(e: unknown): SlsaKitError | undefined {
  for (let c: unknown = e, depth = 0; c instanceof Error && depth < 5; c = c.cause, depth++) {
    if (c instanceof SlsaKitError) return c;
  }
  return undefined;
}

function statusOf(e: unknown): number | undefined {
  const status = (e as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
