import type { ErrorObject } from 'ajv';

/**
 * A validator precompiled at build time by `scripts/compile-schema.mjs` (ajv standalone code).
 * Like every ajv validator it leaves the errors of the last call on `errors`.
 */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** A JSON schema (draft-07) as plain data. */
export type PreparedSchema = { readonly [keyword: string]: unknown } | boolean;
