import { parse } from 'yaml';
import type { ExistingWorkflow, ProjectSnapshot } from '../facts.js';
import { findMarker } from '../marker.js';
import { isTable } from './parse-data.js';

const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;

/** Text that only a releasing workflow carries: provenance generation or publishing. */
const RELEASE_TEXT = ['slsa-framework/slsa-github-generator', 'pypa/gh-action-pypi-publish', 'npm publish', 'twine upload', 'actions/attest'];

/** The `on:` value of a workflow, or `undefined` when the YAML does not parse to a mapping. */
function triggers(text: string): unknown {
  try {
    // logLevel 'error' still throws on syntax errors but keeps warnings off the console.
    const doc: unknown = parse(text, { logLevel: 'error' });
    return isTable(doc) ? doc['on'] : undefined;
  } catch {
    return undefined;
  }
}

/** Triggered by a published release or by pushing a tag (`on: release`, `on.push.tags`). */
function releaseTrigger(on: unknown): boolean {
  if (on === 'release') return true;
  if (Array.isArray(on)) return on.includes('release');
  if (!isTable(on)) return false;
  const push = on['push'];
  return 'release' in on || (isTable(push) && push['tags'] !== undefined);
}

/** Mentions a release action or command outside a comment. */
function releaseText(text: string): boolean {
  const code = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
  return RELEASE_TEXT.some((needle) => code.includes(needle));
}

/** Classifies one workflow file's text. */
export function describeWorkflow(file: string, text: string): ExistingWorkflow {
  const generatedBySlsaInit = findMarker(text) !== undefined;
  return { file, release: generatedBySlsaInit || releaseTrigger(triggers(text)) || releaseText(text), generatedBySlsaInit };
}

/** Every `.github/workflows/*.yml|yaml` of the snapshot, sorted by path. */
export function detectWorkflows(snapshot: ProjectSnapshot): ExistingWorkflow[] {
  return [...snapshot.files]
    .filter(([file]) => WORKFLOW_FILE.test(file))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, text]) => describeWorkflow(file, text));
}
