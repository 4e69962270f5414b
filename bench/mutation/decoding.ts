import type { Bug } from './bugs.js';

/*
 * Seeded bugs in how a decoder reads JSON, built the way real decoders work: Go's encoding/json
 * (case-insensitive keys with Unicode folding, last match wins, missing fields zero-valued, lone
 * surrogates replaced by U+FFFD), pydantic aliases, serde's positional structs, JS copies that
 * turn an own `__proto__` key into a prototype. `decoded` returns the value as such a decoder
 * hands it to the checks (REFUSED when it gives up).
 */

export const DECODING_BUGS = [
  // Lax.
  'go-fold-keys',
  'pydantic-aliases',
  'serde-positional',
  'js-object-assign',
  'js-assign-did-doc',
  'go-zero-values',
  'go-replace-surrogates',
  'go-replace-surrogates-doc',
  'unbounded-integers',
  'bytes-unchecked',
  'link-unchecked',
  'blob-unchecked',
  'type-field-unchecked',
  'compound-top-level-ok',
  // Strict.
  'go-fold-keys-typed',
  'pydantic-aliases-typed',
  'float64-safe-integers',
  'int32-integers',
  'depth-limit-32',
  'dollar-keys-refused',
  'record-created-at',
] as const;

export type DecodingBug = (typeof DECODING_BUGS)[number];

export const REFUSED = Symbol('refused');

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go's simple case folding for the letters that matter here: ſ is s, K (Kelvin) is k. */
const fold = (s: string): string =>
  s
    .replace(/\u017F/g, 's')
    .replace(/\u212A/g, 'k')
    .toLowerCase();
const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function setOwn(target: Json, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Keys read into declared fields by `match`; every matching key in order, so the last wins. */
function mapKeys(
  obj: Json,
  declared: readonly string[],
  match: (d: string, k: string) => boolean,
): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) {
    const field = declared.find((d) => match(d, k));
    setOwn(out, field ?? k, v);
  }
  return out;
}

/** Every string and key with lone surrogates replaced, as Go's decoder does (iteratively). */
function replaceSurrogates(value: unknown): unknown {
  const fix = (s: string): string => s.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
  if (typeof value === 'string') return fix(value);
  if (Array.isArray(value)) return value.map(replaceSurrogates);
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) setOwn(out, fix(k), replaceSurrogates(v));
  return out;
}

/** The session as the buggy decoder hands it over. */
export function decoded(
  value: unknown,
  declared: readonly string[],
  required: readonly string[],
  bug: Bug | undefined,
): unknown {
  if (bug === 'serde-positional' && Array.isArray(value)) {
    if (value.length > declared.length) return REFUSED;
    const out: Json = {};
    value.forEach((v, i) => {
      if (v !== null) out[declared[i] as string] = v;
    });
    return out;
  }
  if (!isObject(value)) return value;
  switch (bug) {
    case 'go-fold-keys':
    case 'go-fold-keys-typed':
      return mapKeys(value, declared, (d, k) => fold(d) === fold(k));
    case 'pydantic-aliases':
    case 'pydantic-aliases-typed': {
      // The model's fields are snake_case with the lexicon names as aliases: the alias wins
      // when present, else the field name populates the field (populate_by_name).
      const out = mapKeys(value, declared, (d, k) => d === k);
      for (const d of declared) {
        if (value[d] === undefined && value[snake(d)] !== undefined) out[d] = value[snake(d)];
      }
      return out;
    }
    case 'js-object-assign':
      // [[Set]] of "__proto__" sets the prototype: its fields are then read through it.
      return Object.assign({}, value);
    case 'go-zero-values': {
      const out: Json = { ...value };
      for (const f of required) if (out[f] === undefined) out[f] = '';
      return out;
    }
    case 'go-replace-surrogates':
      return replaceSurrogates(value);
    case 'go-replace-surrogates-doc':
      return value.didDoc === undefined
        ? value
        : { ...value, didDoc: replaceSurrogates(value.didDoc) };
    case 'js-assign-did-doc':
      return isObject(value.didDoc) ? { ...value, didDoc: Object.assign({}, value.didDoc) } : value;
    default:
      return value;
  }
}
