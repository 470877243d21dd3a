import { yaml } from '@slsa-kit/core/testing';

export const GEN = 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml';

/** Two jobs calling the generator by bad refs: `@v2.0.0` on line 4 and `@main` on line 7. */
export const TWO_GENERATOR_JOBS = yaml`
  on: push
  jobs:
    a:
      uses: ${GEN}@v2.0.0
      with: { base64-subjects: abc }
    b:
      uses: ${GEN}@main
      with: { base64-subjects: abc }
`;

/** Where the ref after `@` starts on a `    uses:` line. */
export const REF_COLUMN = 10 + GEN.length + 2;
