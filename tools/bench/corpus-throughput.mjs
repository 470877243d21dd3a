// One measured pass over actionlint's 1,503 real-world workflows: parse, model, schema. Prints JSON.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import * as core from '@slsa-kit/core';

// Peak RSS once core is loaded; the corpus pass below adds to it.
const baselineRssKiB = process.resourceUsage().maxRSS;
const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = process.env.SLSA_KIT_FIXTURES ?? path.resolve(here, '..', '..', '..', 'shared', 'fixtures');
const zip = unzipSync(readFileSync(path.join(fixtures, 'actionlint', 'testdata', 'realworld', 'dataset.zip')));
const files = Object.keys(zip).filter((n) => /\.ya?ml$/.test(n)).sort();

let parseMs = 0;
let modelMs = 0;
let schemaMs = 0;
let diagnostics = 0;
let bytes = 0;
const t0 = performance.now();
for (const name of files) {
  const data = zip[name];
  bytes += data.length;
  let t = performance.now();
  const parsed = core.parseYaml(data, name);
  parseMs += performance.now() - t;
  diagnostics += parsed.diagnostics.length;
  if (!parsed.document) continue;
  t = performance.now();
  core.buildWorkflow(parsed.document, parsed.source);
  modelMs += performance.now() - t;
  t = performance.now();
  diagnostics += core.validateWorkflowSchema(parsed.document, parsed.source).length;
  schemaMs += performance.now() - t;
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ files: files.length, bytes, ms, parseMs, modelMs, schemaMs, diagnostics, maxRssKiB: process.resourceUsage().maxRSS, baselineRssKiB }));
