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

/** What a file's triggers say about who can choose its values. */
export interface TriggerFacts {
  /** Declared inputs by lower-case name. */
  readonly inputs: ReadonlyMap<string, DeclaredInput>;
  /** The workflow can be called (`on: workflow_call`), so undeclared names may come from a caller. */
  readonly callable: boolean;
  /**
   * The events that start the workflow, lower-case; absent when any event may (a called workflow
   * sees its caller's event, or `on:` could not be read in full). See {@link possibleSource}.
   */
  readonly events?: ReadonlySet<string>;
}

/** Where a tainted value comes from: its taint and a field that holds it (`github.head_ref`). */
export interface TaintSource {
  readonly taint: Taint;
  readonly field: string;
  /**
   * A computed index had to choose the field among others (`github[x]`, `inputs[x]`), so the read
   * may as well be of a safe one; false when the read names the field and an index at most picks
   * an element of it (`github.event.commits[x].message`).
   */
  readonly chosen: boolean;
}

const PULL_REQUEST_EVENTS = 'pull_request pull_request_target pull_request_review pull_request_review_comment';

/**
 * Fields of `github` that anyone can fill, as paths below `github` (`*` is one segment: an array
 * index or a filter), with the events whose payload carries them. Chosen by hand from the webhook
 * payloads: free text (titles, bodies, commit messages, author names and e-mails) and git ref
 * names of forks. Everything else is either a fixed format (SHAs, numbers, ids, timestamps, URLs,
 * enums, booleans) or limited to GitHub's login and repository-name character sets
 * (`github.actor`, `*.user.login`, `*.repo.full_name`). Each field is a string.
 */
const ATTACKER_FIELDS: readonly { readonly events: string; readonly paths: readonly string[] }[] = [
  { events: 'pull_request pull_request_target', paths: ['head_ref'] },
  { events: 'issues issue_comment', paths: ['event.issue.title', 'event.issue.body'] },
  {
    events: PULL_REQUEST_EVENTS,
    paths: [
      'event.pull_request.title',
      'event.pull_request.body',
      'event.pull_request.head.ref',
      'event.pull_request.head.label',
      'event.pull_request.head.repo.default_branch',
      'event.pull_request.head.repo.description',
      'event.pull_request.head.repo.homepage',
    ],
  },
  { events: `issues issue_comment discussion discussion_comment ${PULL_REQUEST_EVENTS}`, paths: ['event.changes.*.from'] },
  { events: 'issue_comment commit_comment discussion_comment pull_request_review_comment', paths: ['event.comment.body'] },
  { events: 'pull_request_review', paths: ['event.review.body'] },
  { events: 'pull_request_review_comment', paths: ['event.review_comment.body'] },
  { events: 'discussion discussion_comment', paths: ['event.discussion.title', 'event.discussion.body'] },
  { events: 'gollum', paths: ['event.pages.*.page_name'] },
  {
    events: 'push',
    paths: ['commits.*', 'head_commit'].flatMap((c) => ['message', 'author.name', 'author.email', 'committer.name', 'committer.email'].map((f) => `event.${c}.${f}`)),
  },
  {
    events: 'workflow_run',
    paths: [
      'event.workflow_run.head_branch',
      'event.workflow_run.display_title',
      ...['message', 'author.name', 'author.email', 'committer.name', 'committer.email'].map((f) => `event.workflow_run.head_commit.${f}`),
      'event.workflow_run.head_repository.description',
      'event.workflow_run.pull_requests.*.head.ref',
    ],
  },
  { events: 'check_suite', paths: ['event.check_suite.head_branch', 'event.check_suite.head_commit.message'] },
  { events: 'check_run', paths: ['event.check_run.check_suite.head_branch'] },
  { events: 'merge_group', paths: ['message', 'author.name', 'author.email'].map((f) => `event.merge_group.head_commit.${f}`) },
];

const FIELDS = ATTACKER_FIELDS.map(({ events, paths }) => ({ events: events.split(' '), patterns: paths.map((p) => p.split('.')) }));

/**
 * Events whose payload holds no text someone else chose beyond what is modelled here: no payload
 * (`schedule`), dispatch inputs and payloads (judged below), or only names and text that people
 * with write access choose (releases, refs of the base repository, labels, milestones).
 */
const QUIET_EVENTS = 'schedule workflow_dispatch repository_dispatch release create delete label milestone watch public branch_protection_rule';

/**
 * Every event whose payload this module knows: a field named in full counts on these only when
 * its events include one of them. Any other event (`status`, `deployment_status`, a misspelt or
 * future one) may carry anything, so every field counts there.
 */
const KNOWN_EVENTS: ReadonlySet<string> = new Set([...FIELDS.flatMap((f) => f.events), ...QUIET_EVENTS.split(' ')]);

/** The events that carry some text someone else chose: any attacker field, a dispatch payload or inputs. */
const TEXT_EVENTS: readonly string[] = [...new Set([...FIELDS.flatMap((f) => f.events), 'repository_dispatch', 'workflow_dispatch'])];

/** Whether an event that starts the workflow can carry a field carried by `events` (any event when the events are not known). */
const mayCarry = (facts: TriggerFacts, events: readonly string[]): boolean =>
  !facts.events || [...facts.events].some((e) => !KNOWN_EVENTS.has(e) || events.includes(e));

/** Input types whose values GitHub restricts to a fixed set or format. */
const SAFE_INPUT_TYPES = new Set(['boolean', 'number', 'choice', 'environment']);

const segmentMatches = (actual: string, pattern: string): boolean => actual === '*' || pattern === '*' || actual === pattern;

/**
 * Whether a path (below the context, lower-cased, `*` for a filter or a computed index) can read
 * the value `pattern` names or an object that contains it. Reading below a string field (`leaf`)
 * gives null, so a `*` that would have to pick the field for the path to go below it picks
 * nothing; a path that names the field literally and goes below it is still counted, as it
 * always was (nobody writes one, and it costs nothing to stay conservative).
 */
function reaches(path: readonly string[], pattern: readonly string[], leaf: boolean): boolean {
  const n = Math.min(path.length, pattern.length);
  for (let i = 0; i < n; i++) if (!segmentMatches(path[i]!, pattern[i]!)) return false;
  return !leaf || path.length <= pattern.length || pattern.every((p, i) => path[i] !== '*' || p === '*');
}

const TAINT_ORDER: readonly Taint[] = ['attacker', 'caller', 'dispatcher'];

/** The strongest of some sources (attacker over caller over dispatcher), the first of equals. */
export function strongestSource(sources: readonly (TaintSource | undefined)[]): TaintSource | undefined {
  const found = sources.filter((s): s is TaintSource => s !== undefined);
  return TAINT_ORDER.map((t) => found.find((s) => s.taint === t)).find((s) => s !== undefined);
}

/**
 * An input read as `prefix.name`; `name` undefined or `*` reads every input (the whole object, a
 * filter or a computed index): the strongest declared one, and for `inputs` of a called workflow
 * an undeclared one a caller may pass (see TriggerFacts.callable). A called workflow's
 * `github.event` is its caller's, whose dispatch inputs are unknown here.
 */
function inputSource(prefix: string, name: string | undefined, facts: TriggerFacts, viaEvent: boolean, chosen: boolean): TaintSource | undefined {
  if (name === undefined || name === '*') {
    if (viaEvent && facts.callable) return { taint: 'dispatcher', field: `${prefix}.*`, chosen };
    const declared = [...facts.inputs.keys()].map((n) => inputSource(prefix, n, facts, viaEvent, chosen));
    const undeclared: TaintSource | undefined = !viaEvent && facts.callable ? { taint: 'caller', field: `${prefix}.*`, chosen } : undefined;
    return strongestSource([...declared, undeclared]);
  }
  const input = facts.inputs.get(name);
  if (input && SAFE_INPUT_TYPES.has(input.type)) return undefined;
  // `github.event.inputs` exists only for workflow_dispatch.
  const taint = viaEvent ? 'dispatcher' : (input?.callable ?? facts.callable) ? 'caller' : 'dispatcher';
  return { taint, field: `${prefix}.${name}`, chosen };
}

/** Whether `path` writes out every name of `pattern` it reaches (a `*` in it stands at most for an element). */
const spelled = (path: readonly string[], pattern: readonly string[]): boolean => pattern.every((p, i) => p === '*' || i >= path.length || path[i] !== '*');

/**
 * The strongest source a read can render, or undefined when no value it can read carries text
 * someone else chose. `context` and `path` are lower-cased; `*` in `path` is a filter or, when
 * `computed`, possibly a computed index. Which fields count depends on `facts.events` (every event
 * when it is absent):
 * - a field the read names in full (`github.event.issue.title`, also when an index only picks an
 *   element, `github.event.commits[x].message`) counts when one of the events can carry it, or
 *   when one of them is an event whose payload is not known here: on a `push`-only workflow
 *   `github.event.issue.title` is always empty;
 * - a field that a computed index would have to choose among others counts only when one of the
 *   events carries it, and is `chosen`;
 * - an object or filter that contains fields (`github.event`, `github.event.commits.*`) counts
 *   unless the events provably carry no such text at all (a `schedule`-only workflow).
 * Inputs declared `boolean`, `number`, `choice` or `environment` are safe: GitHub only accepts
 * values of that kind.
 */
export function possibleSource(context: string, path: readonly string[], facts: TriggerFacts, computed = false): TaintSource | undefined {
  if (context === 'inputs') {
    // An input is a string, number or boolean: an index below a named one reads nothing.
    if (computed && path[0] !== undefined && path[0] !== '*') return path.length > 1 ? undefined : inputSource('inputs', path[0], facts, false, false);
    return inputSource('inputs', path[0], facts, false, computed);
  }
  if (context !== 'github') return undefined;
  const counts = (pattern: readonly string[], events: readonly string[]): { chosen: boolean } | undefined => {
    const named = spelled(path, pattern);
    if (computed && !named) return !facts.events || events.some((e) => facts.events!.has(e)) ? { chosen: true } : undefined;
    const written = named && path.length >= pattern.length;
    return mayCarry(facts, written ? events : TEXT_EVENTS) ? { chosen: false } : undefined;
  };
  const fields = FIELDS.flatMap(({ events, patterns }) =>
    patterns.flatMap((p) => {
      const c = reaches(path, p, true) ? counts(p, events) : undefined;
      return c ? [{ taint: 'attacker' as const, field: ['github', ...p].join('.'), ...c }] : [];
    }),
  );
  const named = fields.find((f) => !f.chosen) ?? fields[0];
  if (named) return named;
  const payload = ['event', 'client_payload'];
  const payloadCounts = reaches(path, payload, false) ? counts(payload, ['repository_dispatch']) : undefined;
  if (payloadCounts) return { taint: 'dispatcher', field: 'github.event.client_payload', ...payloadCounts };
  const inputs = ['event', 'inputs'];
  const inputsCount = reaches(path, inputs, false) ? counts(inputs, ['workflow_dispatch']) : undefined;
  if (!inputsCount) return undefined;
  return inputSource('github.event.inputs', path[2], facts, true, inputsCount.chosen || (computed && path[2] === '*'));
}

/** The key under which a reference is compared: context and path, lower-cased, dot-joined. */
export function referenceKey(context: string, path: readonly (string | number)[]): string {
  return [context, ...path.map((s) => String(s))].join('.').toLowerCase();
}
