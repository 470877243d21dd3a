import { describe, expect, it } from 'vitest';
import { yaml } from '../testing/yaml-tag.js';
import { loadWorkflow } from './load-workflow.js';
import { permissionLevel } from './permissions.js';
import type { NormalJob, ReusableJob, Workflow } from './types.js';

function model(text: string): Workflow {
  const loaded = loadWorkflow(text, 'w.yml');
  expect(loaded.diagnostics).toEqual([]);
  expect(loaded.workflow).toBeDefined();
  return loaded.workflow!;
}

const slice = (w: Workflow, span: { start: number; end: number }): string => w.source.slice(span);

describe('triggers', () => {
  it.each([
    ['on: push', ['push']],
    ['on: [push, pull_request]', ['push', 'pull_request']],
    ['on:\n  push:\n    tags: ["v*"]\n  release:\n    types: [published]', ['push', 'release']],
    ['on:\n  workflow_dispatch:', ['workflow_dispatch']],
  ])('normalizes %j', (on, events) => {
    const w = model(`${on}\njobs: {}\n`);
    expect(w.triggers.map((t) => t.event)).toEqual(events);
    for (const t of w.triggers) expect(slice(w, t.span)).toBe(t.event);
  });

  it('keeps the filter node of a map trigger', () => {
    const w = model('on:\n  push:\n    tags: ["v*"]\njobs: {}\n');
    expect(w.triggers[0]!.config?.toJSON()).toEqual({ tags: ['v*'] });
  });
});

describe('permissions', () => {
  it.each([
    ['permissions: read-all', 'contents', 'read'],
    ['permissions: write-all', 'id-token', 'write'],
    ['permissions: {}', 'contents', 'none'],
    ['permissions:\n  id-token: write', 'id-token', 'write'],
    ['permissions:\n  id-token: write', 'contents', 'none'],
    ['permissions: bogus', 'contents', 'invalid'],
    ['', 'contents', 'default'],
  ])('%j grants %s: %s', (block, scope, level) => {
    const w = model(`on: push\n${block}\njobs: {}\n`);
    expect(permissionLevel(w.permissions, scope)).toBe(level);
  });
});

describe('jobs and steps', () => {
  const text = yaml`
    on:
      push:
        tags: ['v*']
    permissions: {}
    env:
      FOO: bar
    jobs:
      build:
        runs-on: ubuntu-latest
        outputs:
          hashes: \${{ steps.hash.outputs.hashes }}
        strategy:
          matrix:
            python: ['3.12', '3.13']
        environment:
          name: pypi
          url: https://pypi.org/p/x
        services:
          redis:
            image: redis:7
        steps:
          - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
            with:
              persist-credentials: false
          - id: hash
            shell: bash
            run: echo "hashes=$(sha256sum dist/* | base64 -w0)" >> "$GITHUB_OUTPUT"
      provenance:
        needs: [build]
        permissions:
          actions: read
          id-token: write
          contents: write
        uses: slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0
        with:
          base64-subjects: \${{ needs.build.outputs.hashes }}
          upload-assets: true
        secrets: inherit
      publish:
        needs: provenance
        runs-on: ubuntu-latest
        steps:
          - run: echo hi
  `;

  it('reads normal and reusable jobs with exact spans', () => {
    const w = model(text);
    expect(w.jobs.map((j) => [j.id, j.kind])).toEqual([
      ['build', 'normal'],
      ['provenance', 'reusable'],
      ['publish', 'normal'],
    ]);
    const build = w.jobsById.get('build') as NormalJob;
    expect(slice(w, build.keySpan)).toBe('build');
    expect(build.outputs.get('hashes')?.value).toBe('${{ steps.hash.outputs.hashes }}');
    expect(slice(w, build.outputs.get('hashes')!.span)).toBe('${{ steps.hash.outputs.hashes }}');
    expect(build.strategy?.matrixKeys).toEqual(['python']);
    expect(build.environment?.name?.value).toBe('pypi');
    expect(build.services.get('redis')?.image?.value).toBe('redis:7');
    expect(build.steps).toHaveLength(2);
    const [checkout, hash] = build.steps;
    expect(slice(w, checkout!.uses!.span)).toBe('actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1');
    expect(checkout!.with.get('persist-credentials')?.value).toBe(false);
    expect(hash!.id?.value).toBe('hash');
    expect(hash!.route).toEqual(['jobs', 'build', 'steps', 1]);
    expect(hash!.run?.value).toContain('base64 -w0');

    const prov = w.jobsById.get('provenance') as ReusableJob;
    expect(prov.needs.map((n) => n.value)).toEqual(['build']);
    expect(slice(w, prov.needs[0]!.span)).toBe('build');
    expect(prov.uses.value).toMatch(/generator_generic_slsa3\.yml@v2\.1\.0$/);
    expect(prov.with.get('upload-assets')?.value).toBe(true);
    expect('value' in prov.secrets && prov.secrets.value).toBe('inherit');
    expect(permissionLevel(prov.permissions, 'id-token')).toBe('write');

    const publish = w.jobsById.get('publish') as NormalJob;
    expect(publish.needs.map((n) => n.value)).toEqual(['provenance']);
    expect(w.env.get('FOO')?.value).toBe('bar');
  });

  it('resolves anchors, aliases and merge keys', () => {
    const w = model(yaml`
      on: push
      jobs:
        a:
          runs-on: &runner ubuntu-latest
          env: &env
            A: "1"
          steps:
            - &co
              uses: actions/checkout@v4
        b:
          runs-on: *runner
          env:
            <<: *env
            B: "2"
          steps:
            - *co
    `);
    const b = w.jobsById.get('b') as NormalJob;
    expect(b.runsOn?.value).toBeDefined();
    expect([...b.env.keys()].sort()).toEqual(['A', 'B']);
    expect(b.steps[0]!.uses?.value).toBe('actions/checkout@v4');
    // The alias's use points at the anchored definition, the only place the text exists.
    expect(slice(w, b.steps[0]!.uses!.span)).toBe('actions/checkout@v4');
  });

  it('survives wrong shapes without throwing', () => {
    for (const t of ['jobs: [1, 2]', 'jobs:\n  a: 3', 'jobs:\n  a:\n    steps: {x: 1}', 'jobs:\n  a:\n    steps: [1, null, "x"]', 'on: {push: [1]}\njobs: null', '[]', '"just a string"']) {
      const loaded = loadWorkflow(t, 'w.yml');
      expect(loaded.diagnostics).toEqual([]);
      expect(loaded.workflow).toBeDefined();
    }
  });

  it('handles CRLF line endings and a BOM', () => {
    const w = model('\uFEFFon: push\r\njobs:\r\n  a:\r\n    runs-on: x\r\n    steps:\r\n      - uses: actions/checkout@v4\r\n');
    const step = (w.jobs[0] as NormalJob).steps[0]!;
    expect(slice(w, step.uses!.span)).toBe('actions/checkout@v4');
    expect(w.source.locate(step.uses!.span)).toEqual({ line: 6, column: 15, endLine: 6, endColumn: 34 });
  });
});
