import type { Mutant } from './mutants.js';

/*
 * Seeded bugs that copy how real decoders read JSON (decoding.ts) or check the data model
 * (mutable-data-model.ts), each with the technique it copies. Reported as their own table.
 */

// The spec's regexes, compiled case-insensitively in Unicode mode (as `re.I` does in Python).
const HANDLE_IU = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/iu;
const DID_IU = /^did:[a-z]+:[a-z0-9._:%-]*[a-z0-9._-]$/iu;

const STRING_FIELDS = ['accessJwt', 'refreshJwt', 'email', 'status'];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

type Entry = Omit<Mutant, 'id' | 'technique'> & { readonly id?: string };

function of(technique: string, entries: readonly Entry[]): Mutant[] {
  return entries.map((e) => ({ ...e, id: e.id ?? String(e.bug), technique }));
}

export const DECODING_MUTANTS: readonly Mutant[] = [
  ...of('key matching', [
    {
      bug: 'go-fold-keys',
      kind: 'lax',
      rule: 'session.required.accessJwt',
      description: 'Go encoding/json: keys matched case-insensitively with folding (`acceſſJwt`)',
    },
    {
      bug: 'go-fold-keys-typed',
      kind: 'strict',
      rule: 'session.accept.unknown-fields',
      description: 'Go encoding/json: a later twin (`AccessJwt: 5`) overwrites the field',
    },
    {
      bug: 'pydantic-aliases',
      kind: 'lax',
      rule: 'session.required.accessJwt',
      description: 'pydantic populate_by_name: `access_jwt` stands in for `accessJwt`',
    },
    {
      bug: 'pydantic-aliases-typed',
      kind: 'strict',
      rule: 'session.accept.unknown-fields',
      description: 'pydantic aliases: without `didDoc`, a wrong-typed `did_doc` is validated as it',
    },
  ]),
  ...of('case folding', [
    {
      id: 'handle-regex-iu',
      kind: 'lax',
      rule: 'handle.chars.allowed',
      description: 'the handle regex with flags `iu`: K (Kelvin) and ſ match [a-z]',
      accepts: (kind, v) =>
        kind === 'handle' && typeof v === 'string' && v.length <= 253 && HANDLE_IU.test(v),
    },
    {
      id: 'did-regex-iu',
      kind: 'lax',
      rule: 'did.chars.allowed',
      description: 'the DID regex with flags `iu`: K (Kelvin) and ſ match [a-z]',
      accepts: (kind, v) =>
        kind === 'did' && typeof v === 'string' && v.length <= 2048 && DID_IU.test(v),
    },
  ]),
  ...of('positional decoding', [
    {
      bug: 'serde-positional',
      kind: 'lax',
      rule: 'session.top-level.object',
      description: 'serde: an array is read as the struct fields in order, null as None',
    },
  ]),
  ...of('object internals', [
    {
      bug: 'js-object-assign',
      kind: 'lax',
      rule: 'session.required.accessJwt',
      description: 'Object.assign copy: an own `__proto__` key becomes the prototype',
    },
    {
      bug: 'js-assign-did-doc',
      kind: 'lax',
      rule: 'session.field.didDoc.no-float',
      description: 'didDoc copied with Object.assign: what `__proto__` holds is never checked',
    },
  ]),
  ...of('zero values', [
    {
      bug: 'go-zero-values',
      kind: 'lax',
      rule: 'session.required.refreshJwt',
      description: 'Go struct: a missing token decodes as ""',
    },
  ]),
  ...of('lone surrogates', [
    {
      bug: 'go-replace-surrogates',
      kind: 'lax',
      rule: 'session.field.unicode',
      description: 'Go encoding/json: lone surrogates become U+FFFD',
    },
    {
      id: 'surrogate-pairs-refused',
      kind: 'strict',
      rule: 'session.accept.unicode-strings',
      description: 'a lone-surrogate check without the `u` flag also refuses surrogate pairs',
      refuses: (_, value) =>
        isObject(value) && STRING_FIELDS.some((f) => /[\uD800-\uDFFF]/.test(String(value[f]))),
    },
    {
      bug: 'go-replace-surrogates-doc',
      kind: 'lax',
      rule: 'session.field.didDoc.unicode',
      description: 'lone surrogates inside didDoc become U+FFFD',
    },
  ]),
  ...of('numbers', [
    {
      bug: 'unbounded-integers',
      kind: 'lax',
      rule: 'session.field.didDoc.no-float',
      description: 'any whole number is an integer (1e30 passes)',
    },
    {
      bug: 'float64-safe-integers',
      kind: 'strict',
      rule: 'session.accept.did-doc-int64',
      description: 'integers checked with Number.isSafeInteger (beyond 2^53 refused)',
    },
    {
      bug: 'int32-integers',
      kind: 'strict',
      rule: 'session.accept.did-doc-int64',
      description: 'integers decoded as 32-bit',
    },
  ]),
  ...of('deep nesting', [
    {
      bug: 'depth-limit-32',
      kind: 'strict',
      rule: 'session.accept.did-doc-nesting',
      description: 'a recursion limit of 32 levels',
    },
  ]),
  ...of('compound types', [
    {
      bug: 'bytes-unchecked',
      kind: 'lax',
      rule: 'session.field.didDoc.bytes',
      description: '`$bytes` objects not checked',
    },
    {
      bug: 'link-unchecked',
      kind: 'lax',
      rule: 'session.field.didDoc.link',
      description: '`$link` objects not checked',
    },
    {
      bug: 'blob-unchecked',
      kind: 'lax',
      rule: 'session.field.didDoc.blob',
      description: 'blobs not checked',
    },
    {
      bug: 'type-field-unchecked',
      kind: 'lax',
      rule: 'session.field.didDoc.type-field',
      description: '`$type` of any type',
    },
    {
      bug: 'compound-top-level-ok',
      kind: 'lax',
      rule: 'session.field.didDoc.not-compound',
      description: 'a didDoc that is itself a `$link`, `$bytes` or blob accepted',
    },
  ]),
  ...of('record-like shapes', [
    {
      bug: 'dollar-keys-refused',
      kind: 'strict',
      rule: 'session.accept.did-doc-dollar-fields',
      description: 'unknown `$` keys refused instead of ignored',
    },
    {
      bug: 'record-created-at',
      kind: 'strict',
      rule: 'session.accept.did-doc-compound',
      description: 'objects with `$type` validated as records (datetime `createdAt`)',
    },
  ]),
];
