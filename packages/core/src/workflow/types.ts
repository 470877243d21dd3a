import type { Document, Node } from 'yaml';
import type { Span } from '../diagnostic.js';
import type { Route } from '../yaml/routes.js';
import type { SourceFile } from '../yaml/source-file.js';

/** A scalar as written: string, number, boolean or null. */
export type ScalarValue = string | number | boolean | null;

/**
 * A value with the route it came from. `span` covers the value (or the key when the value is
 * empty); `keySpan` covers the mapping key that introduced it, when there is one.
 */
export interface Located<T> {
  readonly value: T;
  readonly route: Route;
  readonly span: Span;
  readonly keySpan?: Span;
}

/** A mapping of names to scalar values (`env:`, `with:`, `outputs:`, `secrets:`). */
export type LocatedMap = ReadonlyMap<string, Located<ScalarValue>>;

/** One event that triggers the workflow, whichever of the string, list or map forms named it. */
export interface Trigger {
  readonly event: string;
  readonly route: Route;
  readonly span: Span;
  /** The event's configuration node (filters such as `branches`, `tags`, `types`), when given. */
  readonly config?: Node;
}

/** A permission level as GitHub accepts it. */
export type PermissionLevel = 'read' | 'write' | 'none';

/**
 * A `permissions:` block. `read-all` / `write-all` set every scope; a map sets the named scopes and
 * leaves the others at `none` (so `{}` removes every permission). `expression` covers values
 * GitHub rejects but which we must not misread.
 */
export type Permissions =
  | { readonly kind: 'all'; readonly level: 'read' | 'write'; readonly route: Route; readonly span: Span }
  | {
      readonly kind: 'scopes';
      readonly scopes: ReadonlyMap<string, Located<PermissionLevel | string>>;
      readonly route: Route;
      readonly span: Span;
    }
  | { readonly kind: 'invalid'; readonly route: Route; readonly span: Span };

/** A job's `environment:` (string or `{name, url}`). */
export interface Environment {
  readonly name?: Located<string>;
  readonly url?: Located<string>;
  readonly route: Route;
  readonly span: Span;
}

/** A job's `strategy:`. The matrix is kept as its node; `include`/`exclude` stay inside. */
export interface Strategy {
  readonly route: Route;
  readonly span: Span;
  readonly matrix?: Node;
  readonly matrixKeys: readonly string[];
  readonly failFast?: Located<ScalarValue>;
  readonly maxParallel?: Located<ScalarValue>;
}

/** A container or service definition (`image` plus raw node for the rest). */
export interface Container {
  readonly route: Route;
  readonly span: Span;
  readonly image?: Located<string>;
  readonly node: Node;
}

/** One step of a normal job. */
export interface Step {
  readonly index: number;
  readonly route: Route;
  readonly span: Span;
  readonly id?: Located<string>;
  readonly name?: Located<string>;
  readonly uses?: Located<string>;
  readonly run?: Located<string>;
  readonly shell?: Located<string>;
  readonly if?: Located<ScalarValue>;
  readonly workingDirectory?: Located<string>;
  readonly with: LocatedMap;
  readonly env: LocatedMap;
  readonly continueOnError?: Located<ScalarValue>;
  readonly timeoutMinutes?: Located<ScalarValue>;
}

interface JobCommon {
  readonly id: string;
  readonly route: Route;
  readonly span: Span;
  readonly keySpan: Span;
  readonly name?: Located<string>;
  readonly needs: readonly Located<string>[];
  readonly if?: Located<ScalarValue>;
  readonly permissions?: Permissions;
  readonly strategy?: Strategy;
  readonly concurrency?: Located<unknown>;
  readonly outputs: LocatedMap;
}

/** A job that runs steps on a runner. */
export interface NormalJob extends JobCommon {
  readonly kind: 'normal';
  readonly runsOn?: Located<unknown>;
  readonly environment?: Environment;
  readonly env: LocatedMap;
  readonly defaults?: Located<unknown>;
  readonly container?: Container;
  readonly services: ReadonlyMap<string, Container>;
  readonly steps: readonly Step[];
  readonly timeoutMinutes?: Located<ScalarValue>;
}

/** A job that calls a reusable workflow (`jobs.<id>.uses`). */
export interface ReusableJob extends JobCommon {
  readonly kind: 'reusable';
  readonly uses: Located<string>;
  readonly with: LocatedMap;
  /** `inherit`, or the named secrets passed. */
  readonly secrets: Located<'inherit'> | LocatedMap;
}

export type Job = NormalJob | ReusableJob;

/** A typed view over one workflow file. Every element keeps its route into `document`. */
export interface Workflow {
  readonly source: SourceFile;
  readonly document: Document;
  readonly name?: Located<string>;
  readonly runName?: Located<string>;
  readonly triggers: readonly Trigger[];
  readonly permissions?: Permissions;
  readonly env: LocatedMap;
  readonly defaults?: Located<unknown>;
  readonly concurrency?: Located<unknown>;
  readonly jobs: readonly Job[];
  readonly jobsById: ReadonlyMap<string, Job>;
}
