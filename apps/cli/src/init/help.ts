/** `slsa-init --help`. */
export const INIT_HELP = `Usage: slsa-init [DIR] [options]

Writes a SLSA Build L3 release workflow for the project in DIR (default: the current directory):
build → provenance → publish, least permissions, every action pinned to a commit SHA.
On a terminal it asks a few questions; with --yes, or without a terminal, it never prompts.

Options:
  -y, --yes                 accept the detected defaults, never prompt
      --ecosystem E         python | node | go | generic
      --provenance P        slsa-generator (default, Build L3) | attestations (actions/attest)
      --publish T           pypi | npm | github-release | none
      --trigger T           tag (push of a v* tag, default) | release (release published)
      --build-command CMD   generic projects: the command that builds the artifacts
      --artifacts GLOB      generic projects: the files to release (e.g. "out/*.tar.gz")
  -o, --output FILE         the workflow file (default .github/workflows/release.yml, or the
                            existing release workflow)
      --dry-run             print the workflow (and a diff when the file exists); write nothing
      --check               exit 1 with a diff when the file differs from what would be written
      --force               replace a workflow that was edited or not written by slsa-init
      --online              resolve the newest action releases on GitHub (GH_TOKEN / GITHUB_TOKEN)
  -h, --help                show this help
  -V, --version             show the version

Exit codes: 0 written, up to date or printed; 1 --check found a difference; 2 usage error, or a
workflow that would be overwritten without --force; 3 DIR does not exist; 4 I/O or network
failure; 130 cancelled (Ctrl-C).
`;
