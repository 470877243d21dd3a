#!/usr/bin/env node
// `npm run demo`: the main job on an embedded example, as a user would see it —
//  1. `slsa-init --yes` on the example Python project (copied to a temp dir): detection, the
//     workflow it writes, the next steps;
//  2. `slsa-lint` on the result (every rule, offline);
//  3. `slsa-verify` on real signed provenance of the same generator, offline, against the
//     embedded Sigstore trust root.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const demo = path.join(root, 'tools', 'demo');

function heading(text) {
  console.log(`\n=== ${text}\n`);
}

function run(bin, args, cwd) {
  console.log(`$ ${[bin, ...args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a))].join(' ')}`);
  const r = spawnSync(process.execPath, [path.join(root, 'apps', 'cli', 'bin', `${bin}.js`), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  console.log(`(exit ${r.status})`);
  return r.status;
}

const project = path.join(mkdtempSync(path.join(tmpdir(), 'slsa-kit-demo-')), 'hello-slsa');
try {
  cpSync(path.join(demo, 'example-python'), project, { recursive: true });
  mkdirSync(path.join(project, '.git'));
  writeFileSync(path.join(project, '.git', 'config'), '[remote "origin"]\n\turl = https://github.com/acme/hello-slsa.git\n');
  writeFileSync(path.join(project, '.git', 'HEAD'), 'ref: refs/heads/main\n');

  heading(`1. slsa-init in a copy of the example Python project (${path.relative(root, path.join(demo, 'example-python'))})`);
  const initStatus = run('slsa-init', ['--yes'], project);
  const workflow = path.join(project, '.github', 'workflows', 'release.yml');
  console.log('\n$ cat .github/workflows/release.yml');
  process.stdout.write(readFileSync(workflow, 'utf8'));

  heading('2. slsa-lint on the workflow slsa-init wrote');
  const lintStatus = run('slsa-lint', [], project);

  heading('3. slsa-verify: real provenance from slsa-github-generator v2.1.0, offline');
  const verifyStatus = run(
    'slsa-verify',
    [
      'verify-artifact',
      '--artifact-digest',
      'sha256:376e7e01348585b6e6643bc6663146b9d525d9b41228bf180eaeb4d4a3706caa',
      '--provenance-path',
      path.relative(process.cwd(), path.join(demo, 'binary-linux-amd64-push-v13.0.30.intoto.jsonl')),
      '--source-uri',
      'github.com/slsa-framework/example-package',
      '--source-tag',
      'v13.0.30',
    ],
    process.cwd(),
  );
  process.exitCode = initStatus === 0 && lintStatus === 0 && verifyStatus === 0 ? 0 : 1;
} finally {
  rmSync(path.dirname(project), { recursive: true, force: true });
}
