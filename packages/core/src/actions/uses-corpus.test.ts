import { describe, expect, it } from 'vitest';
import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Span } from '../diagnostic.js';
import { readCorpus, type CorpusName } from '../testing/index.js';
import { parseYaml } from '../yaml/parse.js';
import { parseActionRef, type ActionRef } from './action-ref.js';
import { findKnownAction, suggestKnownAction } from './known-actions.js';
import { valueOffset } from './value-offset.js';
import { readVersionComment } from './version-comment.js';

interface Uses {
  readonly file: string;
  readonly text: string;
  readonly value: string;
  readonly span: Span;
  /** The `with:` keys beside `uses:`, for checking the known-input table. */
  readonly withKeys: readonly string[];
}

/** Every `uses:` scalar in a document, found by walking it (aliases are not followed). */
function collectUses(file: string, bytes: Uint8Array): Uses[] {
  const parsed = parseYaml(bytes, file);
  const text = parsed.source.text;
  const out: Uses[] = [];
  const stack: unknown[] = [parsed.document?.contents];
  while (stack.length > 0) {
    const node = stack.pop() as Node | null | undefined;
    if (!node || isAlias(node)) continue;
    if (isSeq(node)) stack.push(...node.items);
    if (!isMap(node)) continue;
    const pairs = node.items.filter(isPair);
    const withNode = pairs.find((p) => isScalar(p.key) && p.key.value === 'with')?.value;
    const withKeys = isMap(withNode) ? withNode.items.filter(isPair).map((p) => String((p.key as { value: unknown }).value)) : [];
    for (const pair of pairs) {
      const { key, value } = pair;
      if (isScalar(key) && key.value === 'uses' && isScalar(value) && typeof value.value === 'string' && value.range) {
        out.push({ file, text, value: value.value, span: { start: value.range[0], end: value.range[1] }, withKeys });
      } else stack.push(value);
    }
  }
  return out;
}

interface Tally {
  uses: number;
  repository: number;
  local: number;
  docker: number;
  invalid: number;
  expressions: number;
  located: number;
  versionComments: number;
  refKinds: Record<string, number>;
  unknownInputs: string[];
  suggestions: string[];
}

async function tally(corpora: readonly CorpusName[]): Promise<Tally> {
  const t: Tally = { uses: 0, repository: 0, local: 0, docker: 0, invalid: 0, expressions: 0, located: 0, versionComments: 0, refKinds: {}, unknownInputs: [], suggestions: [] };
  for (const corpus of corpora) {
    for (const f of await readCorpus(corpus)) {
      for (const u of collectUses(`${corpus}/${f.name}`, f.bytes)) {
        t.uses++;
        const offset = valueOffset(u.text, u.span, u.value);
        if (offset !== undefined) t.located++;
        // A throw fails the test with the file named, which is the "never throws" check.
        const ref: ActionRef = parseActionRef(u.value, offset ?? u.span.start);
        if (u.value.includes('${{')) t.expressions++;
        else expect(ref.kind, `${u.file}: ${u.value}`).not.toBe('invalid');
        t[ref.kind]++;
        if (ref.kind === 'repository') {
          const r = ref;
          t.refKinds[r.refKind] = (t.refKinds[r.refKind] ?? 0) + 1;
          if (offset !== undefined) expect(u.text.slice(r.spans.ref.start, r.spans.ref.end)).toBe(r.ref);
          if (readVersionComment(u.text, u.span.end)) t.versionComments++;
          const known = findKnownAction(r.name);
          for (const k of known ? u.withKeys : []) if (!known!.inputs.has(k.toLowerCase())) t.unknownInputs.push(`${r.name}: ${k}`);
          const hint = suggestKnownAction(r.name);
          if (hint) t.suggestions.push(`${r.name} → ${hint.action.name}`);
        }
      }
    }
  }
  return t;
}

describe('uses: values in the fixture corpora', () => {
  it('real-world release workflows and actionlint ok/ parse without invalid refs', async () => {
    const t = await tally(['real-world', 'actionlint-ok']);
    expect(t).toEqual({
      uses: 292,
      repository: 273,
      local: 9,
      docker: 9,
      invalid: 1, // `${{ 'oooops' }}`, which actionlint accepts and GitHub rejects
      expressions: 1,
      located: 292,
      versionComments: 209,
      refKinds: { 'full-sha': 216, 'semver-full': 10, 'semver-partial': 30, 'branch-like': 17 },
      unknownInputs: [],
      suggestions: [],
    });
  });

  it('the 1,503 real-world workflows of the actionlint dataset parse, with no false typo hints', async () => {
    const t = await tally(['actionlint-realworld']);
    expect(t).toMatchObject({ uses: 7662, repository: 7218, local: 409, docker: 35, invalid: 0, located: 7662, suggestions: [] });
    expect(t.refKinds).toEqual({ 'semver-full': 639, 'semver-partial': 6019, 'branch-like': 466, 'full-sha': 93, 'short-sha': 1 });
    // Inputs these actions never had: real mistakes in the dataset, which `action-inputs` should report.
    expect([...new Set(t.unknownInputs)].sort()).toEqual([
      'actions/checkout: depth',
      'actions/setup-node: node',
      'actions/setup-python: fetch-depth',
      'softprops/action-gh-release: release_name',
    ]);
  });
});
