import type { Diagnostic } from '../diagnostic.js';
import { parseYaml } from '../yaml/parse.js';
import type { YamlLimits } from '../yaml/limits.js';
import type { SourceFile } from '../yaml/source-file.js';
import { buildWorkflow } from './build-workflow.js';
import type { Workflow } from './types.js';

/** A workflow file after parsing: the model when the YAML was usable, and the YAML diagnostics. */
export interface LoadedWorkflow {
  readonly source: SourceFile;
  readonly workflow: Workflow | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses a workflow file and builds its model. A file with YAML errors gets no model (DESIGN.md:
 * syntax errors stop that file); warnings do not stop it.
 */
export function loadWorkflow(input: string | Uint8Array, path: string, limits?: Partial<YamlLimits>): LoadedWorkflow {
  const parsed = parseYaml(input, path, limits);
  const fatal = parsed.diagnostics.some((d) => d.severity === 'error');
  const workflow = parsed.document && !fatal ? buildWorkflow(parsed.document, parsed.source) : undefined;
  return { source: parsed.source, workflow, diagnostics: parsed.diagnostics };
}
