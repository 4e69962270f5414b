import fc from 'fast-check';
import { compound, deepMember, dollarKey, int64 } from './dataModel.js';
import { INTERNAL_KEYS, setOwn } from './decoding.js';
import { jsonKey, jsonObject, jsonValue } from './json.js';
import type { JsonObject, JsonValue } from './types.js';

/*
 * Valid didDoc values of one class each (a `session.accept.did-doc-*` rule): a document, coherent
 * with the session or any object, with members that exercise the data model.
 */

/** @internal */
export type DidDocTrait =
  | 'did-doc-int64'
  | 'did-doc-nesting'
  | 'did-doc-compound'
  | 'did-doc-dollar-fields';

const TRAITS: readonly string[] = [
  'did-doc-int64',
  'did-doc-nesting',
  'did-doc-compound',
  'did-doc-dollar-fields',
] satisfies readonly DidDocTrait[];

/** @internal */
export function isDidDocTrait(trait: string | undefined): trait is DidDocTrait {
  return trait !== undefined && TRAITS.includes(trait);
}

type DocMaker = (ctx: { readonly did: string; readonly handle: string }) => JsonObject;

/** `node` directly, in an array, or one object down. */
function somewhere(node: fc.Arbitrary<JsonValue>): fc.Arbitrary<JsonValue> {
  return fc
    .tuple(node, fc.constantFrom('direct', 'array', 'object'))
    .map(([n, how]) => (how === 'direct' ? n : how === 'array' ? [n] : { inner: n }));
}

const MEMBERS: Readonly<Record<DidDocTrait, fc.Arbitrary<[string, JsonValue][]>>> = {
  'did-doc-int64': fc.array(fc.tuple(jsonKey, somewhere(int64)), { minLength: 1, maxLength: 3 }),
  'did-doc-nesting': fc.tuple(jsonKey, deepMember).map((m) => [m]),
  'did-doc-compound': fc.array(fc.tuple(jsonKey, somewhere(compound)), {
    minLength: 1,
    maxLength: 3,
  }),
  'did-doc-dollar-fields': fc.array(fc.tuple(dollarKey, jsonValue), { minLength: 1, maxLength: 3 }),
};

/** @internal A document (the session's own, or any object) with the trait's members added. */
export function didDocWithTrait(
  trait: DidDocTrait,
  coherent: fc.Arbitrary<DocMaker>,
): fc.Arbitrary<DocMaker> {
  // Each call makes a new object: the members are written into it, and the generated `o` is
  // shared by every shrink of this value.
  const base = fc.oneof(
    coherent,
    jsonObject().map(
      (o): DocMaker =>
        () => ({ ...o }),
    ),
  );
  return fc.tuple(base, MEMBERS[trait]).map(
    ([make, members]): DocMaker =>
      (ctx) => {
        const doc = make(ctx);
        for (const [k, v] of members) setOwn(doc, k, v);
        return doc;
      },
  );
}

/**
 * @internal Any object whose keys, at the top or deeper, include names of object internals
 * (`__proto__`, `constructor`, `__dict__`, `keys`…), as own keys.
 */
export const objectWithInternalKeys: fc.Arbitrary<JsonObject> = fc
  .tuple(
    jsonObject(),
    fc.array(fc.tuple(fc.constantFrom(...INTERNAL_KEYS), jsonValue, fc.nat(3)), {
      minLength: 1,
      maxLength: 3,
    }),
  )
  .map(([base, entries]) => {
    const doc: JsonObject = { ...base };
    for (const [key, value, depth] of entries) {
      let node: JsonValue = setOwn({}, key, value);
      for (let i = 0; i < depth; i++) node = i % 2 === 0 ? [node] : { inner: node };
      if (depth === 0) setOwn(doc, key, value);
      else setOwn(doc, `nested${depth}`, node);
    }
    return doc;
  });
