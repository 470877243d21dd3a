import type { Located, ReusableJob, ScalarValue } from '@slsa-kit/core';

/** A `with:` entry of a reusable job by input name; GitHub matches input names case-insensitively. */
export function withInput(job: ReusableJob, name: string): Located<ScalarValue> | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of job.with) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** `true` for a literal true (`true` or `"true"`), `false` for a literal false or absence, undefined for an expression. */
export function literalBoolean(value: Located<ScalarValue> | undefined): boolean | undefined {
  if (!value) return false;
  const v = value.value;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false' || v === null || v === '') return false;
  return undefined;
}
