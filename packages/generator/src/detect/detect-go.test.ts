import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../facts.js';
import { detectGo, goName, goPackageName } from './detect-go.js';

function snapshot(files: Record<string, string>): ProjectSnapshot {
  return { dirName: 'dir', files: new Map(Object.entries(files)) };
}

const GO_MOD = '// tool\nmodule github.com/acme/tool // the module\n\ngo 1.22.1\n\ntoolchain go1.23.0\n\nrequire golang.org/x/mod v0.17.0\n';

describe('goPackageName', () => {
  it.each([
    ['package main\n', 'main'],
    ['\uFEFF// Copyright\n\n//go:build linux\n// +build linux\n\n/* block\n package lib */\npackage main // tool\n', 'main'],
    ['/* a */ /* b */package  lib\n', 'lib'],
    ['package main_test\n', 'main_test'],
    ['import "fmt"\npackage main\n', undefined],
    ['/* unterminated package main', undefined],
    ['', undefined],
  ])('%j → %j', (source, expected) => {
    expect(goPackageName(source)).toBe(expected);
  });
});

describe('detectGo', () => {
  it('is undefined without go.mod', () => {
    expect(detectGo(snapshot({ 'main.go': 'package main\n' }))).toBeUndefined();
  });

  it('reads the module, the go directive, main packages and goreleaser', () => {
    const facts = detectGo(
      snapshot({
        'go.mod': GO_MOD,
        'main.go': '//go:build tools\n\npackage main\n',
        'lib.go': 'package tool\n',
        'cmd/zeta/main.go': 'package main\n',
        'cmd/zeta/flags.go': 'package main\n',
        'cmd/alpha/run.go': '// Command alpha.\npackage main\n',
        'internal/x/x.go': 'package x\n',
        'cmd/beta/main_test.go': 'package main\n',
        '.goreleaser.yaml': 'builds: []\n',
      }),
    );
    expect(facts).toEqual({
      module: 'github.com/acme/tool',
      goVersion: '1.22.1',
      mainPackages: ['.', 'cmd/alpha', 'cmd/zeta'],
      goreleaserConfig: '.goreleaser.yaml',
    });
  });

  it.each([
    ['a library', { 'go.mod': 'module "example.com/lib"\n', 'lib.go': 'package lib\n' }, { module: 'example.com/lib', goVersion: undefined, mainPackages: [], goreleaserConfig: undefined }],
    ['.goreleaser.yml first', { 'go.mod': 'module m\ngo 1.21\n', '.goreleaser.yml': '', '.goreleaser.yaml': '' }, { module: 'm', goVersion: '1.21', mainPackages: [], goreleaserConfig: '.goreleaser.yml' }],
    ['a go.mod without a module line', { 'go.mod': 'garbage (\n' }, { module: '', goVersion: undefined, mainPackages: [], goreleaserConfig: undefined }],
  ])('%s', (_name, files, expected) => {
    expect(detectGo(snapshot(files))).toEqual(expected);
  });
});

describe('goName', () => {
  it.each([
    ['module github.com/acme/tool\n', 'tool'],
    ['module example.com/tool/v2\n', 'tool'],
    ['module v2\n', 'v2'],
    ['module single\n', 'single'],
    ['go 1.22\n', undefined],
  ])('%j → %j', (goMod, expected) => {
    expect(goName(snapshot({ 'go.mod': goMod }))).toBe(expected);
  });

  it('is undefined without go.mod', () => {
    expect(goName(snapshot({}))).toBeUndefined();
  });
});
