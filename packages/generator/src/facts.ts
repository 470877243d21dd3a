/** The ecosystems slsa-init knows how to build. `generic` asks for a build command and an artifact glob. */
export type Ecosystem = 'python' | 'node' | 'go' | 'generic';

/** Python facts from pyproject.toml / setup.py / setup.cfg / .python-version. */
export interface PythonFacts {
  /** Which of pyproject.toml, setup.py, setup.cfg exist (in that order). */
  readonly buildFiles: readonly string[];
  /** `[build-system] build-backend` (`hatchling.build`, `setuptools.build_meta`, …), when declared. */
  readonly buildBackend?: string | undefined;
  /** The interpreter to build with (`3.12`): `.python-version`, else the lowest bound of `requires-python`. */
  readonly pythonVersion?: string | undefined;
}

/** Node facts from package.json and the lockfile. */
export interface NodeFacts {
  /** From the lockfile (package-lock.json / npm-shrinkwrap.json → npm, pnpm-lock.yaml, yarn.lock, bun.lock[b]); `packageManager` field wins. */
  readonly packageManager: 'npm' | 'pnpm' | 'yarn' | 'bun';
  /** True when a lockfile exists (so `npm ci` / `--frozen-lockfile` can be used). */
  readonly hasLockfile: boolean;
  /** The `workspaces` globs (array form or `{packages}` form), empty when none. */
  readonly workspaces: readonly string[];
  /**
   * The workspace packages those globs name (`dir/*` and plain directories are expanded), sorted
   * by directory: a release packs and publishes the ones that are not private.
   */
  readonly workspacePackages: readonly WorkspacePackage[];
  /** `.nvmrc` / `.node-version`, else the major of `engines.node`'s lower bound (`20`). */
  readonly nodeVersion?: string | undefined;
  /** package.json `private: true` (nothing to publish to npm). */
  readonly private: boolean;
  /** package.json has a `build` script. */
  readonly hasBuildScript: boolean;
}

/** One package of a Node workspace. */
export interface WorkspacePackage {
  /** Posix directory relative to the root (`packages/core`). */
  readonly dir: string;
  readonly name: string;
  readonly private: boolean;
}

/** Go facts from go.mod and the sources. */
export interface GoFacts {
  /** The `module` path of go.mod. */
  readonly module: string;
  /** The `go` directive (`1.22`), when present. */
  readonly goVersion?: string | undefined;
  /** Directories (posix, relative, `.` for the root) holding `package main`, sorted. */
  readonly mainPackages: readonly string[];
  /** `.goreleaser.yml` / `.goreleaser.yaml` when present. */
  readonly goreleaserConfig?: string | undefined;
}

/** A workflow already in `.github/workflows`. */
export interface ExistingWorkflow {
  /** Posix path relative to the project root (`.github/workflows/release.yml`). */
  readonly file: string;
  /** It releases: triggered by a tag push or a published release, or it publishes / makes provenance. */
  readonly release: boolean;
  /** It carries slsa-init's marker line (see `marker.ts`). */
  readonly generatedBySlsaInit: boolean;
}

/** The GitHub repository from the `origin` remote. */
export interface RepositoryFacts {
  readonly host: string;
  readonly owner: string;
  readonly name: string;
}

/** What detection learned about a project directory. Pure data; no answer is chosen here. */
export interface ProjectFacts {
  /** Every ecosystem whose marker files exist, most specific first (python, node, go). */
  readonly ecosystems: readonly Ecosystem[];
  /** The package / module / directory name, used in artifact and environment names. */
  readonly name: string;
  readonly python?: PythonFacts | undefined;
  readonly node?: NodeFacts | undefined;
  readonly go?: GoFacts | undefined;
  readonly repository?: RepositoryFacts | undefined;
  /** From `refs/remotes/origin/HEAD`, else the checked-out branch; `main` when unknown. */
  readonly defaultBranch: string;
  readonly workflows: readonly ExistingWorkflow[];
}

/**
 * The files detection looks at, read once by `readProjectSnapshot` (the only I/O): posix paths
 * relative to the project root → text. Detection functions take this and nothing else.
 */
export interface ProjectSnapshot {
  /** The directory's base name (fallback project name). */
  readonly dirName: string;
  readonly files: ReadonlyMap<string, string>;
}
