export { detectProject } from './detect-project.js';
export { detectPython, pythonName, PYTHON_BUILD_FILES } from './detect-python.js';
export { detectNode, nodeName } from './detect-node.js';
export { detectGo, goName, goPackageName } from './detect-go.js';
export { detectDefaultBranch, detectRepository } from './detect-git.js';
export { parseRemoteUrl } from './parse-remote-url.js';
export { describeWorkflow, detectWorkflows } from './detect-workflows.js';
export { readProjectSnapshot, type SnapshotErrorCode } from './read-snapshot.js';
