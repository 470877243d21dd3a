#!/usr/bin/env node
// `npm run demo`: the main job on embedded examples, as a user would see it —
//  1. what the core reads out of a sample SLSA release workflow (jobs, needs, permissions, pins,
//     expressions) — slsa-init will write this workflow once it exists (issue 6);
//  2. `slsa-lint` on that workflow (every rule, offline);
//  3. `slsa-verify` on real signed provenance, offline, against the embedded Sigstore trust root.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@slsa-kit/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const demo = path.join(root, 'tools', 'demo');
const rel = (p) => path.relative(process.cwd(), p) || p;
const workflowPath = path.join(demo, 'release.yml');
const shown = rel(workflowPath);

function heading(text) {
  console.log(`\n=== ${text}\n`);
}

function run(bin, args) {
  console.log(`$ ${bin} ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
  const r = spawnSync(process.execPath, [path.join(root, 'apps', 'cli', 'bin', `${bin}.js`), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  console.log(`(exit ${r.status})`);
  return r.status;
}

heading(`1. The release workflow, as @slsa-kit/core models it — ${shown}`);
const loaded = core.loadWorkflow(readFileSync(workflowPath), shown);
const { source, workflow } = loaded;
if (!workflow) {
  for (const d of loaded.diagnostics) console.log(`${source.where(d.span.start)}: ${d.message}`);
  process.exit(1);
}
const at = (span) => {
  const { line, column } = source.locate(span);
  return `${line}:${column}`;
};
const perms = (p) => (!p ? 'default' : p.kind === 'all' ? `${p.level}-all` : p.kind === 'invalid' ? 'invalid' : p.scopes.size === 0 ? '{}' : [...p.scopes].map(([k, v]) => `${k}: ${v.value}`).join(', '));
console.log(`workflow "${workflow.name?.value ?? '(unnamed)'}", triggered by ${workflow.triggers.map((t) => t.event).join(', ')}; permissions ${perms(workflow.permissions)}`);
for (const job of workflow.jobs) {
  const needs = job.needs.length ? `, needs [${job.needs.map((n) => n.value).join(', ')}]` : '';
  console.log(`  job ${job.id} at ${at(job.keySpan)}${needs}; permissions ${perms(job.permissions)}`);
  const uses = job.kind === 'reusable' ? [job.uses] : job.steps.flatMap((s) => (s.uses ? [s.uses] : []));
  for (const u of uses) {
    const ref = core.parseActionRef(u.value);
    const comment = core.readVersionComment(source.text, u.span.end);
    const pin = ref.kind !== 'repository' ? ref.kind : `${ref.refKind}${ref.refKind === 'full-sha' && comment ? `, ${comment.version}` : ''}`;
    console.log(`    uses ${ref.kind === 'repository' ? `${ref.name}@${ref.ref.slice(0, 12)}${ref.ref.length > 12 ? '…' : ''}` : u.value} (${pin}) at ${at(u.span)}`);
  }
}
for (const e of core.collectExpressions(workflow.document, source.text).expressions) {
  console.log(`  ${at(e.span)} ${source.slice(e.span)} reads ${e.references.map((r) => [r.context, ...r.path].join('.')).join(', ')}`);
}

heading('2. slsa-lint on it');
const lintStatus = run('slsa-lint', [shown]);

heading('3. slsa-verify: real provenance from slsa-github-generator v2.1.0, offline');
const verifyStatus = run('slsa-verify', [
  'verify-artifact',
  '--artifact-digest',
  'sha256:376e7e01348585b6e6643bc6663146b9d525d9b41228bf180eaeb4d4a3706caa',
  '--provenance-path',
  rel(path.join(demo, 'binary-linux-amd64-push-v13.0.30.intoto.jsonl')),
  '--source-uri',
  'github.com/slsa-framework/example-package',
  '--source-tag',
  'v13.0.30',
]);
process.exit(lintStatus === 0 && verifyStatus === 0 ? 0 : 1);
