import type { Located, ScalarValue, Step } from '@slsa-kit/core';
import { booleanInput, type StepActionVersion } from './step-action-version.js';

/**
 * Actions that restore a GitHub Actions cache, and whether a given step of one does — the
 * knowledge behind `cache-poisoning`. Defaults follow each action's `action.yml` at the majors
 * in use in 2026.
 */

/** Whether a step restores a cache, and the input that turns it on when there is one. */
export interface CacheUse {
  readonly action: string;
  /** The input that enables caching; undefined when the action caches by default. */
  readonly input?: { readonly name: string; readonly value: Located<ScalarValue> };
  /** The input to remove (opt-in caching) or to set (default-on caching) to stop caching. */
  readonly advice: string;
  /** Removing `input` turns caching off and changes nothing else. */
  readonly removable: boolean;
}

type Judge = (step: Step, version: StepActionVersion) => CacheUse | 'off' | undefined;

const truthy = (v: ScalarValue | undefined): boolean | 'runtime' | undefined => {
  if (typeof v === 'string' && v.includes('${{')) return 'runtime';
  return booleanInput(v);
};

/** Caching switched on by a non-empty input (`cache: pip`), off without it. */
const optIn = (input: string, removable: boolean): Judge => (step, a) => {
  const value = step.with.get(input);
  if (!value || value.value === null || value.value === '' || truthy(value.value) === false) return 'off';
  return { action: a.name, input: { name: input, value }, advice: `remove \`${input}:\``, removable };
};

/** Caching on unless `input` is false (or, with `invert`, unless it is true). */
const defaultOn = (input: string | undefined, invert = false): Judge => (step, a) => {
  const value = input ? step.with.get(input) : undefined;
  const on = value === undefined ? undefined : truthy(value.value);
  // An absent input keeps the default (caching on); a run-time value may turn it on.
  const enabled = on === 'runtime' || on === undefined ? true : invert ? !on : on;
  if (!enabled) return 'off';
  const advice = input ? `set \`${input}: ${invert ? 'true' : 'false'}\`` : `do not use ${a.name} in this job`;
  return { action: a.name, ...(value && input ? { input: { name: input, value } } : {}), advice, removable: false };
};

const KNOWN: ReadonlyMap<string, Judge> = new Map<string, Judge>([
  ['actions/cache', defaultOn('lookup-only', true)],
  ['actions/cache/restore', defaultOn('lookup-only', true)],
  ['actions/setup-python', optIn('cache', true)],
  ['actions/setup-java', optIn('cache', true)],
  ['actions/setup-dotnet', optIn('cache', true)],
  // setup-node v5+ also caches npm by default, but only when package.json names a packageManager,
  // which a workflow linter cannot see; only the explicit inputs count here.
  ['actions/setup-node', (s, a) => {
    const explicit = optIn('cache', false)(s, a);
    if (explicit !== 'off') return explicit;
    const pm = s.with.get('package-manager-cache');
    return pm && truthy(pm.value) !== false ? { action: a.name, input: { name: 'package-manager-cache', value: pm }, advice: 'set `package-manager-cache: false`', removable: false } : 'off';
  }],
  // setup-go caches by default since v4.
  ['actions/setup-go', (s, a) => (a.version && a.version.major < 4 ? optIn('cache', false)(s, a) : defaultOn('cache')(s, a))],
  ['ruby/setup-ruby', optIn('bundler-cache', false)],
  // setup-uv's `enable-cache: auto` (the default) stops caching on release and tag events from v10.
  ['astral-sh/setup-uv', (s, a) => {
    const v = s.with.get('enable-cache')?.value;
    if ((v === undefined || v === 'auto') && a.version && a.version.major >= 10) return 'off';
    return defaultOn('enable-cache')(s, a);
  }],
  ['swatinem/rust-cache', defaultOn('lookup-only', true)],
  ['mozilla-actions/sccache-action', defaultOn(undefined)],
  ['pyo3/maturin-action', optIn('sccache', false)],
  ['ramsey/composer-install', defaultOn('ignore-cache', true)],
  ['gradle/actions/setup-gradle', defaultOn('cache-disabled', true)],
  ['jdx/mise-action', defaultOn('cache')],
]);

/** How `step` uses a cache, if it restores one. */
export function cacheUse(step: Step, action: StepActionVersion | undefined): CacheUse | undefined {
  const judge = action ? KNOWN.get(action.name) : undefined;
  const verdict = judge ? judge(step, action!) : undefined;
  return verdict === 'off' ? undefined : verdict;
}
