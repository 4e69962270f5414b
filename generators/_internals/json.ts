import fc from 'fast-check';
import type { JsonObject, JsonValue } from './types.js';

/*
 * JSON building blocks. The atproto data model has no floats, so `jsonValue` holds integers only;
 * floats appear only where a generator means to break that rule. `-0` is never produced: JSON
 * cannot carry it.
 */

/** @internal */
export function noNegativeZero(n: number): number {
  return n === 0 ? 0 : n;
}

/** @internal Integers, small and up to the safe-integer limits. */
export const jsonInteger: fc.Arbitrary<number> = fc
  .oneof(fc.integer({ min: -1000, max: 1000 }), fc.integer(), fc.maxSafeInteger())
  .map(noNegativeZero);

/** @internal Finite numbers with a fractional part, exactly representable in JSON. */
export const jsonFloat: fc.Arbitrary<number> = fc.oneof(
  fc
    .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 1023 }))
    .map(([whole, k]) => whole + k / 1024),
  fc.constantFrom(0.5, -0.5, 0.1, 1.5, 3.14, 1e-7, 5e-324, 4503599627370495.5),
  // Whole, but beyond signed 64 bits, well clear of what an int64 text rounds to (2^63).
  fc.constantFrom(1e30, 2 ** 64, 2 ** 63 + 4096, -(2 ** 64), 1e300),
);

/** @internal Any string without lone surrogates (ASCII, or any Unicode code point). */
export const jsonString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
);

// No `_`, so `__proto__` can never be a key.
const KEY_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789$-é';

// Keys the data model reserves for compound types: only their own generators write them.
const RESERVED_KEYS: readonly string[] = ['$type', '$link', '$bytes'];

/** @internal Object keys; never `__proto__`, `$type`, `$link` or `$bytes`. */
export const jsonKey: fc.Arbitrary<string> = fc
  .string({ unit: fc.constantFrom(...KEY_CHARS), minLength: 1, maxLength: 10 })
  .map((k) => (RESERVED_KEYS.includes(k) ? `x${k}` : k));

const leaf: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  jsonInteger,
  jsonString,
);

/** @internal Any JSON value without floats (atproto data), nested a few levels deep. */
export const jsonValue: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3, withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(jsonKey, tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

/** @internal Any JSON object without floats. */
export function jsonObject(minKeys = 0): fc.Arbitrary<JsonObject> {
  return fc.dictionary(jsonKey, jsonValue, { minKeys, maxKeys: 5, noNullPrototype: true });
}

/** @internal JSON values that are not strings (and not null when `withNull` is false). */
export function nonStringJson(withNull = true): fc.Arbitrary<JsonValue> {
  const values: fc.Arbitrary<JsonValue>[] = [
    jsonInteger,
    jsonFloat,
    fc.boolean(),
    fc.array(jsonValue, { maxLength: 3 }),
    jsonObject(),
  ];
  return withNull ? fc.oneof(fc.constant(null), ...values) : fc.oneof(...values);
}

/** @internal JSON values that are not objects: arrays and primitives (`null` excluded). */
export const nonObjectJson: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.array(jsonValue, { maxLength: 3 }),
  jsonString,
  jsonInteger,
  jsonFloat,
  fc.boolean(),
);

/**
 * @internal What a string field must refuse: non-strings, among them a valid value wrapped in an
 * array or an object (which `String(x)` or a template string may turn back into a string).
 */
export function notAString(valid: fc.Arbitrary<string>, key: string): fc.Arbitrary<JsonValue> {
  return fc.oneof(
    nonStringJson(),
    valid.map((s) => [s]),
    valid.map((s) => ({ [key]: s })),
  );
}
