#!/usr/bin/env node
/**
 * How far the BUILT slsa-lint agrees with the test suites of two peer linters, zizmor and
 * actionlint, on the checks the tools share. The peers' expected results are data copied into
 * ../shared/fixtures (see the README of each for the upstream commit); this script never runs
 * the peers, it runs `node apps/cli/bin/slsa-lint.js --format json --no-ignores FILE…` over the
 * peers' inputs and compares line numbers.
 *
 *   node tools/scripts/peer-agreement.mjs           check: exit 1 with a diff when
 *                                                   docs/reports/peer-agreement.md is stale
 *   node tools/scripts/peer-agreement.mjs --write   regenerate it (`npm run report:peers`)
 *
 * Both modes print the report to stdout. Exit codes: 0 current (or written), 1 stale, 2 usage
 * error, missing fixtures or an unbuilt CLI.
 *
 * zizmor: each case of `expected-inline/audit/<audit>.json` for the overlapping audits is one
 * comparison: the set of lines of the case's findings of that audit id against the set of lines
 * of slsa-lint's findings of the rule with the same id on the same input.
 * actionlint: each expected error of `testdata/err/*.out` and `testdata/examples/*.out` is one
 * comparison, classified by its `[kind]` (and, for `[expression]`, by its wording): it agrees when
 * slsa-lint reports a finding of the mapped rule(s) on the same line.
 *
 * The WHY map below holds a one-line explanation for each differing case that was investigated
 * by reading the input and both outputs; every other differing case says "not investigated".
 * e2e/src/peer-agreement.test.ts runs the check mode, so a rule change that moves the numbers
 * shows up as a diff to review.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(repoRoot, 'apps', 'cli', 'bin', 'slsa-lint.js');
const REPORT = path.join(repoRoot, 'docs', 'reports', 'peer-agreement.md');
// Beside the clone, as .ci/run lays it out (or $SLSA_KIT_FIXTURES), like every other test.
const FIXTURES = process.env.SLSA_KIT_FIXTURES ?? path.resolve(repoRoot, '..', 'shared', 'fixtures');
const ZIZMOR = path.join(FIXTURES, 'zizmor');
const ZIZMOR_DATA = path.join(ZIZMOR, 'test-data');
const ACTIONLINT = path.join(FIXTURES, 'actionlint');
const ACTIONLINT_DATA = path.join(ACTIONLINT, 'testdata');

/** zizmor audit file (`expected-inline/audit/<file>.json`) → audit id; slsa-lint uses the same ids. */
const ZIZMOR_AUDITS = [
  ['unpinned_uses', 'unpinned-uses'],
  ['excessive_permissions', 'excessive-permissions'],
  ['template_injection', 'template-injection'],
  ['dangerous_triggers', 'dangerous-triggers'],
  ['artipacked', 'artipacked'],
  ['cache_poisoning', 'cache-poisoning'],
  ['use_trusted_publishing', 'use-trusted-publishing'],
  ['ref_version_mismatch', 'ref-version-mismatch'],
];

/**
 * actionlint classes: an expected error's `[kind]` and, for `[expression]` (which carries both the
 * type checker and the script-injection check), its wording. `rules` are the slsa-lint rules that
 * count as reporting the same problem; none means slsa-lint has no such check.
 */
const ACTIONLINT_CLASSES = [
  {
    id: 'untrusted',
    label: '`[expression]` "… is potentially untrusted" (script injection)',
    rules: ['template-injection'],
    match: (kind, msg) => kind === 'expression' && /potentially untrusted/.test(msg),
  },
  {
    id: 'context',
    label: '`[expression]` unknown/unavailable context, variable or function',
    rules: ['expression'],
    match: (kind, msg) =>
      kind === 'expression' && /^(undefined variable|context "[^"]*" is not allowed here|calling function "[^"]*" is not allowed here|undefined function)/.test(msg),
  },
  {
    id: 'property',
    label: '`[expression]` property "…" is not defined in object type',
    rules: ['expression'],
    match: (kind, msg) => kind === 'expression' && /^property "[^"]*" is not defined in object type/.test(msg),
  },
  {
    id: 'syntax',
    label: '`[expression]` syntax (lexer/parser)',
    rules: ['expression'],
    match: (kind, msg) => kind === 'expression' && /(while lexing|while parsing|unexpected end of input|unexpected token|parse error)/.test(msg),
  },
  {
    id: 'types',
    label: '`[expression]` type checks (comparisons, argument and index types, format(), fromJSON(), objects in `${{ }}`)',
    rules: [],
    match: (kind) => kind === 'expression',
  },
  { id: 'job-needs', label: '`[job-needs]`', rules: ['expression', 'workflow-schema'], match: (kind) => kind === 'job-needs' },
  { id: 'permissions', label: '`[permissions]`', rules: ['workflow-schema', 'excessive-permissions'], match: (kind) => kind === 'permissions' },
  { id: 'deprecated-commands', label: '`[deprecated-commands]`', rules: [], match: (kind) => kind === 'deprecated-commands' },
];

/** slsa-lint findings with no actionlint error of a mapped kind on their line, for these rules. */
const OURS_ONLY_RULES = [
  { rule: 'template-injection', classes: ['untrusted'] },
  { rule: 'expression', classes: ['context', 'property', 'syntax', 'types', 'job-needs'] },
];

/**
 * One line per investigated differing case: why slsa-lint and the peer disagree. Keys:
 * `zizmor <audit file>#<test>[ <args>]`, `actionlint <dir>/<file>:<line>` (one expected error) or
 * `actionlint <dir>/<file>` (every differing error of that file), `actionlint-ours <dir>/<file>:<line>`
 * (a slsa-lint-only finding) and `crash <peer> <file>`.
 */
const WHY = {
  // zizmor unpinned-uses
  'zizmor unpinned_uses#test_issue_1543_repro':
    'same step: for a `uses: |` block scalar slsa-lint reports the whole value from the key line (17), zizmor the reference line (18)',
  // zizmor excessive-permissions
  'zizmor excessive_permissions#test_workflow_read_all': 'design: slsa-lint does not report `read-all` (read scopes only); zizmor calls it overly broad',
  'zizmor excessive_permissions#test_jobs_broaden_permissions': "agree on job2's `write-all` (20); job1's `read-all` (11) is not reported by slsa-lint (design: read scopes only)",
  'zizmor excessive_permissions#test_workflow_write_explicit':
    'agree on `id-token: write` (8); design: a workflow-level `contents: write` (7) that no inheriting job visibly uses is not reported by slsa-lint; `nonexistent: write` (9) is a `workflow-schema` error in slsa-lint',
  'zizmor excessive_permissions#test_workflow_default_perms_all_jobs_explicit':
    "slsa-lint flags job2's `id-token: write` (no OIDC consumer, only a checkout); zizmor's regular persona reports no job-level scope here",
  'zizmor excessive_permissions#test_issue_472_repro': 'design: zizmor flags a job without a `permissions:` block (default token permissions); slsa-lint does not report absent permissions',
  'zizmor excessive_permissions#test_reusable_workflow_call': 'design: zizmor flags a reusable-workflow call without `permissions:`; slsa-lint does not report absent permissions',
  'zizmor excessive_permissions#test_reusable_workflow_other_triggers': 'design: zizmor flags the workflow and jobs without a `permissions:` block; slsa-lint does not report absent permissions',
  'zizmor excessive_permissions#test_issue_336_repro_pedantic --pedantic':
    'zizmor pedantic persona only (suppressed in regular for a single-job workflow); slsa-lint by design does not report a workflow-level write scope no job visibly uses',
  'zizmor excessive_permissions#test_workflow_default_perms_pedantic --pedantic': 'zizmor pedantic persona only: no `permissions:` block; slsa-lint does not report absent permissions',
  // zizmor template-injection
  'zizmor template_injection#test_pr_317_repro':
    'zizmor flags a matrix value built from an expression (`prefix-${{ github.repository_owner }}`); slsa-lint does not trace `matrix.*`, and this value is not attacker-controlled',
  'zizmor template_injection#test_issue_339_repro': 'zizmor low-confidence informational finding on a run id from `fromJson(steps.*.outputs.data)`; slsa-lint does not taint step outputs',
  'zizmor template_injection#test_static_env':
    'zizmor reports `env.*` set from `github.event.issue.title` on a `pull_request`-only workflow, whose event has no issue: the value is always empty, and slsa-lint follows the triggers',
  'zizmor template_injection#test_issue_1903': 'zizmor low-confidence informational finding; `(github.event.pull_request || github.event.issue).number` is a number, which slsa-lint treats as safe',
  'zizmor template_injection#test_template_injection_static_matrix --persona=auditor': 'zizmor auditor persona only: a static matrix value',
  'zizmor template_injection#test_template_injection_dynamic_matrix --persona=auditor':
    'zizmor auditor persona only: a matrix built from `github.event.client_payload` (dispatcher data, empty on `issues`); slsa-lint does not trace matrix values',
  'zizmor template_injection#test_multiline_expression_pedantic --persona=pedantic':
    "zizmor pedantic persona only: unknown contexts (`some.ctx`: slsa-lint's `expression` rule reports it) and an expression that can only render `'_free_threading'` or `''`",
  'zizmor template_injection#test_issue_988_repro_pedantic --persona=pedantic': 'zizmor pedantic persona only: `github.event_name` and `github.repository` are not attacker-controlled',
  'zizmor template_injection#test_issue_1638 --persona=pedantic': 'zizmor pedantic persona only: `github.triggering_actor` is a login (restricted character set)',
  'zizmor template_injection#test_issue_1664 --persona=pedantic': 'zizmor pedantic persona only: a `secrets.*` value is not attacker-controlled',
  'zizmor template_injection#test_issue_1802 --persona=pedantic':
    "zizmor pedantic persona only: `needs.*.result` is an enum (slsa-lint's `expression` rule reports that job `test-matrix` does not exist)",
  // zizmor artipacked
  'zizmor artipacked#test_regular_persona': 'design: slsa-lint reports a persisted checkout token only when the same job later uploads an artifact that includes `.git`; no upload here',
  'zizmor artipacked#test_pedantic_persona --persona=pedantic': 'as the regular case: no artifact upload, so slsa-lint (by design) reports nothing',
  'zizmor artipacked#test_auditor_persona --persona=auditor': 'zizmor auditor persona adds `persist-credentials: true` (28); no artifact upload, so slsa-lint (by design) reports nothing',
  'zizmor artipacked#test_issue_447 --persona=auditor': "zizmor auditor persona only (`persist-credentials: \"true\"`); no artifact upload, so slsa-lint (by design) reports nothing",
  'zizmor artipacked#test_issue_1709 --persona=pedantic': 'zizmor pedantic persona only; checkout v6 (credentials outside the workspace) and no upload: slsa-lint (by design) reports nothing',
  'zizmor artipacked#test_issue_1769 --persona=pedantic': 'zizmor pedantic persona only (`with:` is an expression); no upload: slsa-lint (by design) reports nothing',
  // zizmor cache-poisoning
  'zizmor cache_poisoning#test_caching_opt_in_boolean_toggle': 'same step: zizmor anchors at `uses:`, slsa-lint at the `cache: true` that enables caching',
  'zizmor cache_poisoning#test_caching_opt_in_expression': 'same step: zizmor anchors at `uses:`, slsa-lint at `enable-cache: ${{ … }}`',
  'zizmor cache_poisoning#test_caching_opt_in_multi_value_toggle': 'same step: zizmor anchors at `uses:`, slsa-lint at `cache: "gradle"`',
  'zizmor cache_poisoning#test_caching_opt_in_boolish_toggle': 'same step: zizmor anchors at `uses:`, slsa-lint at `sccache: "true"`',
  'zizmor cache_poisoning#test_issue_343': 'same steps: zizmor anchors at `uses:`, slsa-lint at the `cache:` input where there is one',
  'zizmor cache_poisoning#test_issue_1081': 'same steps: zizmor anchors at `uses:`, slsa-lint at the `enable-cache:` input where there is one',
  'zizmor cache_poisoning#test_ramsey_composer_install_action': 'same steps: zizmor anchors at `uses:`, slsa-lint at `ignore-cache: false` where there is one',
  'zizmor cache_poisoning#test_issue_2320': 'same steps: zizmor anchors at `uses:`, slsa-lint at the `enable-cache:` input where there is one',
  'zizmor cache_poisoning#test_trigger_heuristics_tag_only': 'same steps: zizmor anchors at `uses:`, slsa-lint at the `sccache: ${{ … }}` input',
  'zizmor cache_poisoning#test_issue_642':
    'design: no release job for slsa-lint (branch push; `docker/build-push-action` without `push: true`), and its cache-aware list has no `docker/setup-buildx-action` `cache-binary`; zizmor flags on its publisher heuristic',
  'zizmor cache_poisoning#test_issue_1152':
    'agree on the explicit `package-manager-cache: true` (step at 20, slsa-lint at 22); design: slsa-lint does not flag setup-node v5+ default caching (16, 42), which depends on package.json `packageManager`',
  'zizmor cache_poisoning#test_trigger_heuristics_tag_and_branch':
    'design: slsa-lint treats only tag pushes and `release` events as release runs, where these `sccache:` expressions are false; zizmor also counts the push to branch `release` as release-like',
  // zizmor use-trusted-publishing
  'zizmor use_trusted_publishing#test_use_trusted_publishing':
    'same steps (zizmor at `uses:`, slsa-lint at the secret) except 66: slsa-lint reports only a visible `secrets.*` credential, not `rubygems/release-gem` with `setup-trusted-publisher: false`',
  'zizmor use_trusted_publishing#test_cargo_publish':
    'same steps (zizmor at the command, slsa-lint at the `CARGO_REGISTRY_TOKEN` secret) except the PowerShell step at 62, which passes no secret (design: slsa-lint needs a visible secret)',
  'zizmor use_trusted_publishing#test_npm_publish':
    'zizmor also flags setup-node steps with `always-auth: true` (15, 27, 130) and skips the publish in the job with `id-token: write`; slsa-lint flags each `npm publish` that passes a `secrets.*` token, there too (137)',
  'zizmor use_trusted_publishing#test_nuget_push': 'design: these publish commands pass no `secrets.*` credential, which slsa-lint requires; zizmor flags the command itself (informational)',
  'zizmor use_trusted_publishing#test_gem_push': 'design: these publish commands pass no `secrets.*` credential, which slsa-lint requires; zizmor flags the command itself (informational)',
  'zizmor use_trusted_publishing#test_twine_upload': 'design: these publish commands pass no `secrets.*` credential, which slsa-lint requires; zizmor flags the command itself (informational)',
  'zizmor use_trusted_publishing#test_bun_publish':
    'design: no `secrets.*` credential is passed (slsa-lint requires one, and has no `bun publish` pattern at all); zizmor flags the command itself (informational)',
  // actionlint: script injection
  'actionlint err/github_script_untrusted_input.yaml:11':
    'on `issues` only, `github.event.head_commit` (push events) is always empty: slsa-lint follows the triggers, actionlint does not (it would report line 16, where the expression is, not the `script: |` line 11)',
  'actionlint err/nested_untrusted_input.yaml':
    'on `pull_request` only, `github.event.pages` (gollum events) is always empty, so slsa-lint (which follows the triggers) reports nothing; the indexes (`commits[…].author.name`, `issue.title`) only pick an element and are not rendered',
  'actionlint examples/untrusted_input.yaml:19': 'on `pull_request` only, `github.event.head_commit` (push events) is always empty: slsa-lint follows the triggers, actionlint does not',
  // actionlint: contexts
  'actionlint err/context_availability.yaml:228': 'slsa-lint misses this (gap): its context table has no row for `jobs.<id>.snapshot`, so contexts in `snapshot.if` are not checked',
  'actionlint err/shell_key_context_availability.yaml':
    "slsa-lint misses this (bug): GitHub's context table allows no context in `shell:`, but slsa-lint gives a step's `shell:` the full step scope and has no row for the workflow's `defaults.run`",
  // actionlint: undefined properties
  'actionlint err/expr_check_in_env_var_name.yaml': 'actionlint type check slsa-lint does not do: a property of a built-in context (`runner.foooooo`)',
  'actionlint err/expr_in_default_input.yaml': 'not checked by slsa-lint: `inputs.<name>` against the declared inputs (here in input defaults)',
  'actionlint err/inputs_without_workflow_call_event.yaml':
    'not checked by slsa-lint: `inputs.<name>` against the declared inputs (none, `on: push`); its `template-injection` reports it as dispatcher text instead',
  'actionlint err/outputs_of_action_skipping_inputs_check.yaml': "not checked by slsa-lint: an action's outputs (needs the action's metadata)",
  'actionlint err/reusable_workflow_empty_secrets.yaml': 'not checked by slsa-lint: `secrets.<name>` against the `workflow_call` secrets',
  'actionlint err/workflow_call_event.yaml': 'not checked by slsa-lint: `inputs.<name>` against the declared inputs',
  'actionlint err/workflow_call_secrets.yaml': 'not checked by slsa-lint: `secrets.<name>` against the `workflow_call` secrets',
  'actionlint err/workflow_dispatch_type_check_inputs.yaml property': 'not checked by slsa-lint: `inputs.<name>` / `github.event.inputs.<name>` against the declared inputs',
  'actionlint examples/builtin_func_special_checks.yaml': 'actionlint type check slsa-lint does not do: a key of a `fromJSON()` literal',
  'actionlint examples/contexts_and_builtin_funcs.yaml': 'actionlint type check slsa-lint does not do: a property of a built-in context (`github.events`)',
  'actionlint examples/contextual_matrix_values.yaml': 'not checked by slsa-lint: `matrix.<key>` against the matrix',
  'actionlint examples/main.yaml': 'not checked by slsa-lint: `matrix.<key>` against the matrix',
  'actionlint examples/local_action_outputs.yaml': "not checked by slsa-lint: a local action's outputs (from its action.yml)",
  'actionlint examples/popular_action_outputs.yaml': "not checked by slsa-lint: an action's outputs (actionlint's table of popular actions: `cache-hit`)",
  'actionlint examples/type_checks.yaml': 'actionlint type check slsa-lint does not do: a property of a built-in context (`job.container.os`)',
  'actionlint examples/workflow_dispatch_input_types.yaml': 'not checked by slsa-lint: `inputs.<name>` against the declared inputs (a typo, `massage`)',
  'actionlint examples/workflow_inputs_secrets_types.yaml:20': 'not checked by slsa-lint: `inputs.<name>` against the declared inputs (`uri` for `url`)',
  'actionlint examples/workflow_inputs_secrets_types.yaml:23': 'not checked by slsa-lint: `secrets.<name>` against the `workflow_call` secrets',
  // actionlint: job needs
  'actionlint examples/invalid_ids_in_needs.yaml:4':
    'slsa-lint does not report a job named twice in `needs:` (`bar` and `BAR`); it compares job ids case-insensitively as actionlint does, while GitHub\'s own parser (@actions/workflow-parser) rejects `BAR` as an unknown job',
  // slsa-lint-only template-injection findings on actionlint inputs
  'actionlint-ours err/evaluated_template.yaml':
    "slsa-lint is stricter: rendering the whole `github.event` / `github.event.commits.*` pastes commit messages into the script; actionlint reports these only as object-in-template type errors",
  'actionlint-ours err/expr_in_default_input.yaml': 'design: slsa-lint reports free-text `workflow_call` inputs (caller, warning); actionlint treats `inputs.*` as trusted',
  'actionlint-ours examples/workflow_call_definitions.yaml': 'design: slsa-lint reports free-text `workflow_call` inputs (caller, warning); actionlint treats `inputs.*` as trusted',
  'actionlint-ours examples/workflow_inputs_secrets_types.yaml': 'design: slsa-lint reports free-text `workflow_call` inputs (caller, warning); actionlint treats `inputs.*` as trusted',
  'actionlint-ours err/inputs_without_workflow_call_event.yaml': 'design: an undeclared `inputs.*` is reported as dispatcher text (note); on `push` only it is always empty',
  'actionlint-ours examples/workflow_dispatch_input_types.yaml': 'design: free-text `workflow_dispatch` input (dispatcher, note); actionlint treats `inputs.*` as trusted',
  'actionlint-ours err/workflow_dispatch_type_check_inputs.yaml:23': 'design: free-text `workflow_dispatch` input (dispatcher, note); actionlint treats `inputs.*` as trusted',
  'actionlint-ours err/workflow_dispatch_type_check_inputs.yaml:24': 'design: free-text `workflow_dispatch` input (dispatcher, note); actionlint treats `inputs.*` as trusted',
  'actionlint-ours err/workflow_dispatch_type_check_inputs.yaml':
    'design: a computed index into `github` / `github.event.*` cannot be proven safe; on this `workflow_dispatch`-only workflow the only free text it can reach is the `string` dispatch input, so these are notes (dispatcher); actionlint treats `inputs.*` as trusted',
};

// ---------------------------------------------------------------------------------------------

function fail(message) {
  process.stderr.write(`peer-agreement: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { write: false };
  for (const a of argv) {
    if (a === '--write') opts.write = true;
    else fail(`unknown argument ${a}; usage: peer-agreement.mjs [--write]`);
  }
  return opts;
}

/** The upstream commit recorded in a fixture README (`- Commit: \`<sha>\``). */
function peerCommit(readme) {
  const m = /Commit: `([0-9a-f]{40})`/.exec(readFileSync(readme, 'utf8'));
  if (!m) fail(`no commit in ${readme}`);
  return m[1];
}

/**
 * Runs the built bin once over `files` (relative to `cwd`) and returns file → diagnostics. A file
 * the bin crashes on (exit 4, "crashed on FILE") is recorded and the run repeated without it.
 */
function lint(cwd, files) {
  const byFile = new Map();
  const crashed = new Map();
  let rest = [...new Set(files)].sort();
  while (rest.length > 0) {
    const r = spawnSync(process.execPath, [BIN, '--format', 'json', '--no-ignores', ...rest], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status === 0 || r.status === 1) {
      for (const res of JSON.parse(r.stdout).results) byFile.set(res.file, res.diagnostics);
      break;
    }
    const m = /crashed on (\S+?):\s*(.*)/.exec(r.stderr ?? '');
    const file = m && rest.find((f) => f === m[1]);
    if (r.status !== 4 || !file) fail(`slsa-lint exited with ${r.status} in ${cwd}: ${r.stderr || r.error}`);
    crashed.set(file, r.stderr.split('\n')[0].replace(/^slsa-lint: /, ''));
    rest = rest.filter((f) => f !== file);
  }
  for (const f of files) if (!byFile.has(f) && !crashed.has(f)) byFile.set(f, []);
  return { byFile, crashed };
}

const sortNum = (a, b) => a - b;
const uniqSorted = (xs) => [...new Set(xs)].sort(sortNum);
const fmtLines = (xs) => (xs.length === 0 ? '—' : xs.join(', '));
const cell = (s) => String(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

// ---------------------------------------------------------------------------------------------
// zizmor

const PERSONA_ARGS = { '--pedantic': 'pedantic', '--persona=pedantic': 'pedantic', '--persona=auditor': 'auditor', '--persona=regular': 'regular' };

const ONLINE = 'needs the GitHub API (online mode)';

/** Why a zizmor case cannot be compared offline with slsa-lint, or undefined when it can. */
function zizmorSkip(c) {
  if (c.uses_workspace_diff) return 'builds a temp workspace or diffs an auto-fix (`uses_workspace_diff`)';
  if (c.offline === 'NetworkMode::AssertOnline') return ONLINE;
  if (c.expects_failure) return 'expects a zizmor.yml configuration error';
  if (c.config) return 'runs with a zizmor.yml policy (no slsa-lint equivalent)';
  const other = c.args.filter((a) => !(a in PERSONA_ARGS));
  if (other.length > 0) return `zizmor flags ${other.join(' ')}`;
  if (c.inputs.length !== 1) return 'several inputs';
  if (/(^|\/)action\.ya?ml$/.test(c.inputs[0])) return 'composite action (`action.yml`): slsa-lint lints workflows only';
  return undefined;
}

/** Lines of the findings of `audit` in zizmor's plain output (`LEVEL[ID]: TITLE` / `  --> @@INPUT@@:L:C`). */
function zizmorLines(expected, audit) {
  const lines = [];
  for (const m of expected.matchAll(/^(?:error|warning|help|info|note)\[([a-z0-9-]+)\]: .*\n\s*--> (\S+?):(\d+):(\d+)/gm)) {
    if (m[1] === audit && m[2] === '@@INPUT@@') lines.push(Number(m[3]));
  }
  return uniqSorted(lines);
}

/** Lines with a `# zizmor: ignore[…audit…]` comment: zizmor drops its findings there, so we drop ours. */
function zizmorIgnoredLines(text, audit) {
  const out = new Set();
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /#\s*zizmor:\s*ignore\[([^\]]*)\]/.exec(line);
    if (m && m[1].split(',').map((s) => s.trim()).includes(audit)) out.add(i + 1);
  });
  return out;
}

/**
 * The line ranges of the steps of a workflow (`jobs.<id>.steps[i]`), to tell a finding anchored on
 * another line of the same step (zizmor points at a step's `uses:`, slsa-lint often at the input
 * or secret that causes it) from one about a different step.
 */
function stepRanges(text) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const jobs = isMap(doc.contents) ? doc.contents.get('jobs') : undefined;
  const ranges = [];
  if (!isMap(jobs)) return ranges;
  for (const pair of jobs.items) {
    const steps = isMap(pair.value) ? pair.value.get('steps') : undefined;
    if (!isSeq(steps)) continue;
    steps.items.forEach((step, i) => {
      if (!step?.range) return;
      const start = lineCounter.linePos(step.range[0]).line;
      const end = lineCounter.linePos(Math.max(step.range[0], step.range[1] - 1)).line;
      ranges.push({ start, end, id: `${String(pair.key)}.steps[${i}]` });
    });
  }
  return ranges;
}

/**
 * The line ranges of the jobs of a workflow, from the job's key to its last line: actionlint
 * anchors a `[job-needs]` error on the job's key, slsa-lint on the `needs:` entry at fault.
 */
function jobRanges(text) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const jobs = isMap(doc.contents) ? doc.contents.get('jobs') : undefined;
  if (!isMap(jobs)) return [];
  return jobs.items.flatMap((pair) => {
    const end = pair.value?.range?.[1] ?? pair.key?.range?.[1];
    if (!pair.key?.range || end === undefined) return [];
    return [{ start: lineCounter.linePos(pair.key.range[0]).line, end: lineCounter.linePos(Math.max(pair.key.range[0], end - 1)).line }];
  });
}

/** A line's anchor: the step that contains it, else the line itself. */
const anchorOf = (ranges, line) => ranges.find((r) => r.start <= line && line <= r.end)?.id ?? `line ${line}`;

function zizmorSection() {
  const cases = [];
  for (const [file, audit] of ZIZMOR_AUDITS) {
    const p = path.join(ZIZMOR, 'expected-inline', 'audit', `${file}.json`);
    if (!existsSync(p)) fail(`missing ${p}`);
    for (const c of JSON.parse(readFileSync(p, 'utf8'))) {
      const persona = c.args.map((a) => PERSONA_ARGS[a]).find(Boolean) ?? 'regular';
      const key = `zizmor ${file}#${c.test}${c.args.length ? ' ' + c.args.join(' ') : ''}`;
      cases.push({ key, file, audit, test: c.test, persona, inputs: c.inputs, input: c.inputs[0], skip: zizmorSkip(c), peer: zizmorLines(c.expected, audit) });
    }
  }
  // Online-only cases are not counted, but their recorded results are shown beside ours for information.
  const informational = (c) => c.skip === ONLINE && c.inputs.length === 1 && !/(^|\/)action\.ya?ml$/.test(c.input);
  const inputs = cases.filter((c) => !c.skip || informational(c)).map((c) => c.input);
  const { byFile, crashed } = lint(ZIZMOR_DATA, inputs);
  for (const c of cases) {
    if (c.skip) {
      if (informational(c) && byFile.has(c.input)) c.info = uniqSorted(byFile.get(c.input).filter((d) => d.ruleId === c.audit).map((d) => d.line));
      continue;
    }
    if (crashed.has(c.input)) {
      c.crash = crashed.get(c.input);
      c.ours = [];
      continue;
    }
    const ignored = zizmorIgnoredLines(readFileSync(path.join(ZIZMOR_DATA, c.input), 'utf8'), c.audit);
    c.ours = uniqSorted(byFile.get(c.input).filter((d) => d.ruleId === c.audit && !ignored.has(d.line)).map((d) => d.line));
    c.ignored = [...ignored].sort(sortNum);
    const sameSet = (x, y) => x.length === y.length && x.every((v, i) => v === y[i]);
    const ranges = stepRanges(readFileSync(path.join(ZIZMOR_DATA, c.input), 'utf8'));
    const steps = (lines) => [...new Set(lines.map((l) => anchorOf(ranges, l)))].sort();
    const [peerSteps, ourSteps] = [steps(c.peer), steps(c.ours)];
    if (sameSet(c.peer, c.ours)) c.verdict = 'agreed';
    else if (sameSet(peerSteps, ourSteps)) c.verdict = 'same-steps';
    else if (peerSteps.some((a) => ourSteps.includes(a))) c.verdict = 'partial';
    else c.verdict = 'differed';
  }
  return { cases, crashed };
}

// ---------------------------------------------------------------------------------------------
// actionlint

/** Expected errors of one `.out` file: `test.yaml:L:C: MESSAGE [kind]`, or a `/regex/` of that. */
function actionlintExpected(outText) {
  const errors = [];
  for (const raw of outText.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    const isRegex = raw.startsWith('/') && raw.endsWith('/');
    const text = isRegex ? raw.slice(1, -1) : raw;
    const m = /^test\\?\.yaml:(\d+):(\d+): (.*?)(?: \\?\[([a-z-]+)\\?\])?$/.exec(text);
    if (!m) {
      // A bare regex such as `/{string => string}/` names no location: it cannot be matched by line.
      if (!isRegex) fail(`cannot parse actionlint expectation: ${raw}`);
      errors.push({ line: undefined, column: undefined, message: text, kind: undefined });
      continue;
    }
    const message = isRegex ? m[3].replace(/\\(.)/g, '$1') : m[3];
    // A regex may leave the kind out; the only such `property … is not defined` error is `[expression]`.
    const kind = m[4] ?? (/^property "[^"]*" is not defined in object type/.test(message) ? 'expression' : undefined);
    errors.push({ line: Number(m[1]), column: Number(m[2]), message, kind });
  }
  return errors;
}

function actionlintSection() {
  const files = [];
  for (const dir of ['err', 'examples']) {
    for (const f of readdirSync(path.join(ACTIONLINT_DATA, dir)).sort()) {
      if (!/\.ya?ml$/.test(f)) continue;
      const out = path.join(ACTIONLINT_DATA, dir, f.replace(/\.ya?ml$/, '.out'));
      if (!existsSync(out)) continue;
      files.push({ file: `${dir}/${f}`, expected: actionlintExpected(readFileSync(out, 'utf8')) });
    }
  }
  const { byFile, crashed } = lint(ACTIONLINT_DATA, files.map((f) => f.file));
  const errors = [];
  for (const { file, expected } of files) {
    const ours = byFile.get(file) ?? [];
    for (const e of expected) {
      const cls = ACTIONLINT_CLASSES.find((c) => c.match(e.kind, e.message));
      if (!cls) continue;
      // `[job-needs]`: the finding or one of its related locations (the other needs of a cycle) in
      // the job whose key actionlint points at; otherwise the same line.
      const job = cls.id === 'job-needs' ? jobRanges(readFileSync(path.join(ACTIONLINT_DATA, file), 'utf8')).find((r) => r.start === e.line) : undefined;
      const inJob = (d) => [d, ...(d.related ?? [])].some((at) => job.start <= at.line && at.line <= job.end);
      const onLine = ours.filter((d) => (job ? inJob(d) : d.line === e.line));
      const entry = { ...e, file, cls: cls.id, key: `actionlint ${file}:${e.line}`, fileKey: `actionlint ${file}`, onLine };
      if (crashed.has(file)) entry.crash = crashed.get(file);
      else if (cls.rules.length === 0) entry.skip = 'no slsa-lint rule for this check';
      else entry.verdict = onLine.some((d) => cls.rules.includes(d.ruleId)) ? 'agreed' : 'differed';
      errors.push(entry);
    }
  }
  const oursOnly = [];
  for (const { rule, classes } of OURS_ONLY_RULES) {
    for (const { file, expected } of files) {
      const covered = new Set(
        expected.filter((e) => classes.includes(ACTIONLINT_CLASSES.find((c) => c.match(e.kind, e.message))?.id)).map((e) => e.line),
      );
      for (const d of byFile.get(file) ?? []) {
        if (d.ruleId !== rule || covered.has(d.line)) continue;
        const peerOnLine = expected.filter((e) => e.line === d.line);
        oursOnly.push({ rule, file, d, peerOnLine, key: `actionlint-ours ${file}:${d.line}`, fileKey: `actionlint-ours ${file}` });
      }
    }
  }
  return { files, errors, oursOnly, crashed };
}

// ---------------------------------------------------------------------------------------------
// report

function render(z, a, commits) {
  const used = new Set();
  const why = (...keys) => {
    for (const k of keys) {
      if (k in WHY) {
        used.add(k);
        return WHY[k];
      }
    }
    return 'not investigated';
  };

  const L = [
    '# slsa-lint agreement with zizmor and actionlint test suites',
    '',
    '<!-- Generated by tools/scripts/peer-agreement.mjs (npm run report:peers). Do not edit by hand. -->',
    '',
    'How it was produced: `npm run report:peers` builds the `slsa-lint` bin and runs',
    '`node tools/scripts/peer-agreement.mjs --write`, which runs',
    '`node apps/cli/bin/slsa-lint.js --format json --no-ignores FILE…` (offline, default configuration)',
    "over the peers' test inputs and compares line numbers with the peers' recorded expected results.",
    'The peers themselves are not run. `e2e/src/peer-agreement.test.ts` fails when this file is stale.',
    '',
    'Peer test corpora (data copied into `../shared/fixtures`):',
    '',
    `- zizmor \`${commits.zizmor}\` (zizmorcore/zizmor): \`crates/zizmor/tests/integration\` inline snapshots, extracted to \`expected-inline/audit/<audit>.json\`, inputs in \`test-data/\`.`,
    `- actionlint \`${commits.actionlint}\` (rhysd/actionlint): \`testdata/err/*.yaml\` and \`testdata/examples/*.yaml\` with their \`.out\` expected errors.`,
    '',
    'Method:',
    '',
    "- **zizmor**: one row per overlapping audit and persona. A case is one test of `<audit>.json`; the peer's lines",
    "  are the lines (`--> @@INPUT@@:LINE:COL`) of the case's findings of that audit id, ours the lines of slsa-lint",
    '  findings (any severity) of the rule with the same id on the same file. *agreed* = same set of lines;',
    '  *same steps* = different lines but the same set of steps (zizmor anchors a finding on the step\'s `uses:`,',
    '  slsa-lint often on the input, flag or secret that causes it; a line outside any step stands for itself);',
    '  *partial* = the sets share a step or line but differ; *differed* = nothing in common (including one side empty).',
    "  slsa-lint has no persona: cases run with `--pedantic`/`--persona=pedantic`/`--persona=auditor` include zizmor's",
    '  extra low-confidence findings and are counted in separate rows. slsa-lint findings on a line with a',
    "  `# zizmor: ignore[<audit>]` comment are dropped, as zizmor drops its own.",
    "- **actionlint**: one row per class of expected error (its `[kind]`; `[expression]` is split by wording, since it",
    '  carries both the type checker and the "potentially untrusted" script-injection check). A case is one expected',
    '  error; it is *agreed* when slsa-lint reports a finding of a mapped rule on the same line (for `[job-needs]`,',
    "  which actionlint anchors on a job's key: a finding or one of its related locations inside that job). Classes",
    '  without a slsa-lint rule are counted as skipped (not covered). Other kinds (`syntax-check`, `events`, `glob`,',
    '  `matrix`, `runner-label`, `credentials`, …) are out of scope.',
    '',
    '## Summary',
    '',
    '| peer | slsa-lint rule | peer check | cases | agreed | same steps | partial | differed | skipped |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|',
  ];

  const zRows = [];
  for (const [, audit] of ZIZMOR_AUDITS) {
    for (const group of ['regular', 'pedantic/auditor']) {
      const cs = z.cases.filter((c) => c.audit === audit && (group === 'regular' ? c.persona === 'regular' : c.persona !== 'regular'));
      if (cs.length === 0) continue;
      zRows.push({ audit, group, cs });
      const n = (v) => cs.filter((c) => !c.skip && (v === 'crash' ? c.crash : c.verdict === v && !c.crash)).length;
      const compared = cs.filter((c) => !c.skip).length;
      const crashes = n('crash');
      L.push(
        `| zizmor | \`${audit}\` | \`${audit}\` (${group}) | ${compared} | ${n('agreed')} | ${n('same-steps')} | ${n('partial')} | ${n('differed') + crashes}${crashes ? ` (${crashes} crash)` : ''} | ${cs.length - compared} |`,
      );
    }
  }
  for (const cls of ACTIONLINT_CLASSES) {
    const es = a.errors.filter((e) => e.cls === cls.id);
    const skipped = es.filter((e) => e.skip).length;
    const crashes = es.filter((e) => e.crash).length;
    const n = (v) => es.filter((e) => e.verdict === v).length;
    const rules = cls.rules.length ? cls.rules.map((r) => `\`${r}\``).join(' / ') : '— (none)';
    L.push(`| actionlint | ${rules} | ${cls.label} | ${es.length - skipped} | ${n('agreed')} | — | — | ${n('differed') + crashes}${crashes ? ` (${crashes} crash)` : ''} | ${skipped} |`);
  }
  L.push('');

  const zSkips = new Map();
  for (const c of z.cases) if (c.skip) zSkips.set(c.skip, (zSkips.get(c.skip) ?? 0) + 1);
  const totalZ = z.cases.length;
  L.push(
    `zizmor: ${totalZ} cases in the ${ZIZMOR_AUDITS.length} audit files, ${totalZ - [...zSkips.values()].reduce((x, y) => x + y, 0)} compared; skipped:`,
    '',
  );
  for (const [reason, count] of [...zSkips].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))) L.push(`- ${count}: ${reason}`);
  L.push('');
  const skippedAl = a.errors.filter((e) => e.skip).length;
  const inScope = a.errors.length;
  const totalAl = a.files.reduce((s, f) => s + f.expected.length, 0);
  const unlocated = a.files.reduce((s, f) => s + f.expected.filter((e) => e.line === undefined).length, 0);
  L.push(
    `actionlint: ${a.files.length} files with ${totalAl} expected errors (${unlocated} without a location, a bare \`/regex/\`); ${inScope} in the classes above, ${inScope - skippedAl} compared, ${skippedAl} not covered by any slsa-lint rule.`,
    '',
  );

  const crashes = [...[...z.crashed].map(([f, m]) => ['zizmor', f, m]), ...[...a.crashed].map(([f, m]) => ['actionlint', f, m])];
  if (crashes.length > 0) {
    L.push('### slsa-lint crashes', '', 'The bin exited 4 on these inputs (the script then lints the other files without them); their cases count as differed.', '');
    for (const [peer, f, m] of crashes) {
      const n = peer === 'zizmor' ? z.cases.filter((c) => c.crash && c.input === f).length : a.errors.filter((e) => e.crash && e.file === f).length;
      L.push(`- ${peer} \`${f}\` (${n} case${n === 1 ? '' : 's'} in the rows above): ${cell(m)} — why: ${why(`crash ${peer} ${f}`)}`);
    }
    L.push('');
  }

  L.push('## zizmor: differing cases', '');
  for (const { audit, group, cs } of zRows) {
    const diff = cs.filter((c) => !c.skip && c.verdict !== 'agreed');
    if (diff.length === 0) continue;
    L.push(`### \`${audit}\` (${group})`, '', '| case | input | zizmor lines | slsa-lint lines | why |', '|---|---|---|---|---|');
    for (const c of diff) {
      const testCell = `\`${c.test}\`${c.persona !== 'regular' ? ` (${c.persona})` : ''}${c.verdict === 'differed' ? '' : ` — ${c.verdict.replace('-', ' ')}`}`;
      const ours = c.crash ? 'crash' : fmtLines(c.ours);
      L.push(`| ${testCell} | \`${c.input}\` | ${fmtLines(c.peer)} | ${ours} | ${cell(why(c.key))} |`);
    }
    L.push('');
  }

  const info = z.cases.filter((c) => c.info);
  if (info.length > 0) {
    L.push(
      '### Online-only zizmor cases, for information (not counted above)',
      '',
      "zizmor needs the GitHub API for these; slsa-lint's rule of the same id runs offline (for",
      '`ref-version-mismatch`, against its embedded pin database), so the two are not comparable case for case.',
      '',
      '| case | input | zizmor lines (online) | slsa-lint lines (offline) |',
      '|---|---|---|---|',
    );
    for (const c of info) L.push(`| \`${c.test}\`${c.persona !== 'regular' ? ` (${c.persona})` : ''} | \`${c.input}\` | ${fmtLines(c.peer)} | ${fmtLines(c.info)} |`);
    L.push('');
  }

  L.push('## actionlint: differing cases', '');
  for (const cls of ACTIONLINT_CLASSES) {
    if (cls.rules.length === 0) continue;
    const diff = a.errors.filter((e) => e.cls === cls.id && e.verdict !== 'agreed');
    if (diff.length === 0) continue;
    L.push(
      `### ${cls.label} → ${cls.rules.map((r) => `\`${r}\``).join(' / ')}`,
      '',
      '| file:line:col | actionlint message | slsa-lint on that line | why |',
      '|---|---|---|---|',
    );
    for (const e of diff) {
      const ours = e.crash ? 'crash' : e.onLine.length === 0 ? '—' : uniqStr(e.onLine.map((d) => d.ruleId)).map((r) => `\`${r}\``).join(', ');
      L.push(`| \`${e.file}:${e.line}:${e.column}\` | ${cell(short(e.message))} | ${ours} | ${cell(why(e.key, e.fileKey + ' ' + cls.id, e.fileKey))} |`);
    }
    L.push('');
  }

  L.push(
    '## actionlint: slsa-lint findings with no actionlint counterpart',
    '',
    'Findings of `template-injection` on a line where actionlint expects no "potentially untrusted" error, and of',
    '`expression` on a line where it expects no `[expression]` or `[job-needs]` error (`.out` files list every error',
    'actionlint reports, so these are findings actionlint does not make).',
    '',
  );
  for (const { rule } of OURS_ONLY_RULES) {
    const rows = a.oursOnly.filter((o) => o.rule === rule);
    L.push(`### \`${rule}\` (${rows.length})`, '');
    if (rows.length === 0) {
      L.push('None.', '');
      continue;
    }
    L.push('| file:line:col | slsa-lint message | actionlint on that line | why |', '|---|---|---|---|');
    for (const o of rows) {
      const peer = o.peerOnLine.length === 0 ? '—' : uniqStr(o.peerOnLine.map((e) => `\`[${e.kind}]\``)).join(', ');
      L.push(`| \`${o.file}:${o.d.line}:${o.d.column}\` | ${cell(short(o.d.message))} | ${peer} | ${cell(why(o.key, o.fileKey))} |`);
    }
    L.push('');
  }

  const stale = Object.keys(WHY).filter((k) => !used.has(k));
  if (stale.length > 0) {
    L.push('## Stale notes', '', 'These WHY keys match no differing case any more (the case now agrees or was renamed); review and remove them:', '');
    for (const k of stale.sort()) L.push(`- \`${k}\``);
    L.push('');
  }
  return L.join('\n');
}

function uniqStr(xs) {
  return [...new Set(xs)];
}

function short(s) {
  return s.length > 110 ? `${s.slice(0, 107)}…` : s;
}

/** A minimal line diff (LCS): the removed (-, old line number) and added (+, new line number) lines. */
function diffLines(oldText, newText) {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  const n = a.length;
  const m = b.length;
  const dp = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < n && (j === m || dp[i + 1][j] >= dp[i][j + 1])) {
      out.push(`- ${String(i + 1).padStart(4)}: ${a[i++]}`);
    } else {
      out.push(`+ ${String(j + 1).padStart(4)}: ${b[j++]}`);
    }
  }
  return out.join('\n');
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(BIN) || !existsSync(path.join(repoRoot, 'apps', 'cli', 'dist'))) fail('the CLI is not built: run `npx nx run cli:bundle`');
  if (!existsSync(ZIZMOR_DATA) || !existsSync(ACTIONLINT_DATA)) fail(`the peer fixtures are missing under ${FIXTURES}`);
  const commits = { zizmor: peerCommit(path.join(ZIZMOR, 'README.md')), actionlint: peerCommit(path.join(ACTIONLINT, 'README.md')) };
  const report = render(zizmorSection(), actionlintSection(), commits) + '\n';
  process.stdout.write(report);
  const rel = path.relative(repoRoot, REPORT);
  if (opts.write) {
    writeFileSync(REPORT, report);
    process.stdout.write(`\nwrote ${rel}\n`);
    return;
  }
  const current = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '';
  if (current === report) {
    process.stdout.write(`\n${rel} is current\n`);
    return;
  }
  process.stdout.write(`\n${rel} is stale (run \`npm run report:peers\`); - checked in, + fresh:\n${diffLines(current, report)}\n`);
  process.exit(1);
}

main();
