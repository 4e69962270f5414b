/*
 * A value crosses the harness protocol as JSON, so it must survive JSON unchanged: NaN,
 * Infinity, bigint, undefined (except as an object property, which JSON drops just as the
 * oracle ignores it), functions and class instances would arrive as something else.
 */

function isExactJson(value: unknown, depth: number): boolean {
  if (depth > 1000) return false;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        // A hole in a sparse array would arrive as null.
        for (let i = 0; i < value.length; i++) {
          if (!(i in value) || !isExactJson(value[i], depth + 1)) return false;
        }
        return true;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      return Object.values(value).every((v) => v === undefined || isExactJson(v, depth + 1));
    }
    default:
      return false;
  }
}

/** The value as one line of JSON, or undefined when JSON would change it. */
export function encodeValue(value: unknown): string | undefined {
  if (!isExactJson(value, 0)) return undefined;
  return JSON.stringify(value);
}
