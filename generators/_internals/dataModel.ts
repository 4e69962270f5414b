import fc from 'fast-check';
import { MUST_ACCEPT_DEPTH } from '../../src/spec/rules/index.js';
import { BASE32, charOf, stringOf } from './chars.js';
import { jsonKey, jsonValue } from './json.js';
import type { JsonObject, JsonValue } from './types.js';

/*
 * atproto data beyond plain JSON (https://atproto.com/specs/data-model): 64-bit integers, the
 * compound types `$link`, `$bytes` and blob, record-like objects, unknown `$` fields and deep
 * nesting — valid by construction, and the broken variants the oracle names.
 */

/**
 * The largest double below 2^63. Doubles are sent as their shortest JSON text, which is within
 * half a step (512) of the value: from ±(2^63 - 1024) inwards that text is always a valid int64,
 * while -2^63 itself prints as -9223372036854776000, outside the range.
 */
const INT64_EDGE = 2 ** 63 - 1024;

/**
 * @internal Integers across the signed 64-bit range, as doubles whose JSON text is itself a
 * valid int64 in every language. (2^63, what `9223372036854775807` parses to in JS, prints as
 * 9223372036854775808, so it is never produced.)
 */
export const int64: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-INT64_EDGE, INT64_EDGE, 2 ** 53, 2 ** 53 + 2, -(2 ** 53) - 2, 2 ** 62),
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 63 - 2048),
  // Beyond 32 bits, where 32-bit and double-based decoders go wrong.
  fc
    .tuple(fc.bigInt({ min: 2n ** 31n, max: BigInt(INT64_EDGE) }), fc.boolean())
    .map(([b, negative]) => Math.min(Number(b), INT64_EDGE) * (negative ? -1 : 1)),
);

/** @internal Whole numbers no 64-bit integer text can parse to: well clear of the rounding. */
export const beyondInt64: fc.Arbitrary<number> = fc.constantFrom(
  2 ** 64,
  -(2 ** 64),
  2 ** 63 + 4096,
  -(2 ** 63) - 4096,
  1e30,
  -1e300,
);

/**
 * CIDv1 strings (base32 `b…`) that decode as real CIDs: 36 bytes (version 1, the codec, a
 * sha2-256 multihash header, a 32-byte digest) in 58 characters. The prefix holds the first 30
 * bits, so the next character carries the header's last 2 bits (zero: `a`-`h`); the last one has
 * 2 unused bits, zero as strict base32 decoders require (`a e i m q u y 4`).
 */
function cidOf(prefix: string): fc.Arbitrary<string> {
  return fc
    .tuple(charOf('abcdefgh'), stringOf(BASE32, 50, 50), charOf('aeimquy4'))
    .map(([first, digest, last]) => `${prefix}${first}${digest}${last}`);
}

/** @internal CIDs of DRISL (dag-cbor) data, as atproto writes links. */
export const cidString: fc.Arbitrary<string> = fc.oneof(
  fc.constant('bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a'),
  cidOf('bafyrei'),
);

/** @internal CIDs of raw blobs (codec `raw`), as a blob's `ref` holds. */
export const rawCid: fc.Arbitrary<string> = fc.oneof(
  fc.constant('bafkreiccldh766hwcnuxnf2wh6jgzepf2nlu2lvcllt63eww5p6chi4ity'),
  cidOf('bafkrei'),
);

/** @internal Canonical base64 of some bytes (RFC 4648 section 4), padded or not. */
export const base64String: fc.Arbitrary<string> = fc
  .tuple(fc.uint8Array({ maxLength: 12 }), fc.boolean())
  .map(([bytes, pad]) => {
    const text = btoa(String.fromCharCode(...bytes));
    return pad ? text : text.replace(/=+$/, '');
  });

/** @internal */
export const link: fc.Arbitrary<JsonObject> = cidString.map((c) => ({ $link: c }));

/** @internal */
export const bytes: fc.Arbitrary<JsonObject> = base64String.map((b) => ({ $bytes: b }));

/** @internal */
export const blob: fc.Arbitrary<JsonObject> = fc
  .record(
    {
      ref: rawCid.map((c) => ({ $link: c })),
      mimeType: fc.constantFrom('image/jpeg', 'image/png', 'application/octet-stream'),
      size: fc.integer({ min: 1, max: 10_000_000 }),
    },
    { noNullPrototype: true },
  )
  .map((b) => ({ $type: 'blob', ...b }));

/** @internal Objects shaped like records: a `$type` NSID and a `createdAt` of any JSON type. */
export const recordLike: fc.Arbitrary<JsonObject> = fc
  .tuple(
    fc.constantFrom('com.example.record', 'app.bsky.feed.post', 'com.atproto.server.createSession'),
    fc.oneof(fc.constant('2024-01-01T00:00:00.000Z'), jsonValue),
    jsonValue,
  )
  .map(([type, createdAt, text]) => ({ $type: type, createdAt, text }));

/** @internal A compound value or a record-like object. */
export const compound: fc.Arbitrary<JsonObject> = fc.oneof(link, bytes, blob, recordLike);

/** @internal Unknown `$` keys (never `$type`, `$link` or `$bytes`). */
export const dollarKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('$foo', '$ref', '$id', '$schema', '$', '$$'),
  jsonKey.map((k) => `$x${k}`),
);

/** @internal `leaf` wrapped in `levels` arrays and objects, built without recursion. */
export function nestTo(
  leaf: JsonValue,
  levels: number,
  asArray: (i: number) => boolean,
): JsonValue {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = asArray(i) ? [v] : { k: v };
  return v;
}

/**
 * @internal A didDoc member nested so that the whole session reaches at most MUST_ACCEPT_DEPTH:
 * the session is depth 1, the didDoc 2, the member's outermost container 3.
 */
export const deepMember: fc.Arbitrary<JsonValue> = fc
  .tuple(fc.integer({ min: 1, max: MUST_ACCEPT_DEPTH - 2 }), fc.nat(), jsonValue)
  .map(([levels, pattern, leaf]) =>
    nestTo(typeof leaf === 'object' ? 1 : leaf, levels, (i) => ((pattern >> (i % 30)) & 1) === 1),
  );
