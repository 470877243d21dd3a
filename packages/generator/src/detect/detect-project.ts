import type { Ecosystem, ProjectFacts, ProjectSnapshot } from '../facts.js';
import { detectDefaultBranch, detectRepository } from './detect-git.js';
import { detectGo, goName } from './detect-go.js';
import { detectNode, nodeName } from './detect-node.js';
import { detectPython, pythonName } from './detect-python.js';
import { detectWorkflows } from './detect-workflows.js';

/**
 * Everything slsa-init learns about a project from its snapshot. Pure: the same snapshot always
 * gives the same facts, and malformed files give fewer facts, never an exception.
 */
export function detectProject(snapshot: ProjectSnapshot): ProjectFacts {
  const python = detectPython(snapshot);
  const node = detectNode(snapshot);
  const go = detectGo(snapshot);
  const ecosystems: Ecosystem[] = [];
  if (python) ecosystems.push('python');
  if (node) ecosystems.push('node');
  if (go) ecosystems.push('go');
  // In ecosystem order, so the first ecosystem's name wins; one whose files declare no name (a
  // setup.py without a literal name) lets the next one speak before the directory name does.
  const name = pythonName(snapshot) ?? nodeName(snapshot) ?? goName(snapshot) ?? snapshot.dirName;
  return {
    ecosystems,
    name,
    python,
    node,
    go,
    repository: detectRepository(snapshot),
    defaultBranch: detectDefaultBranch(snapshot),
    workflows: detectWorkflows(snapshot),
  };
}
