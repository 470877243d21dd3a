import type { Workflow } from '@slsa-kit/core';
import type { DeclaredInput, TriggerFacts } from './attacker-controlled.js';

/**
 * A trigger's configuration as plain data. It is converted with its document so aliases resolve;
 * a merge key GitHub does not support either (`<<: *x` onto a non-map) leaves the inputs unknown
 * instead of crashing the run.
 */
function triggerConfig(workflow: Workflow, node: unknown): { inputs?: unknown } | null | undefined {
  try {
    return (node as { toJSON?: (doc: unknown) => unknown } | undefined)?.toJSON?.(workflow.document) as { inputs?: unknown } | null | undefined;
  } catch {
    return undefined;
  }
}

/**
 * The inputs `workflow_dispatch` and `workflow_call` declare, with their types, and the events
 * that start the workflow: any event when it can be called (it runs with its caller's event) or
 * when no trigger could be read.
 */
export function triggerFacts(workflow: Workflow): TriggerFacts {
  const inputs = new Map<string, DeclaredInput>();
  let callable = false;
  for (const t of workflow.triggers) {
    if (t.event !== 'workflow_dispatch' && t.event !== 'workflow_call') continue;
    const isCall = t.event === 'workflow_call';
    callable ||= isCall;
    const config = triggerConfig(workflow, t.config);
    const declared = config?.inputs;
    if (!declared || typeof declared !== 'object') continue;
    for (const [name, spec] of Object.entries(declared as Record<string, unknown>)) {
      const raw = spec && typeof spec === 'object' ? (spec as { type?: unknown }).type : undefined;
      const type = typeof raw === 'string' ? raw : 'string';
      const prev = inputs.get(name.toLowerCase());
      // One name declared by both triggers: the weaker type and the wider audience win.
      inputs.set(name.toLowerCase(), {
        type: prev && prev.type !== type ? 'string' : type,
        callable: isCall || (prev?.callable ?? false),
      });
    }
  }
  const known = !callable && workflow.triggers.length > 0;
  return { inputs, callable, ...(known ? { events: new Set(workflow.triggers.map((t) => t.event.toLowerCase())) } : {}) };
}
