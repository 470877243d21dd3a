import type { ProjectFacts } from '../facts.js';
import { checkoutStep } from './common-steps.js';
import type { PlanStep } from './types.js';

const DEFAULT_PYTHON = '3.x';

/** `python -m build` into `dist/`: the sdist and the wheel, whatever the build backend. */
export function pythonBuildSteps(facts: ProjectFacts): PlanStep[] {
  const backend = facts.python?.buildBackend;
  const legacy = facts.python !== undefined && !facts.python.buildFiles.includes('pyproject.toml');
  return [
    checkoutStep(),
    {
      name: 'Set up Python',
      uses: { action: 'actions/setup-python' },
      with: { 'python-version': facts.python?.pythonVersion ?? DEFAULT_PYTHON },
    },
    {
      name: 'Build the sdist and the wheel',
      comment: backend
        ? `The build backend (${backend}) comes from pyproject.toml; python -m build isolates it.`
        : legacy
          ? 'No pyproject.toml: python -m build falls back to setuptools and setup.py / setup.cfg.'
          : undefined,
      run: 'python -m pip install --upgrade build\npython -m build\n',
    },
  ];
}
