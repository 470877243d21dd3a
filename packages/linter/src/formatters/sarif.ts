import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LineColumnRange, Severity } from '@slsa-kit/core';
import type { LintDiagnostic, LintResult } from '../result.js';
import type { AnyRule } from '../rule.js';

/** Options of the SARIF formatter. */
export interface SarifFormatOptions {
  /** Every rule that could have run: SARIF lists the tool's rules, not only those that fired. */
  readonly rules: readonly AnyRule[];
  readonly toolVersion: string;
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'note' };

/** A SARIF artifact URI: relative paths stay relative (code scanning resolves them against the checkout). */
export function sarifUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(path.sep).join('/').split('/').map(encodeURIComponent).join('/');
}

const region = (r: LineColumnRange) => ({ startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn });

/**
 * SARIF 2.1.0 (one run): rule metadata with help URIs, one result per finding with its region,
 * related locations and fixes. Columns are UTF-16 code units, as `SourceFile.locate` counts them.
 */
export function formatSarif(results: readonly LintResult[], options: SarifFormatOptions): string {
  const index = new Map(options.rules.map((r, i) => [r.meta.id, i]));
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'slsa-lint',
            version: options.toolVersion,
            informationUri: 'https://github.com/slsa-kit/slsa-kit',
            rules: options.rules.map((r) => ({
              id: r.meta.id,
              shortDescription: { text: r.meta.description },
              helpUri: r.meta.docsUrl,
              defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
              properties: { fixable: r.meta.fixable, requiresNetwork: r.meta.requiresNetwork },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) => r.diagnostics.map((d) => result(d, index.get(d.ruleId)))),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function result(d: LintDiagnostic, ruleIndex: number | undefined) {
  const artifactLocation = { uri: sarifUri(d.file) };
  return {
    ruleId: d.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation, region: region(d) } }],
    ...(d.related && d.related.length > 0
      ? {
          relatedLocations: d.related.map((r, id) => ({
            id,
            message: { text: r.message },
            physicalLocation: { artifactLocation, region: region(r) },
          })),
        }
      : {}),
    ...(d.fix
      ? {
          fixes: [
            {
              description: { text: d.fix.description },
              artifactChanges: [
                {
                  artifactLocation,
                  replacements: d.fix.edits.map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.text } })),
                },
              ],
            },
          ],
        }
      : {}),
  };
}
