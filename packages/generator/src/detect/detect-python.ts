import type { ProjectSnapshot, PythonFacts } from '../facts.js';
import { firstMeaningfulLine, parseTomlTable, stringField, tableAt, type Table } from './parse-data.js';
import { parseIni } from './parse-ini.js';
import { lowerBound, majorMinor } from './version-bound.js';

/** The files whose presence makes a directory a Python project, in the order `buildFiles` lists them. */
export const PYTHON_BUILD_FILES = ['pyproject.toml', 'setup.py', 'setup.cfg'] as const;

// `name="…"` as a keyword argument of setup(); `\b` keeps `package_name=` from matching.
const SETUP_PY_NAME = /\bname\s*=\s*(['"])([A-Za-z0-9][A-Za-z0-9._-]*)\1/;

interface PythonSources {
  readonly pyproject: Table | undefined;
  readonly setupCfg: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly setupPy: string | undefined;
}

function sources(snapshot: ProjectSnapshot): PythonSources {
  return {
    pyproject: parseTomlTable(snapshot.files.get('pyproject.toml')),
    setupCfg: parseIni(snapshot.files.get('setup.cfg') ?? ''),
    setupPy: snapshot.files.get('setup.py'),
  };
}

/**
 * The distribution name: PEP 621 `[project]`, else Poetry's own table (Poetry 1 projects have no
 * `[project]`), else setup.cfg `[metadata]`, else a literal `name=` in setup.py.
 */
export function pythonName(snapshot: ProjectSnapshot): string | undefined {
  const { pyproject, setupCfg, setupPy } = sources(snapshot);
  const fromSetupCfg = setupCfg.get('metadata')?.get('name');
  return (
    stringField(tableAt(pyproject, 'project'), 'name') ??
    stringField(tableAt(pyproject, 'tool', 'poetry'), 'name') ??
    (fromSetupCfg === '' ? undefined : fromSetupCfg) ??
    (setupPy === undefined ? undefined : SETUP_PY_NAME.exec(setupPy)?.[2])
  );
}

/** `.python-version` when it names a CPython version, else the lower bound of the declared range. */
function pythonVersion({ pyproject, setupCfg }: PythonSources, pinned: string | undefined): string | undefined {
  const exact = pinned === undefined ? undefined : /^(\d+(?:\.\d+)*)/.exec(pinned)?.[1];
  if (exact !== undefined) return majorMinor(exact.split('.').map(Number));
  const range =
    stringField(tableAt(pyproject, 'project'), 'requires-python') ??
    stringField(tableAt(pyproject, 'tool', 'poetry', 'dependencies'), 'python') ??
    setupCfg.get('options')?.get('python_requires');
  const bound = range === undefined ? undefined : lowerBound(range);
  return bound === undefined ? undefined : majorMinor(bound);
}

/** Python facts, or `undefined` when none of pyproject.toml, setup.py, setup.cfg exists. */
export function detectPython(snapshot: ProjectSnapshot): PythonFacts | undefined {
  const buildFiles = PYTHON_BUILD_FILES.filter((file) => snapshot.files.has(file));
  if (buildFiles.length === 0) return undefined;
  const found = sources(snapshot);
  return {
    buildFiles,
    buildBackend: stringField(tableAt(found.pyproject, 'build-system'), 'build-backend'),
    pythonVersion: pythonVersion(found, firstMeaningfulLine(snapshot.files.get('.python-version'))),
  };
}
