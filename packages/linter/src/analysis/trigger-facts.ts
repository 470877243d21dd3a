import { nodeAt, type Workflow } from '@slsa-kit/core';
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
 * Whether every entry of `on:` was read as a trigger: a list item or key that is not an event name
 * (`on: [push, {x: y}]`, a merge key) is left out of the triggers, and could be any event.
 */
function triggersComplete(workflow: Workflow): boolean {
  const first = workflow.triggers[0];
  if (!first) return false;
  // A string `on: push` is the trigger itself; a list's or map's entries are one level below.
  if (first.route.length <= 1) return workflow.triggers.length === 1;
  const on = nodeAt(workflow.document, first.route.slice(0, -1)) as { items?: unknown } | undefined;
  return Array.isArray(on?.items) && on.items.length === workflow.triggers.length;
}

/**
 * The inputs `workflow_dispatch` and `workflow_call` declare, with their types, and the events
 * that start the workflow: any event when it can be called (it runs with its caller's event) or
 * when `on:` could not be read in full.
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
  const known = !callable && triggersComplete(workflow);
  return { inputs, callable, ...(known ? { events: new Set(workflow.triggers.map((t) => t.event.toLowerCase())) } : {}) };
}
