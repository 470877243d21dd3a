import type { SubjectLike } from './digest.js';
import type { CheckOutcome } from './result.js';
import { fail, pass } from './result.js';

/** The DSSE payload type of in-toto statements. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/** In-toto statement types accepted (v0.1 from generator ≤ v2, v1 from actions/attest and npm). */
export const STATEMENT_TYPES = ['https://in-toto.io/Statement/v0.1', 'https://in-toto.io/Statement/v1'] as const;

/** SLSA provenance predicate types. */
export const SLSA_PROVENANCE_V02 = 'https://slsa.dev/provenance/v0.2';
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';

/** A parsed, shape-checked in-toto statement. */
export interface InTotoStatement {
  readonly _type: string;
  readonly subject: readonly { readonly name: string; readonly digest: Readonly<Record<string, string>> }[];
  readonly predicateType: string;
  readonly predicate: unknown;
}

/** Outcome of {@link parseStatement}. */
export type StatementOutcome = { readonly ok: true; readonly statement: InTotoStatement } | { readonly ok: false; readonly outcome: CheckOutcome };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function validSubject(s: unknown): s is SubjectLike {
  if (!isObject(s) || typeof s['name'] !== 'string' || !isObject(s['digest'])) return false;
  return Object.values(s['digest']).every((v) => typeof v === 'string');
}

/**
 * Parses the signed DSSE payload as an in-toto statement and checks its header. Anything
 * unexpected (another payload type, no subjects, a non-string digest) is `INVALID_DSSE_PAYLOAD`.
 */
export function parseStatement(payloadType: string | undefined, payload: Buffer | undefined): StatementOutcome {
  const bad = (message: string): StatementOutcome => ({ ok: false, outcome: fail('INVALID_DSSE_PAYLOAD', message) });
  if (payloadType !== IN_TOTO_PAYLOAD_TYPE || payload === undefined) {
    return bad(`DSSE payload type is "${payloadType ?? '(none)'}", expected ${IN_TOTO_PAYLOAD_TYPE}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch {
    return bad('DSSE payload is not JSON');
  }
  if (!isObject(json)) return bad('in-toto statement is not an object');
  if (!(STATEMENT_TYPES as readonly unknown[]).includes(json['_type'])) return bad(`unknown statement _type ${JSON.stringify(json['_type'])}`);
  if (typeof json['predicateType'] !== 'string') return bad('statement has no predicateType');
  const subject = json['subject'];
  if (!Array.isArray(subject) || subject.length === 0) return bad('statement has no subjects');
  if (!subject.every(validSubject)) return bad('statement has a malformed subject');
  return { ok: true, statement: json as unknown as InTotoStatement };
}

/** Checks that the predicate is SLSA provenance v0.2 or v1. */
export function checkSlsaPredicate(statement: InTotoStatement): CheckOutcome {
  if (statement.predicateType !== SLSA_PROVENANCE_V02 && statement.predicateType !== SLSA_PROVENANCE_V1) {
    return fail('INVALID_DSSE_PAYLOAD', `predicate type ${statement.predicateType} is not SLSA provenance`);
  }
  if (!isObject(statement.predicate)) return fail('INVALID_DSSE_PAYLOAD', 'provenance predicate is not an object');
  return pass(`in-toto statement with ${statement.predicateType}`);
}
