import type { LocatedExpression } from '@slsa-kit/core';

type Expr = NonNullable<LocatedExpression['ast']>;

/**
 * Who chooses an expression's value when it is pasted into a script.
 * - `attacker`: any GitHub user (a pull request title, a fork's branch name).
 * - `caller`: the workflow that calls this one (`workflow_call` inputs), which may pass on
 *   attacker text of its own.
 * - `dispatcher`: someone with write access (`workflow_dispatch` inputs, `repository_dispatch`
 *   payloads), who could edit the workflow anyway: hygiene more than a privilege boundary.
 */
export type Taint = 'attacker' | 'caller' | 'dispatcher';

/** A declared input: its type and whether `workflow_call` declares it (else only `workflow_dispatch`). */
export interface DeclaredInput {
  readonly type: string;
  readonly callable: boolean;
}

/** What a file declares about its inputs, for judging `inputs.<name>`. */
export interface InputDeclarations {
  /** Declared inputs by lower-case name. */
  readonly inputs: ReadonlyMap<string, DeclaredInput>;
  /** The workflow can be called (`on: workflow_call`), so undeclared names may come from a caller. */
  readonly callable: boolean;
}

/**
 * Fields of `github` that anyone can fill, as paths below `github` (`*` is one segment: an array
 * index or a filter). Chosen by hand from the webhook payloads: free text (titles, bodies, commit
 * messages, author names and e-mails) and git ref names of forks. Everything else is either a
 * fixed format (SHAs, numbers, ids, timestamps, URLs, enums, booleans) or limited to GitHub's
 * login and repository-name character sets (`github.actor`, `*.user.login`, `*.repo.full_name`).
 */
const ATTACKER_PATHS: readonly string[] = [
  'head_ref',
  'event.issue.title',
  'event.issue.body',
  'event.pull_request.title',
  'event.pull_request.body',
  'event.pull_request.head.ref',
  'event.pull_request.head.label',
  'event.pull_request.head.repo.default_branch',
  'event.pull_request.head.repo.description',
  'event.pull_request.head.repo.homepage',
  'event.changes.*.from',
  'event.comment.body',
  'event.review.body',
  'event.review_comment.body',
  'event.discussion.title',
  'event.discussion.body',
  'event.pages.*.page_name',
  'event.commits.*.message',
  'event.commits.*.author.name',
  'event.commits.*.author.email',
  'event.commits.*.committer.name',
  'event.commits.*.committer.email',
  'event.head_commit.message',
  'event.head_commit.author.name',
  'event.head_commit.author.email',
  'event.head_commit.committer.name',
  'event.head_commit.committer.email',
  'event.workflow_run.head_branch',
  'event.workflow_run.display_title',
  'event.workflow_run.head_commit.message',
  'event.workflow_run.head_commit.author.name',
  'event.workflow_run.head_commit.author.email',
  'event.workflow_run.head_commit.committer.name',
  'event.workflow_run.head_commit.committer.email',
  'event.workflow_run.head_repository.description',
  'event.workflow_run.pull_requests.*.head.ref',
  'event.check_suite.head_branch',
  'event.check_suite.head_commit.message',
  'event.check_run.check_suite.head_branch',
  'event.merge_group.head_commit.message',
  'event.merge_group.head_commit.author.name',
  'event.merge_group.head_commit.author.email',
];

const PATTERNS: readonly (readonly string[])[] = ATTACKER_PATHS.map((p) => p.split('.'));

/** Input types whose values GitHub restricts to a fixed set or format. */
const SAFE_INPUT_TYPES = new Set(['boolean', 'number', 'choice', 'environment']);

const segmentMatches = (actual: string, pattern: string): boolean => actual === '*' || pattern === '*' || actual === pattern;

/**
 * Whether a `github` path (below `github`, lower-cased) can hold attacker text: it is one of the
 * attacker fields or an object that contains one (`github.event.pull_request`, rendered as JSON).
 */
function githubTaint(path: readonly string[]): boolean {
  return PATTERNS.some((pattern) => {
    const n = Math.min(path.length, pattern.length);
    for (let i = 0; i < n; i++) if (!segmentMatches(path[i]!, pattern[i]!)) return false;
    // A longer path reads below an attacker string (never a safe value); a shorter one contains it.
    return true;
  });
}

/**
 * The taint of a context reference (`context` and `path` lower-cased), or undefined when its value
 * cannot carry text someone else chose. Inputs declared `boolean`, `number`, `choice` or
 * `environment` are safe: GitHub only accepts values of that kind.
 */
export function taintOf(context: string, path: readonly string[], declared: InputDeclarations): Taint | undefined {
  if (context === 'inputs' || (context === 'github' && path[0] === 'event' && path[1] === 'inputs')) {
    const name = context === 'inputs' ? path[0] : path[2];
    const input = name === undefined || name === '*' ? undefined : declared.inputs.get(name);
    if (input && SAFE_INPUT_TYPES.has(input.type)) return undefined;
    // `github.event.inputs` exists only for workflow_dispatch.
    if (context === 'github') return 'dispatcher';
    return (input?.callable ?? declared.callable) ? 'caller' : 'dispatcher';
  }
  if (context !== 'github') return undefined;
  if (path[0] === 'event' && path[1] === 'client_payload') return 'dispatcher';
  return githubTaint(path) ? 'attacker' : undefined;
}

/** The key under which a reference is compared: context and path, lower-cased, dot-joined. */
export function referenceKey(context: string, path: readonly (string | number)[]): string {
  return [context, ...path.map((s) => String(s))].join('.').toLowerCase();
}

/** Reads a node's fields without importing the parser's classes (not a dependency of this package). */
type Shape = Partial<Record<'literal' | 'token' | 'operator' | 'expr' | 'index' | 'functionName' | 'args' | 'left' | 'group' | 'name', unknown>>;
interface TokenLike {
  readonly lexeme: string;
}

/** The literal path of an access chain and its root; a computed index restarts the path, as in core. */
function unchain(node: Shape): { root: Shape; segments: string[] } {
  const segments: string[] = [];
  let cur: Shape = node;
  while ('index' in cur && 'expr' in cur) {
    const index = cur.index as Shape;
    if ('literal' in index) segments.unshift((index.literal as { coerceString(): string }).coerceString());
    else if (Object.keys(index).length === 0) segments.unshift('*'); // a Star has no fields
    else segments.length = 0;
    cur = cur.expr as Shape;
  }
  return { root: cur, segments };
}

const BOOLEAN_FUNCTIONS = new Set(['contains', 'startswith', 'endswith', 'success', 'always', 'cancelled', 'failure', 'hashfiles']);

/**
 * Which context references can end up in what an expression renders, as a map from each
 * reference's key to the keys of the values actually rendered: `(a || b).number` renders
 * `a.number` or `b.number`, not `a`. Operands of `!`, comparisons and predicate functions only
 * produce booleans; the left operands of `a && b` render only when falsy, and falsy values render
 * as constants (`''`, `false`, `0`), so only the last operand of `&&` can carry text. Any operand
 * of `||` can.
 */
export function renderedReferences(ast: Expr): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const visit = (node: Shape, suffix: readonly string[]): void => {
    if ('group' in node) return visit(node.group as Shape, suffix);
    if ('left' in node || ('operator' in node && 'expr' in node)) return; // Binary, Unary
    if ('operator' in node && 'args' in node) {
      const args = node.args as Shape[];
      const or = (node.operator as TokenLike).lexeme === '||';
      for (const arg of or ? args : args.slice(-1)) visit(arg, suffix);
      return;
    }
    if ('functionName' in node) {
      const name = (node.functionName as TokenLike).lexeme.toLowerCase();
      if (BOOLEAN_FUNCTIONS.has(name)) return;
      const args = node.args as Shape[];
      // case(pred, value, …, default) renders one of its values, never a predicate.
      const shown = name === 'case' ? args.filter((_, i) => i % 2 === 1 || i === args.length - 1) : args;
      for (const arg of shown) visit(arg, suffix);
      return;
    }
    if ('index' in node || 'name' in node) {
      const { root, segments } = unchain(node);
      if ('name' in root) {
        const key = referenceKey((root.name as TokenLike).lexeme, segments);
        const set = out.get(key) ?? new Set<string>();
        set.add([key, ...suffix].join('.').toLowerCase());
        out.set(key, set);
      } else visit(root, [...segments, ...suffix]);
    }
  };
  visit(ast as unknown as Shape, []);
  return out;
}
