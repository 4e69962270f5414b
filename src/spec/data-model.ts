/*
 * The atproto data model (https://atproto.com/specs/data-model) has no floats: "for now we
 * disallow floats". In JSON a float is a number with a fractional part; `1.0` parses to the
 * integer 1 and cannot be told apart, so it is not counted as a float.
 */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when a non-integer number appears anywhere inside the value. */
export function containsFloat(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isInteger(value);
  if (Array.isArray(value)) return value.some(containsFloat);
  if (isPlainObject(value)) return Object.values(value).some(containsFloat);
  return false;
}
