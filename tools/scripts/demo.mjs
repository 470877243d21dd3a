#!/usr/bin/env node
// `npm run demo`: what @slsa-kit/core reads out of a sample SLSA release workflow — triggers,
// jobs and their `needs`, permissions, every action reference with its pin, the `${{ }}`
// expressions with the contexts they read, and schema findings, each with file:line:column.
// (Later issues turn this into the full init → lint → verify demo.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@slsa-kit/core';

const here = path.dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? path.join(here, '..', 'demo', 'release.yml');
const shown = path.relative(process.cwd(), file) || file;
const bytes = readFileSync(file);

const loaded = core.loadWorkflow(bytes, shown);
const { source, workflow } = loaded;
const at = (span) => {
  const { line, column } = source.locate(span);
  return `${line}:${column}`;
};
for (const d of loaded.diagnostics) console.log(`${shown}:${at(d.span)}: ${d.severity}: ${d.message} [${d.ruleId}]`);
if (!workflow) process.exit(1);

console.log(`Workflow ${workflow.name?.value ?? '(unnamed)'} — ${shown}`);
console.log(`  triggers: ${workflow.triggers.map((t) => t.event).join(', ') || '(none)'}`);
const perms = (p) => (!p ? 'default' : p.kind === 'all' ? `${p.level}-all` : p.kind === 'invalid' ? 'invalid' : p.scopes.size === 0 ? '{}' : [...p.scopes].map(([k, v]) => `${k}: ${v.value}`).join(', '));
console.log(`  permissions: ${perms(workflow.permissions)}`);
console.log(`  jobs:`);
for (const job of workflow.jobs) {
  const needs = job.needs.length ? ` needs [${job.needs.map((n) => n.value).join(', ')}]` : '';
  console.log(`    ${job.id} (${job.kind === 'reusable' ? 'calls a reusable workflow' : `${job.steps.length} steps`}) at ${at(job.keySpan)}${needs}; permissions: ${perms(job.permissions)}`);
  const uses = job.kind === 'reusable' ? [job.uses] : job.steps.flatMap((s) => (s.uses ? [s.uses] : []));
  for (const u of uses) {
    const ref = core.parseActionRef(u.value);
    const comment = core.readVersionComment(source.text, u.span.end);
    const pin =
      ref.kind !== 'repository' ? ref.kind : `${ref.refKind}${ref.refKind === 'full-sha' && comment ? ` (${comment.version})` : ''}`;
    console.log(`      uses ${ref.kind === 'repository' ? `${ref.name}@${ref.ref}` : u.value}  [${pin}] at ${at(u.span)}`);
  }
}
const { expressions, diagnostics: exprDiagnostics } = core.collectExpressions(workflow.document, source.text);
console.log(`  expressions: ${expressions.length}`);
for (const e of expressions) {
  const refs = e.references.map((r) => [r.context, ...r.path].join('.')).join(', ');
  console.log(`    ${at(e.span)}  ${source.slice(e.span)}  → reads ${refs || '(constants only)'}`);
}
const schema = core.validateWorkflowSchema(workflow.document, source);
const findings = [...exprDiagnostics, ...schema];
for (const d of findings) console.log(`  ${shown}:${at(d.span)}: ${d.severity}: ${d.message} [${d.ruleId}]`);
console.log(findings.length === 0 ? '  schema and expressions: no findings' : `  ${findings.length} finding(s)`);
