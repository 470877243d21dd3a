import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../testing/fixtures.js';
import { subjectMatches } from './digest.js';
import { parseProvenance } from './formats/detect.js';
import { verifySignature } from './signature.js';
import { parseStatement } from './statement.js';
import { loadTrustMaterial } from './trust-root.js';

/**
 * ../shared/fixtures/attestations/expected-results.json: PEP 740 (converted to bundles here),
 * GitHub attestations and conformance bundles, at the signature + identity level the fixture
 * records (`@sigstore/verify` error codes), plus the subject digest.
 */
interface Case {
  file: string;
  case?: string;
  artifact?: string;
  policy: { subjectAlternativeName?: string; extensions?: { issuer?: string } };
  verifierOptions: { tlogThreshold: number };
  subjectSha256?: string;
  result: 'PASS' | 'FAIL';
  errorCode?: string;
}
const root = fixturePath('attestations');
const expected = JSON.parse(readFileSync(path.join(root, 'expected-results.json'), 'utf8')) as { cases: Case[] };
const trust = loadTrustMaterial();

describe('attestations expected results', () => {
  const runnable = expected.cases.filter((c) => !(c.artifact ?? '').startsWith('NOT COPIED'));
  const skipped = expected.cases.filter((c) => (c.artifact ?? '').startsWith('NOT COPIED'));

  it('reports its counts', () => {
    console.log(`attestations replay: ${runnable.length} run, ${skipped.length} skipped (message-signature bundle whose artifact is not shipped)`);
    expect(runnable.length + skipped.length).toBe(expected.cases.length);
  });

  it.each(runnable.map((c) => [c.case ?? c.file, c] as const))('%s', (_label, c) => {
    const doc = parseProvenance(readFileSync(path.join(root, c.file)));
    expect(doc.kind === 'sigstore-bundles' || doc.kind === 'pep740').toBe(true);
    if (doc.kind !== 'sigstore-bundles' && doc.kind !== 'pep740') return;
    const artifact = c.artifact ? readFileSync(path.join(root, c.artifact)) : undefined;
    const outcomes = doc.bundles.map((b) =>
      verifySignature(b, trust, {
        policy: c.policy,
        tlogThreshold: c.verifierOptions.tlogThreshold,
        ...(artifact ? { artifact } : {}),
      }),
    );
    if (c.result === 'PASS') {
      expect(outcomes.every((o) => o.ok)).toBe(true);
      if (c.subjectSha256) {
        for (const o of outcomes) {
          if (!o.ok) continue;
          const st = parseStatement(o.value.payloadType, o.value.payload);
          expect(st.ok && subjectMatches(st.statement.subject, { name: 'a', digests: { sha256: c.subjectSha256 } })).toBe(true);
        }
      }
    } else {
      const failed = outcomes.find((o) => !o.ok);
      expect(failed).toBeDefined();
      if (failed && !failed.ok) expect(failed.sigstoreCode).toBe(c.errorCode);
    }
  });
});
