/**
 * Where rule docs are published. One constant, so moving the repository changes one line; the
 * path under it is the doc's path in this package (`docs/rules/<id>.md`).
 */
export const DOCS_BASE_URL = 'https://github.com/slsa-kit/slsa-kit/blob/main/packages/linter/docs/rules/';

/** The docs URL of a rule. */
export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
