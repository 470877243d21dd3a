import { defaultAnswers, findMarker, type Answers, type ProjectFacts } from '@slsa-kit/generator';
import type { AnswerFlags } from './args.js';

const KEYS = ['ecosystem', 'provenance', 'publish', 'trigger'] as const;

/** The answers a workflow slsa-init wrote recorded in its marker line (undefined fields when absent). */
export function recordedAnswers(text: string | undefined): AnswerFlags {
  const fields = text === undefined ? undefined : findMarker(text)?.marker.fields;
  if (!fields) return {};
  const out: Record<string, string> = {};
  for (const key of KEYS) {
    const value = fields.get(key);
    if (value !== undefined) out[key] = value;
  }
  const build = fields.get('build-command');
  const artifacts = fields.get('artifacts');
  if (build !== undefined) out['buildCommand'] = decodeURIComponent(build);
  if (artifacts !== undefined) out['artifacts'] = decodeURIComponent(artifacts);
  return out as AnswerFlags;
}

/**
 * Detected defaults, then what the existing file recorded, then the flags: the later wins. The
 * publish default follows a changed ecosystem (a Node default of npm makes no sense for Python).
 */
export function initialAnswers(facts: ProjectFacts, recorded: AnswerFlags, flags: AnswerFlags): Answers {
  const detected = defaultAnswers(facts);
  const merged = { ...detected, ...recorded, ...flags };
  if (merged.ecosystem !== detected.ecosystem && flags.publish === undefined && recorded.publish === undefined) {
    const publish = defaultAnswers({ ...facts, ecosystems: [merged.ecosystem] }).publish;
    return { ...merged, publish };
  }
  return merged;
}
