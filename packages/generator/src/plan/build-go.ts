import type { ProjectFacts } from '../facts.js';
import { checkoutStep } from './common-steps.js';
import { safeName, shellWord } from './names.js';
import type { PlanStep } from './types.js';

const TARGETS = 'linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64';

/** The file name stem of a main package's binary: its directory's last element (the module's for `.`). */
export function binaryName(facts: ProjectFacts, pkg: string): string {
  const last = pkg === '.' ? (facts.go?.module.split('/').pop() ?? facts.name) : (pkg.split('/').pop() ?? pkg);
  return safeName(last);
}

/** A cross-compiling loop per main package; a library gets a source archive instead. */
function buildScript(facts: ProjectFacts): string {
  const mains = facts.go?.mainPackages ?? [];
  if (mains.length === 0) {
    const name = safeName(facts.name);
    return `mkdir -p dist\ngit archive --format=tar.gz --prefix="${name}-\${GITHUB_REF_NAME}/" -o "dist/${name}-\${GITHUB_REF_NAME}.tar.gz" HEAD\n`;
  }
  const lines = ['mkdir -p dist', `for target in ${TARGETS}; do`, '  goos="${target%/*}"', '  goarch="${target#*/}"', '  ext=""', '  if [ "$goos" = windows ]; then ext=".exe"; fi'];
  for (const pkg of mains) {
    const bin = binaryName(facts, pkg);
    const path = pkg === '.' ? '.' : `./${pkg}`;
    lines.push(`  GOOS="$goos" GOARCH="$goarch" go build -trimpath -ldflags="-s -w" -o "dist/${bin}-$goos-$goarch$ext" ${shellWord(path)}`);
  }
  lines.push('done');
  return `${lines.join('\n')}\n`;
}

/** `go build` for every main package and platform into `dist/`, with the Go version of go.mod. */
export function goBuildSteps(facts: ProjectFacts): PlanStep[] {
  return [
    checkoutStep(),
    {
      name: 'Set up Go',
      comment: 'No module cache in a release job: a poisoned cache would end up in the binaries.',
      uses: { action: 'actions/setup-go' },
      with: { 'go-version-file': 'go.mod', cache: false },
    },
    {
      name: (facts.go?.mainPackages.length ?? 0) === 0 ? 'Archive the module source' : 'Build the binaries',
      comment: facts.go?.goreleaserConfig
        ? `${facts.go.goreleaserConfig} was found; this job builds with go build so every step is pinned here.`
        : undefined,
      env: { CGO_ENABLED: '0' },
      run: buildScript(facts),
    },
  ];
}
