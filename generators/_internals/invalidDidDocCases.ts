import fc from 'fast-check';
import { blob, bytes, cidString, link, nestTo } from './dataModel.js';
import { INTERNAL_KEYS, setOwn } from './decoding.js';
import { jsonKey, jsonObject, jsonString } from './json.js';
import type { JsonObject, JsonValue } from './types.js';

/*
 * didDoc values that break exactly one data-model rule (the oracle's faults): a didDoc shaped as
 * a compound type, a bad `$type`, a malformed `$bytes`, `$link` or blob, a lone surrogate. Each
 * broken node sits in a valid document, at its top or nested in an array or object.
 */

/** @internal A string holding one lone surrogate, inserted between code points. */
export const loneSurrogateString: fc.Arbitrary<string> = fc
  .tuple(jsonString, fc.nat(), fc.integer({ min: 0xd800, max: 0xdfff }))
  .map(([s, at, unit]) => {
    const points = Array.from(s);
    points.splice(at % (points.length + 1), 0, String.fromCharCode(unit));
    return points.join('');
  });

/** `node` placed in `base` at `key`: directly, in an array, or one object down. */
function placed(node: fc.Arbitrary<JsonValue>): fc.Arbitrary<JsonObject> {
  // Sometimes under a key that names an object internal (`__proto__`, `constructor`…).
  const key = fc.oneof({ arbitrary: jsonKey, weight: 3 }, fc.constantFrom(...INTERNAL_KEYS));
  return fc
    .tuple(jsonObject(), key, node, fc.constantFrom('direct', 'array', 'object', 'deep'))
    .map(([base, k, n, how]) =>
      setOwn(
        { ...base },
        k,
        how === 'direct'
          ? n
          : how === 'array'
            ? [1, n]
            : how === 'object'
              ? { inner: n }
              : nestTo(n, 40, (i) => i % 2 === 0),
      ),
    );
}

const badType: fc.Arbitrary<JsonValue> = fc.constantFrom(null, '', 123, true, [], {});

const badBytes: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constantFrom<JsonValue>([1, 2, 3], 123, true, null, '!!!', 'a', 'ab=c', 'nFER-_'),
  fc.constantFrom<JsonValue>({}),
);

const badLink: fc.Arbitrary<JsonValue> = fc.constantFrom<JsonValue>(
  1234,
  '.',
  '',
  'example.com',
  'QmbWqxBEKC3P8tqsKc98xmWNzrzDtRLMiMPL8wBuTGsMnR',
  ' bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi',
  null,
);

/** A blob with one field missing or of the wrong kind (never a bad `$link`: another rule). */
const badBlob: fc.Arbitrary<JsonValue> = fc
  .tuple(
    blob,
    fc.constantFrom(
      ['ref', undefined],
      ['ref', 'bafkreiccldh766hwcnuxnf2wh6jgzepf2nlu2lvcllt63eww5p6chi4ity'],
      ['mimeType', undefined],
      ['mimeType', ''],
      ['mimeType', 5],
      ['size', undefined],
      ['size', '10000'],
      ['size', 0],
      ['size', -1],
    ),
  )
  .map(([b, [field, value]]) => {
    const out: JsonObject = { ...b };
    if (value === undefined) delete out[field as string];
    else out[field as string] = value as JsonValue;
    return out;
  });

/** @internal One arbitrary of didDoc values per data-model rule. */
export const INVALID_DID_DOCS = {
  'session.field.didDoc.not-compound': fc.oneof(
    link,
    bytes,
    fc.tuple(blob, jsonObject()).map(([b, extra]) => ({ ...extra, ...b })),
  ),
  'session.field.didDoc.type-field': placed(
    fc.tuple(badType, jsonObject()).map(([t, rest]) => ({ ...rest, $type: t })),
  ),
  'session.field.didDoc.bytes': placed(
    fc.oneof(
      badBytes.map((b) => ({ $bytes: b })),
      fc.tuple(bytes, jsonKey).map(([b, k]) => ({ ...b, [k]: 'extra' })),
    ),
  ),
  'session.field.didDoc.link': placed(
    fc.oneof(
      badLink.map((l) => ({ $link: l })),
      fc.tuple(cidString, jsonKey).map(([c, k]) => ({ $link: c, [k]: 'extra' })),
    ),
  ),
  'session.field.didDoc.blob': placed(badBlob),
  'session.field.didDoc.unicode': fc.oneof(
    placed(loneSurrogateString),
    fc.tuple(jsonObject(), loneSurrogateString).map(([base, key]) => ({ ...base, [key]: 1 })),
  ),
} as const satisfies Readonly<Record<string, fc.Arbitrary<JsonObject>>>;
