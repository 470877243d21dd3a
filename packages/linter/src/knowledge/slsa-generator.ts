/**
 * Facts about slsa-framework/slsa-github-generator that are rules, not data: its releases and
 * their commits come from the pin database through {@link LintServices}.
 */

/** `owner/repo` of the generator, lower case (GitHub compares it case-insensitively). */
export const SLSA_GENERATOR_REPO = 'slsa-framework/slsa-github-generator';

/** The first release that works since GitHub retired `actions/upload-artifact@v3` (2025-01-30). */
export const SLSA_GENERATOR_MINIMUM = 'v2.0.0';
