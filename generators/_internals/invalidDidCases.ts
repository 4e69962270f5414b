import fc from 'fast-check';
import { MAX_DID_LENGTH } from '../../src/spec/did.js';
import type { DID_RULES, DidRuleId } from '../../src/spec/rules/index.js';
import { charOf, DIGITS, insertAt, LOWER, pick, UPPER } from './chars.js';
import { didOfLength, identifier, method, shortDid } from './didParts.js';
import { notAString } from './json.js';
import type { JsonValue, Labelled } from './types.js';

/*
 * One arbitrary per DID rule a validator must enforce, as mutations of short valid DIDs rebuilt
 * by a `map` (so shrinks keep the violation). Characters are inserted only between whole
 * percent-encoded bytes: a `%` followed by anything but two hex digits is never generated.
 */

/** @internal The DID rules with polarity `reject`. */
export type DidRejectRuleId = Extract<(typeof DID_RULES)[number], { polarity: 'reject' }>['id'];

function labelled<R extends DidRuleId>(value: JsonValue, ...violates: R[]): Labelled<R> {
  return { value, violates };
}

/** Where the identifier starts (after `did:<method>:`). */
function identifierStart(d: string): number {
  return d.indexOf(':', 4) + 1;
}

/** Indexes in the identifier where a character can go without splitting `%XX`. */
function safeSpots(d: string): number[] {
  const out: number[] = [];
  for (let i = identifierStart(d); i <= d.length; i++) {
    if (d[i - 1] !== '%' && d[i - 2] !== '%') out.push(i);
  }
  return out;
}

function insertSafely(d: string, n: number, insert: string): string {
  return insertAt(d, pick(safeSpots(d), n), insert);
}

/** Characters outside `[a-zA-Z0-9._:%-]` other than `?#/`: whitespace, punctuation, non-ASCII. */
const DISALLOWED_CHARS = [...' \n\t\0\u200d@!+=~*$&,;[]"\'\\()<>|^`{}é中😀'];

const typeString = notAString(shortDid, 'did').map((v) => labelled(v, 'did.type.string'));

const prefix = fc.oneof(
  fc
    .tuple(
      shortDid,
      fc.constantFrom('DID:', 'Did:', 'dId:', 'did-', 'did.', 'di:', 'did', 'urn:', ''),
    )
    .map(([d, p]) => labelled(`${p}${d.slice(4)}`, 'did.prefix')),
  fc.constant(labelled('', 'did.prefix')),
);

const badMethod = fc
  .string({ unit: charOf(`${LOWER}${UPPER}${DIGITS}._-`), maxLength: 10 })
  .map((m) => (/^[a-z]+$/.test(m) ? `${m[0]?.toUpperCase()}${m.slice(1)}` : m));
const methodLowercase = fc
  .tuple(fc.oneof(badMethod, fc.constantFrom('PLC', 'Web', 'plc2', 'key1', '')), identifier(12))
  .map(([m, id]) => labelled(`did:${m}:${id}`, 'did.method.lowercase'));

const identifierPresent = fc.oneof(
  { arbitrary: method.map((m) => labelled(`did:${m}`, 'did.identifier.present')), weight: 4 },
  fc.constant(
    labelled('did:', 'did.method.lowercase', 'did.identifier.present', 'did.end.no-colon'),
  ),
);

// Letters and digits outside ASCII leak through Unicode-aware classes (\p{L}, \d in some engines).
const UNICODE_ALNUM = ['ü', 'а', '٣', 'ｅ', 'é'];

const charsAllowed = fc.oneof(
  // Exactly one trailing `\n`: Python's and PCRE's `$` match before it, JS's does not.
  shortDid.map((d) => labelled(`${d}\n`, 'did.chars.allowed')),
  {
    arbitrary: fc
      .tuple(
        shortDid,
        fc.oneof(fc.constant(-1), fc.nat()),
        fc.oneof(fc.constantFrom(...UNICODE_ALNUM), fc.constantFrom(...DISALLOWED_CHARS)),
      )
      .map(([d, n, ch]) =>
        labelled(n === -1 ? `${d}${ch}` : insertSafely(d, n, ch), 'did.chars.allowed'),
      ),
    weight: 3,
  },
);

const queryFragmentPath = fc
  .tuple(
    shortDid,
    fc.oneof(fc.constant(-1), fc.nat()),
    fc.constantFrom('?', '#', '/', '#atproto', '?service-pds', '/path/to', '/'),
  )
  .map(([d, n, s]) =>
    labelled(n === -1 ? `${d}${s}` : insertSafely(d, n, s), 'did.no-query-fragment-path'),
  );

const endNoColon = fc
  .tuple(shortDid, fc.integer({ min: 1, max: 3 }))
  .map(([d, n]) => labelled(`${d}${':'.repeat(n)}`, 'did.end.no-colon'));

const endNoPercent = fc.oneof(
  shortDid.map((d) => labelled(`${d}%`, 'did.end.no-percent')),
  method.map((m) => labelled(`did:${m}:%`, 'did.end.no-percent')),
);

const lengthMax = didOfLength(
  fc.oneof(
    fc.constant(MAX_DID_LENGTH + 1),
    fc.integer({ min: MAX_DID_LENGTH + 1, max: MAX_DID_LENGTH + 10 }),
    fc.integer({ min: MAX_DID_LENGTH + 1, max: 3 * MAX_DID_LENGTH }),
  ),
).map((d) => labelled(d, 'did.length.max'));

/** @internal */
export const INVALID_DID_CASES: Readonly<
  Record<DidRejectRuleId, fc.Arbitrary<Labelled<DidRuleId>>>
> = {
  'did.type.string': typeString,
  'did.prefix': prefix,
  'did.method.lowercase': methodLowercase,
  'did.identifier.present': identifierPresent,
  'did.chars.allowed': charsAllowed,
  'did.no-query-fragment-path': queryFragmentPath,
  'did.end.no-colon': endNoColon,
  'did.end.no-percent': endNoPercent,
  'did.length.max': lengthMax,
};
