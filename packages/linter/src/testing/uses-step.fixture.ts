import { yaml } from '@slsa-kit/core/testing';

/** Commits the embedded pin database records (tests of the pin rules assert fixes against them). */
export const RECORDED = {
  checkout701: '3d3c42e5aac5ba805825da76410c181273ba90b1',
  checkout610: 'd23441a48e516b6c34aea4fa41551a30e30af803',
  attestBuildProvenance410: 'a2bbfa25375fe432b6a289bc6b6cd05ecd0c4c32',
  generator210: 'f7dd8c54c2067bafc12ca7a55595d5ee9b75204a',
} as const;

/** A workflow with one step whose `uses:` value starts at line 6, column 15. */
export const step = (uses: string): string => yaml`
  on: push
  jobs:
    build:
      runs-on: ubuntu-latest
      steps:
        - uses: ${uses}
`;

/** The column just after `name@` in {@link step}'s `uses:` value, where the ref starts. */
export const refColumn = (name: string): number => 15 + name.length + 1;
