import type { Job, LocatedMap, NormalJob, ScalarValue, Span, Step, Workflow } from '@slsa-kit/core';
import { actionName } from './release-jobs.js';

/**
 * What `use-trusted-publishing` looks for: a publish to a registry that offers OIDC trusted
 * publishing, authenticated with a long-lived secret the workflow passes in. Only a visible
 * `secrets.*` reference counts as evidence, so a publish that authenticates some other way (an
 * OIDC exchange, a token minted by an earlier step) is never reported.
 */

/** A registry with trusted publishing, and how a workflow switches to it. */
export type Registry = 'PyPI' | 'TestPyPI' | 'npm' | 'crates.io' | 'RubyGems' | 'NuGet';

/** One publish that passes a long-lived secret. */
export interface SecretPublish {
  readonly registry: Registry;
  /** The action or command that publishes (`pypa/gh-action-pypi-publish`, `twine upload`). */
  readonly tool: string;
  /** The input, variable or flag that carries the secret (`password`, `TWINE_PASSWORD`, `--token`). */
  readonly credential: string;
  /** Where the secret is passed: the input's or variable's value, or the flag in the script. */
  readonly credentialSpan: Span;
  /** The publishing `uses:` or command. */
  readonly publishSpan: Span;
  readonly step: Step;
}

// `secrets.X` / `secrets['X']` inside an expression; GITHUB_TOKEN is short-lived and scoped to the run.
const SECRET = /\$\{\{[^}]*\bsecrets\s*(?:\.\s*(?!GITHUB_TOKEN\b)\w|\[\s*['"](?!GITHUB_TOKEN['"]))/i;

/** Whether a scalar passes a repository or organisation secret other than the run's GITHUB_TOKEN. */
export function passesSecret(value: ScalarValue | undefined): boolean {
  return typeof value === 'string' && SECRET.test(value);
}

interface EnvEntry {
  readonly value: ScalarValue;
  readonly span: Span;
}

/** The environment a step sees: its own `env:` over the job's over the workflow's. */
function envLookup(workflow: Workflow, job: NormalJob, step: Step): (name: string) => EnvEntry | undefined {
  const maps: LocatedMap[] = [step.env, job.env, workflow.env];
  return (name) => {
    for (const m of maps) {
      const e = m.get(name);
      if (e) return { value: e.value, span: e.span };
    }
    return undefined;
  };
}

// A command starts a line or follows a shell separator (the same convention as `release-jobs`).
const START = String.raw`(?:^|[;&|(\`]|\$\(|\bthen\b|\bdo\b|\belse\b)[ \t]*(?:sudo[ \t]+)?`;
const CONT = String.raw`(?:[ \t]|[\\\`]\n)+`;

interface CommandSpec {
  readonly tool: string;
  readonly registry: Registry;
  readonly re: RegExp;
  /** Variables the tool reads its credential from. */
  readonly envVars: readonly string[];
  /** Flags that take the credential. */
  readonly flags: readonly string[];
  /** Flags and variables that choose another index; a value naming none of `known` means a registry we know nothing about. */
  readonly indexFlags: readonly string[];
  readonly indexVars: readonly string[];
}

/** A script matching no SPECS command must lack all of these words (keep in sync with SPECS). */
const MAY_PUBLISH = /publish|upload|push/;
const cmd = (s: string): RegExp => new RegExp(`${START}(${s})(?=[ \\t\\n;&|)]|$)`, 'gm');
const SPECS: readonly CommandSpec[] = [
  {
    tool: 'twine upload',
    registry: 'PyPI',
    re: cmd(String.raw`(?:python[\d.]*${CONT}-m${CONT}|uvx${CONT}|pipx${CONT}run${CONT})?twine(?:==[\w.]+)?${CONT}upload`),
    envVars: ['TWINE_PASSWORD'],
    flags: ['-p', '--password'],
    indexFlags: ['--repository-url', '-r', '--repository'],
    indexVars: ['TWINE_REPOSITORY_URL', 'TWINE_REPOSITORY'],
  },
  {
    tool: 'uv publish',
    registry: 'PyPI',
    re: cmd(String.raw`uv${CONT}publish`),
    envVars: ['UV_PUBLISH_TOKEN', 'UV_PUBLISH_PASSWORD'],
    flags: ['--token', '-t', '--password', '-p'],
    indexFlags: ['--publish-url', '--index'],
    indexVars: ['UV_PUBLISH_URL', 'UV_PUBLISH_INDEX'],
  },
  ...(['npm publish', 'pnpm publish', 'yarn npm publish'] as const).map((tool) => ({
    tool,
    registry: 'npm' as const,
    re: cmd(tool.split(' ').join(CONT)),
    envVars: ['NODE_AUTH_TOKEN', 'NPM_TOKEN', 'NPM_AUTH_TOKEN', 'NPM_CONFIG_TOKEN', 'YARN_NPM_AUTH_TOKEN'],
    flags: [],
    indexFlags: ['--registry'],
    indexVars: ['NPM_CONFIG_REGISTRY', 'YARN_NPM_REGISTRY_SERVER'],
  })),
  {
    tool: 'cargo publish',
    registry: 'crates.io',
    re: cmd(String.raw`cargo(?:${CONT}\+\S+)?${CONT}publish`),
    envVars: ['CARGO_REGISTRY_TOKEN'],
    flags: ['--token'],
    indexFlags: ['--registry', '--index'],
    indexVars: [],
  },
  {
    tool: 'gem push',
    registry: 'RubyGems',
    re: cmd(String.raw`gem${CONT}push`),
    envVars: ['GEM_HOST_API_KEY'],
    flags: ['--key', '-k'],
    indexFlags: ['--host'],
    indexVars: ['RUBYGEMS_HOST'],
  },
  {
    tool: 'nuget push',
    registry: 'NuGet',
    re: cmd(String.raw`(?:dotnet${CONT}nuget|nuget(?:\.exe)?)${CONT}push`),
    envVars: [],
    flags: ['--api-key', '-k', '-ApiKey'],
    indexFlags: ['--source', '-s', '-Source'],
    indexVars: [],
  },
];

const KNOWN_INDEX: Readonly<Record<Registry, RegExp>> = {
  PyPI: /^(?:https?:\/\/upload\.pypi\.org\b|pypi$)/i,
  TestPyPI: /^(?:https?:\/\/test\.pypi\.org\b|testpypi$)/i,
  npm: /^https?:\/\/registry\.npmjs\.org\b/i,
  'crates.io': /^crates-io$/i,
  RubyGems: /^https?:\/\/rubygems\.org\b/i,
  NuGet: /^(?:https?:\/\/(?:api\.)?nuget\.org\b|nuget\.org$)/i,
};

/** Which registry an explicit index value names: the default one, TestPyPI, or one we do not know (undefined). */
function registryOf(spec: CommandSpec, value: string): Registry | undefined {
  const v = value.replace(/^['"]|['"]$/g, '');
  if (KNOWN_INDEX[spec.registry].test(v)) return spec.registry;
  if (spec.registry === 'PyPI' && KNOWN_INDEX.TestPyPI.test(v)) return 'TestPyPI';
  return undefined;
}

/** The words of one logical command line (continuations joined), starting after the command. */
function argumentsAfter(script: string, end: number): string[] {
  const line = script.slice(end).replace(/[\\`]\n/g, ' ').split(/\n|&&|\|\||;|\|/)[0] ?? '';
  // `${{ secrets.X }}` is one word to the shell once GitHub substitutes it.
  const joined = line.replace(/\$\{\{[^}]*\}\}/g, (e) => e.replace(/\s+/g, ''));
  return joined.trim().split(/\s+/).filter(Boolean);
}

/** The value of `--flag value` / `--flag=value` among `words`, with the flag as written. */
function flagValue(words: readonly string[], flags: readonly string[]): { flag: string; value: string } | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    for (const f of flags) {
      if (w === f && i + 1 < words.length) return { flag: f, value: words[i + 1]! };
      if (w.startsWith(`${f}=`)) return { flag: f, value: w.slice(f.length + 1) };
    }
  }
  return undefined;
}

/** The first `${{ … }}` after `flag` after offset `from` of `script`, as written. */
function expressionAfter(script: string, from: number, flag: string): string {
  const at = script.indexOf('${{', script.indexOf(flag, from));
  const end = script.indexOf('}}', at);
  return at < 0 || end < 0 ? flag : script.slice(at, end + 2);
}

/** The span of `needle` inside `within` when the file spells it verbatim there, else `within`. */
function locate(text: string, within: Span, needle: string, from = 0): Span {
  const at = text.slice(within.start, within.end).indexOf(needle, from);
  return at < 0 ? within : { start: within.start + at, end: within.start + at + needle.length };
}

/** The secret-carrying publishes of one `run:` step. */
function scriptPublishes(workflow: Workflow, job: NormalJob, step: Step, text: string, npmRegistry: string | undefined): { found: SecretPublish[]; commands: number } {
  const run = step.run;
  if (!run) return { found: [], commands: 0 };
  // Every command in SPECS ends in one of these literal words; most scripts contain none of them,
  // and skipping them avoids the comment blanking and the regex scans (a hot path over big corpora).
  if (!MAY_PUBLISH.test(run.value)) return { found: [], commands: 0 };
  const script = run.value.replace(/(^|\s)#[^\n]*/g, (m, lead: string) => lead + ' '.repeat(m.length - lead.length));
  const env = envLookup(workflow, job, step);
  const found: SecretPublish[] = [];
  let commands = 0;
  for (const spec of SPECS) {
    for (const m of script.matchAll(spec.re)) {
      commands++;
      const command = m[1]!;
      const start = m.index + m[0].length - command.length;
      const words = argumentsAfter(script, start + command.length);
      if (words.includes('--dry-run') || (spec.tool === 'cargo publish' && words.includes('-n'))) continue;
      const index = flagValue(words, spec.indexFlags)?.value ?? spec.indexVars.map((v) => env(v)?.value).find((v) => typeof v === 'string');
      const registry = index === undefined ? spec.registry : registryOf(spec, String(index));
      if (!registry || (spec.registry === 'npm' && npmRegistry !== undefined && !KNOWN_INDEX.npm.test(npmRegistry))) continue;
      const publishSpan = locate(text, run.span, run.value.slice(start, start + command.length));
      const base = { registry, tool: spec.tool, publishSpan, step };
      const flag = flagValue(words, spec.flags);
      if (flag) {
        const variable = /^["']?\$\{?(\w+)\}?["']?$/.exec(flag.value)?.[1];
        const viaEnv = variable ? env(variable) : undefined;
        if (passesSecret(flag.value)) {
          found.push({ ...base, credential: flag.flag, credentialSpan: locate(text, run.span, expressionAfter(script, start, flag.flag)) });
          continue;
        }
        if (viaEnv && passesSecret(viaEnv.value)) {
          found.push({ ...base, credential: variable!, credentialSpan: viaEnv.span });
          continue;
        }
      }
      const variable = spec.envVars.find((v) => passesSecret(env(v)?.value));
      if (variable) found.push({ ...base, credential: variable, credentialSpan: env(variable)!.span });
    }
  }
  return { found, commands };
}

/**
 * Variables that only a publishing tool reads, mapped to its spec. Set from a secret on a step
 * whose command we cannot see (`run: scripts/publish`), they still say how that step publishes.
 * npm's variables are not here: they also authenticate installs from private registries.
 */
const PUBLISH_ONLY_VARS: ReadonlyMap<string, CommandSpec> = new Map(
  SPECS.filter((s) => s.registry !== 'npm').flatMap((s) => s.envVars.map((v) => [v, s] as const)),
);

/** A secret in a publish-only variable of the step's own `env:`, when no command of the step was recognised. */
function opaquePublish(workflow: Workflow, job: NormalJob, step: Step): SecretPublish | undefined {
  const env = envLookup(workflow, job, step);
  for (const [name, entry] of step.env) {
    const spec = PUBLISH_ONLY_VARS.get(name);
    if (!spec || !passesSecret(entry.value)) continue;
    const index = spec.indexVars.map((v) => env(v)?.value).find((v) => typeof v === 'string');
    const registry = index === undefined ? spec.registry : registryOf(spec, String(index));
    if (!registry) continue;
    const publishSpan = (step.run ?? step.uses)?.span ?? step.span;
    return { registry, tool: `a step that sets ${name} (${spec.tool})`, credential: name, credentialSpan: entry.span, publishSpan, step };
  }
  return undefined;
}

/** The secret-carrying publishes of an action step. */
function actionPublish(step: Step): SecretPublish | undefined {
  const name = actionName(step);
  if (!step.uses || !name) return undefined;
  const input = (key: string) => step.with.get(key);
  if (name === 'pypa/gh-action-pypi-publish') {
    const password = input('password');
    if (!password || !passesSecret(password.value)) return undefined;
    const url = input('repository-url') ?? input('repository_url');
    const registry: Registry | undefined =
      url === undefined || url.value === '' ? 'PyPI' : KNOWN_INDEX.TestPyPI.test(String(url.value)) ? 'TestPyPI' : /^https?:\/\/upload\.pypi\.org\b/i.test(String(url.value)) ? 'PyPI' : undefined;
    if (!registry) return undefined;
    return { registry, tool: name, credential: 'password', credentialSpan: password.span, publishSpan: step.uses.span, step };
  }
  if (name === 'rubygems/configure-rubygems-credentials') {
    const token = input('api-token');
    const server = input('gem-server');
    if (!token || !passesSecret(token.value)) return undefined;
    if (server && !KNOWN_INDEX.RubyGems.test(String(server.value))) return undefined;
    return { registry: 'RubyGems', tool: name, credential: 'api-token', credentialSpan: token.span, publishSpan: step.uses.span, step };
  }
  return undefined;
}

/** Every publish of `job` that authenticates with a long-lived secret, in step order. */
export function secretPublishes(workflow: Workflow, job: Job, text: string): SecretPublish[] {
  if (job.kind !== 'normal') return [];
  const found: SecretPublish[] = [];
  let npmRegistry: string | undefined;
  for (const step of job.steps) {
    if (actionName(step) === 'actions/setup-node') {
      const url = step.with.get('registry-url')?.value;
      npmRegistry = typeof url === 'string' && url !== '' ? url : undefined;
    }
    const action = actionPublish(step);
    if (action) found.push(action);
    const script = scriptPublishes(workflow, job, step, text, npmRegistry);
    found.push(...script.found);
    const opaque = action || script.commands > 0 ? undefined : opaquePublish(workflow, job, step);
    if (opaque) found.push(opaque);
  }
  return found;
}
