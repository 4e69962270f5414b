import type { SessionField } from '../../src/spec/session.js';
import type { JsonObject, JsonValue } from './types.js';

/*
 * How real decoders read JSON, as values that catch them out:
 * - key matching: Go's encoding/json matches keys case-insensitively with Unicode folding (`ſ` is
 *   `s`, the Kelvin sign `K` is `k`) and the last matching key wins; pydantic's populate_by_name
 *   also takes snake_case aliases. A twin of a declared field is an unknown field to the lexicon.
 * - positional decoding: serde reads a JSON array as a struct's fields in declared order.
 * - keys that are object internals in JS, Python or dict wrappers.
 */

function snake(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** @internal Keys that a case-insensitive, folding or aliasing decoder reads as `field`. */
export function twinKeys(field: SessionField): string[] {
  const twins = new Set<string>([
    field.toUpperCase(),
    field.toLowerCase(),
    field[0]?.toUpperCase() + field.slice(1),
    field.replace(/s/g, '\u017F'),
    field.replace(/k/g, '\u212A'),
    snake(field),
  ]);
  twins.delete(field);
  return [...twins];
}

/** @internal Keys naming internals of a JS object, a Python object or a dict wrapper. */
export const INTERNAL_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  '__dict__',
  '__class__',
  '__init__',
  '__getattr__',
  'keys',
  'items',
  'values',
  'get',
  'copy',
  'update',
  'length',
];

/**
 * @internal Sets an own property, even `__proto__` (plain assignment would set the prototype;
 * JSON.parse makes it an own key, and so does this).
 */
export function setOwn(target: JsonObject, key: string, value: JsonValue): JsonObject {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return target;
}

/** @internal The object with extra own keys added after its own ones (so they are read last). */
export function withKeys(obj: JsonObject, entries: readonly [string, JsonValue][]): JsonObject {
  const out: JsonObject = { ...obj };
  for (const [k, v] of entries) setOwn(out, k, v);
  return out;
}
