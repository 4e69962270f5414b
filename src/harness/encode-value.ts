/*
 * A value crosses the harness protocol as JSON, so it must survive JSON unchanged: NaN,
 * Infinity, bigint, undefined (except as an object property, which JSON drops just as the
 * oracle ignores it), functions and class instances would arrive as something else.
 */

function isExactJson(value: unknown, depth: number): boolean {
  if (typeof value !== 'object') return isExactLeaf(value);
  if (value === null) return true;
  if (depth > 1000) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string') continue;
      // A hole reads as undefined, and would arrive as null like undefined itself.
      if (item === undefined || !isExactJson(item, depth + 1)) return false;
    }
    return true;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  // for-in, not Object.values: no array per object (the prototype is plain, so no inherited keys
  // but those someone added to Object.prototype, which are then checked too).
  for (const key in value) {
    const item: unknown = (value as Record<string, unknown>)[key];
    if (typeof item === 'string' || item === undefined) continue;
    if (!isExactJson(item, depth + 1)) return false;
  }
  return true;
}

function isExactLeaf(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    default:
      return false;
  }
}

/** The value as one line of JSON, or undefined when JSON would change it. */
export function encodeValue(value: unknown): string | undefined {
  if (!isExactJson(value, 0)) return undefined;
  return JSON.stringify(value);
}
