/*
 * The atproto data model (https://atproto.com/specs/data-model) has no floats: "for now we
 * disallow floats", and "`integer` is limited to 64 bits even ignoring Javascript". In JSON a
 * float is a number with a fractional part, or one beyond the signed 64-bit range (which no
 * parser can read as an integer of the data model); `1.0` parses to the integer 1 and cannot be
 * told apart, so it is not counted as a float.
 */

const INT64_MIN = -(2 ** 63);
const INT64_LIMIT = 2 ** 63;

/** An integer of the data model: whole, and within signed 64 bits. */
export function isAtprotoInteger(n: number): boolean {
  return Number.isInteger(n) && n >= INT64_MIN && n < INT64_LIMIT;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when a non-integer number appears anywhere inside the value. */
export function containsFloat(value: unknown): boolean {
  if (typeof value === 'number') return !isAtprotoInteger(value);
  if (Array.isArray(value)) return value.some(containsFloat);
  if (isPlainObject(value)) return Object.values(value).some(containsFloat);
  return false;
}
