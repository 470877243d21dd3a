import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { defaultServices } from '../services.js';
import { builtinRules } from './index.js';
import { docsUrl } from './docs-url.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const docsDir = path.resolve(here, '../../docs/rules');

/** The ```yaml blocks under a `## <heading>` of a doc, up to the next `## `. */
function examples(doc: string, heading: string): string[] {
  const start = doc.indexOf(`\n## ${heading}\n`);
  if (start === -1) return [];
  const next = doc.indexOf('\n## ', start + 1);
  const section = doc.slice(start, next === -1 ? undefined : next);
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('every registered rule has its file, test and doc, and the doc examples are true', () => {
  for (const rule of builtinRules) {
    const id = rule.meta.id;
    describe(id, () => {
      const docPath = path.join(docsDir, `${id}.md`);

      it('has a rule file, a test beside it, and a doc at its docs URL', () => {
        expect(existsSync(path.join(here, `${id}.ts`)), `src/rules/${id}.ts`).toBe(true);
        expect(existsSync(path.join(here, `${id}.test.ts`)), `src/rules/${id}.test.ts`).toBe(true);
        expect(existsSync(docPath), `docs/rules/${id}.md`).toBe(true);
        expect(rule.meta.docsUrl).toBe(docsUrl(id));
      });

      const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
      const failing = examples(doc, 'Failing example');
      const passing = examples(doc, 'Passing example');

      it('has at least one failing and one passing example', () => {
        expect(failing.length).toBeGreaterThan(0);
        expect(passing.length).toBeGreaterThan(0);
      });

      // Network rules are judged online against the embedded pin database: a commit it records
      // is reachable, any other is an impostor (tests never touch GitHub).
      const base = defaultServices();
      const options = rule.meta.requiresNetwork
        ? { online: true, services: { reachability: (repo: string, sha: string) => (base.tagForCommit(repo, sha) ? ('reachable' as const) : ('impostor' as const)) } }
        : {};
      it('each failing example produces the finding', () => {
        for (const code of failing) {
          const ids = lintText(code, `${id}.md`, options).diagnostics.map((d) => d.ruleId);
          expect(ids, code).toContain(id);
        }
      });

      it('each passing example produces no finding of this rule, nor a syntax or schema error', () => {
        for (const code of passing) {
          const found = lintText(code, `${id}.md`, options).diagnostics.filter((d) => [id, 'yaml-syntax', 'workflow-schema'].includes(d.ruleId));
          expect(found.map((d) => `${d.line}:${d.column} ${d.ruleId}: ${d.message}`), code).toEqual([]);
        }
      });
    });
  }
});
