import { repositorySlug, type Located, type Step } from '@slsa-kit/core';
import { cachedActionRef } from '../action-ref-cache.js';

/** The language a script is written in, for the hint on how to read an environment variable. */
export type Language = 'sh' | 'pwsh' | 'cmd' | 'js';

/** Actions with an input that is code they run (lower-case `owner/repo` → input and its language). */
const SCRIPT_INPUTS: ReadonlyMap<string, { readonly input: string; readonly language: Language }> = new Map([
  ['actions/github-script', { input: 'script', language: 'js' }],
  ['azure/cli', { input: 'inlineScript', language: 'sh' }],
  ['azure/powershell', { input: 'inlineScript', language: 'pwsh' }],
  ['amadevus/pwsh-script', { input: 'script', language: 'pwsh' }],
  ['mikefarah/yq', { input: 'cmd', language: 'sh' }],
  ['addnab/docker-run-action', { input: 'run', language: 'sh' }],
]);

/** Where an expanded value becomes code: a `run:` script or a script input of an action. */
export interface Sink {
  readonly kind: 'run' | 'script';
  readonly value: Located<unknown>;
  readonly language: Language;
}

/** The language of a `run:` script from its `shell:` (bash unless it says otherwise). */
function shellLanguage(step: Step): Language {
  const shell = step.shell?.value.toLowerCase() ?? '';
  if (shell.startsWith('pwsh') || shell.startsWith('powershell')) return 'pwsh';
  if (shell.startsWith('cmd')) return 'cmd';
  return 'sh';
}

/** `owner/repo` of a `uses:` value, lower-cased, or undefined for local and Docker actions. */
function parseSlug(uses: string): string | undefined {
  const ref = cachedActionRef(uses);
  return ref.kind === 'repository' ? repositorySlug(ref).toLowerCase() : undefined;
}

/** The scripts of a step: its `run:`, and the script input of an action known to run one. */
export function stepSinks(step: Step): Sink[] {
  const sinks: Sink[] = [];
  if (step.run) sinks.push({ kind: 'run', value: step.run, language: shellLanguage(step) });
  const slug = step.uses ? parseSlug(step.uses.value) : undefined;
  const script = slug ? SCRIPT_INPUTS.get(slug) : undefined;
  const value = script ? step.with.get(script.input) : undefined;
  if (script && value) sinks.push({ kind: 'script', value, language: script.language });
  return sinks;
}

/** How the sink is named in messages. */
export function sinkName(sink: Sink): string {
  return sink.kind === 'run' ? '`run:` script' : `\`${String(sink.value.route.at(-1))}\` script of this action`;
}

const USAGE: Readonly<Record<Language, (name: string) => string>> = {
  sh: (name) => `"$${name}"`,
  pwsh: (name) => `$env:${name}`,
  cmd: (name) => `%${name}%`,
  js: (name) => `process.env.${name}`,
};

/** How a script in `language` reads environment variable `name`. */
export function envUsage(language: Language, name: string): string {
  return USAGE[language](name);
}

/** A shell-appropriate environment variable name for a reference key, e.g. `PULL_REQUEST_TITLE`. */
export function envName(key: string): string {
  const parts = key.split('.').filter((p, i) => !(i === 0 && p === 'github') && !(i === 1 && p === 'event'));
  return parts.map((p) => (p === '*' ? 'ALL' : p.replace(/[^a-z0-9]+/gi, '_'))).join('_').toUpperCase() || 'VALUE';
}
