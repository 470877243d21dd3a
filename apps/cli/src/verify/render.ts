import type { VerificationCheck, VerificationResult } from '@slsa-kit/core/provenance';
import type { VerifyCommand } from './commands.js';

/** What was verified, for the report. */
export interface ReportContext {
  readonly command: VerifyCommand;
  readonly provenancePath: string;
  readonly sourceUri: string;
  readonly artifacts: readonly { readonly name: string; readonly digests: Readonly<Record<string, string | undefined>> }[];
  readonly printProvenance: boolean;
}

const GREEN = '\u001b[32m';
const RED = '\u001b[31m';
const DIM = '\u001b[2m';
const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

const MARK: Record<VerificationCheck['status'], { plain: string; glyph: string; color: string }> = {
  passed: { plain: 'PASS', glyph: '✓', color: GREEN },
  failed: { plain: 'FAIL', glyph: '✗', color: RED },
  skipped: { plain: 'SKIP', glyph: '-', color: DIM },
};

/** One line per check, then the verdict: `PASSED: SLSA verification passed` or `FAILED: <reason>`. */
export function renderText(result: VerificationResult, ctx: ReportContext, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `${code}${text}${RESET}` : text);
  const lines: string[] = [];
  const names = ctx.artifacts.map((a) => a.name).join(', ');
  lines.push(`Verifying ${names} against ${ctx.provenancePath} (source ${ctx.sourceUri})`);
  for (const c of result.checks) {
    const m = MARK[c.status];
    const mark = color ? paint(m.color, m.glyph) : m.plain;
    const where = c.bundle === undefined ? '' : ` [bundle ${c.bundle}]`;
    const code = c.code ? ` (${c.code})` : '';
    lines.push(`  ${mark} ${c.id}${where}: ${c.message}${code}`);
  }
  if (result.builderId) lines.push(`builder: ${result.builderId}`);
  if (ctx.printProvenance && result.passed && result.statement !== undefined) lines.push(JSON.stringify(result.statement, null, 2));
  lines.push(result.passed ? paint(BOLD + GREEN, 'PASSED: SLSA verification passed') : paint(BOLD + RED, `FAILED: ${failureReason(result)}`));
  return `${lines.join('\n')}\n`;
}

/** The reason shown after FAILED; never empty, even for a result the library left without one. */
export function failureReason(result: VerificationResult): string {
  return result.reason ?? result.checks.find((c) => c.status === 'failed')?.message ?? 'verification did not pass';
}

/**
 * The versioned JSON report (`version: 1`). One object, no colour. `statement` only with
 * `--print-provenance` and only when verification passed: an unverified statement is not provenance.
 */
export function renderJson(result: VerificationResult, ctx: ReportContext): string {
  const report = {
    version: 1,
    command: ctx.command,
    passed: result.passed,
    ...(result.passed ? {} : { reason: failureReason(result), code: result.code ?? null }),
    provenance: ctx.provenancePath,
    source: ctx.sourceUri,
    builder: result.builderId ?? null,
    artifacts: ctx.artifacts.map((a) => ({ name: a.name, digests: a.digests })),
    checks: result.checks.map((c) => ({ id: c.id, status: c.status, message: c.message, ...(c.code ? { code: c.code } : {}), ...(c.bundle === undefined ? {} : { bundle: c.bundle }) })),
    warnings: result.warnings,
    ...(ctx.printProvenance && result.passed && result.statement !== undefined ? { statement: result.statement } : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
