import type { DoubleFault } from './github-api-double.js';

/** Well-known faults, shaped as GitHub sends them. */
export const githubFaults = {
  /** Primary rate limit: 403 with `x-ratelimit-remaining: 0` and the reset time. */
  rateLimited(resetInSeconds: number, path?: string | RegExp): DoubleFault {
    const reset = Math.ceil(Date.now() / 1000) + resetInSeconds;
    return {
      path,
      status: 403,
      headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '60', 'x-ratelimit-reset': String(reset) },
      body: {
        message: 'API rate limit exceeded for 127.0.0.1. (But here\'s the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)',
        documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      },
    };
  },
  /** Secondary rate limit: 429 with `retry-after`. */
  tooManyRequests(retryAfterSeconds: number, path?: string | RegExp): DoubleFault {
    return {
      path,
      status: 429,
      headers: { 'retry-after': String(retryAfterSeconds) },
      body: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url: 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      },
    };
  },
  /** A 5xx with GitHub's HTML-free JSON body. */
  serverError(status = 502, path?: string | RegExp, times = 1): DoubleFault {
    return { path, status, times, body: { message: 'Server Error' } };
  },
  /** Holds the answer `ms` milliseconds. */
  slow(ms: number, path?: string | RegExp, times = 1): DoubleFault {
    return { path, delayMs: ms, times };
  },
};
