import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../facts.js';
import { detectPython, pythonName } from './detect-python.js';

function snapshot(files: Record<string, string>): ProjectSnapshot {
  return { dirName: 'dir', files: new Map(Object.entries(files)) };
}

const HATCH = '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n';

describe('detectPython', () => {
  it('is undefined without a Python build file', () => {
    expect(detectPython(snapshot({ '.python-version': '3.12\n', 'package.json': '{}' }))).toBeUndefined();
  });

  it.each([
    ['pyproject.toml only', { 'pyproject.toml': HATCH }, { buildFiles: ['pyproject.toml'], buildBackend: 'hatchling.build', pythonVersion: undefined }],
    ['all three build files, in order', { 'setup.cfg': '', 'setup.py': '', 'pyproject.toml': '' }, { buildFiles: ['pyproject.toml', 'setup.py', 'setup.cfg'], buildBackend: undefined, pythonVersion: undefined }],
    ['.python-version kept as major.minor', { 'setup.py': '', '.python-version': '3.12\n' }, { buildFiles: ['setup.py'], buildBackend: undefined, pythonVersion: '3.12' }],
    ['.python-version patch dropped', { 'setup.py': '', '.python-version': '  3.12.4  \n3.11\n' }, { buildFiles: ['setup.py'], buildBackend: undefined, pythonVersion: '3.12' }],
    ['.python-version wins over requires-python', { 'pyproject.toml': '[project]\nrequires-python = ">=3.9"\n', '.python-version': '3.13' }, { buildFiles: ['pyproject.toml'], buildBackend: undefined, pythonVersion: '3.13' }],
    ['requires-python >=', { 'pyproject.toml': '[project]\nrequires-python = ">=3.9"\n' }, { buildFiles: ['pyproject.toml'], buildBackend: undefined, pythonVersion: '3.9' }],
    ['requires-python ~=', { 'pyproject.toml': '[project]\nrequires-python = "~=3.10"\n' }, { buildFiles: ['pyproject.toml'], buildBackend: undefined, pythonVersion: '3.10' }],
    ['requires-python with an upper bound', { 'pyproject.toml': '[project]\nrequires-python = ">=3.8,<4"\n' }, { buildFiles: ['pyproject.toml'], buildBackend: undefined, pythonVersion: '3.8' }],
    ['a .python-version that is no version falls back', { 'pyproject.toml': '[project]\nrequires-python = ">=3.10"\n', '.python-version': 'pypy3.10\n' }, { buildFiles: ['pyproject.toml'], buildBackend: undefined, pythonVersion: '3.10' }],
    ['Poetry python dependency', { 'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.11"\n' }, { buildFiles: ['pyproject.toml'], buildBackend: undefined, pythonVersion: '3.11' }],
    ['setup.cfg python_requires', { 'setup.cfg': '[options]\npython_requires = >=3.7\n' }, { buildFiles: ['setup.cfg'], buildBackend: undefined, pythonVersion: '3.7' }],
    ['requires-python without a lower bound', { 'pyproject.toml': '[project]\nrequires-python = "<4"\n' }, { buildFiles: ['pyproject.toml'], buildBackend: undefined, pythonVersion: undefined }],
    ['malformed TOML is no data', { 'pyproject.toml': '[build-system\nbuild-backend = "x"' }, { buildFiles: ['pyproject.toml'], buildBackend: undefined, pythonVersion: undefined }],
    ['a non-string backend is ignored', { 'pyproject.toml': '[build-system]\nbuild-backend = 3\n' }, { buildFiles: ['pyproject.toml'], buildBackend: undefined, pythonVersion: undefined }],
  ])('%s', (_name, files, expected) => {
    expect(detectPython(snapshot(files))).toEqual(expected);
  });
});

describe('pythonName', () => {
  it.each([
    ['[project].name', { 'pyproject.toml': '[project]\nname = "demo-pkg"\n', 'setup.cfg': '[metadata]\nname = other\n' }, 'demo-pkg'],
    ['Poetry name', { 'pyproject.toml': '[tool.poetry]\nname = "poetic"\n' }, 'poetic'],
    ['setup.cfg [metadata] name', { 'pyproject.toml': HATCH, 'setup.cfg': '[metadata]\nname = cfg-pkg\nversion = 1\n' }, 'cfg-pkg'],
    ['setup.py name keyword', { 'setup.py': 'from setuptools import setup\nsetup(\n    package_name="no",\n    name="legacy_pkg",\n)\n' }, 'legacy_pkg'],
    ['nothing declared', { 'setup.py': 'setup()\n', 'setup.cfg': '[metadata]\nname =\n' }, undefined],
    ['malformed TOML', { 'pyproject.toml': '[project]\nname = ' }, undefined],
  ])('%s', (_name, files, expected) => {
    expect(pythonName(snapshot(files))).toBe(expected);
  });
});
