import { DATA_MODEL_SPEC, LEXICON_SPEC } from './sources.js';
import { type Keyword, levelOf, type Polarity, type Rule, type Source, spec } from './types.js';

const NESTED_VALID =
  'The (nested) contents of the data object must still be valid under the atproto data model.';

const BOTH = ['session', 'getSession'] as const;

/** A rule of both session kinds, its level from its keyword. */
export function sessionRule<const Id extends string, const P extends Polarity>(rule: {
  readonly id: Id;
  readonly keyword: Keyword;
  readonly polarity: P;
  readonly summary: string;
  readonly source: Source;
  readonly likelyCause?: string;
}) {
  return { ...rule, level: levelOf(rule.keyword), area: 'session', kinds: BOTH } as const;
}

/**
 * How deeply a session value (the session object is depth 1, its `didDoc` depth 2) may nest and
 * still have to be accepted. Deeper values may be refused: the data model recommends protecting
 * against deep nesting, so refusing them is never a failure (a validator that throws or crashes on
 * them is still an error).
 */
export const MUST_ACCEPT_DEPTH = 64;

/** The session's `didDoc` as lexicon `unknown`: an object of atproto data. */
export const DID_DOC_REJECT_RULES = [
  sessionRule({
    id: 'session.field.didDoc.not-compound',
    keyword: 'MUST NOT',
    polarity: 'reject',
    summary:
      '`didDoc` itself is not shaped as a compound type: no `$link` or `$bytes` key, and no `$type` of `blob`.',
    source: spec(
      LEXICON_SPEC,
      'The top-level data object must not have the structure of a compound data type, like blob (`$type: blob`) or CID link (`$link`).',
    ),
    likelyCause: 'the top of didDoc is not checked for compound-type shapes',
  }),
  sessionRule({
    id: 'session.field.didDoc.type-field',
    keyword: 'MUST',
    polarity: 'reject',
    summary: 'Inside `didDoc`, every `$type` field is a non-empty string.',
    source: spec(
      DATA_MODEL_SPEC,
      'In atproto, object nodes often include a string field `$type` that specifies their Lexicon schema.',
    ),
    likelyCause: '`$type` is not checked to be a non-empty string',
  }),
  sessionRule({
    id: 'session.field.didDoc.bytes',
    keyword: 'MUST',
    polarity: 'reject',
    summary:
      'Inside `didDoc`, an object with a `$bytes` key holds that key only, with a base64 string.',
    source: spec(
      DATA_MODEL_SPEC,
      'The JSON encoding for bytes is an object with the single key `$bytes` and string value with the base64-encoded bytes.',
    ),
    likelyCause: '`$bytes` objects are not validated (single key, base64 string)',
  }),
  sessionRule({
    id: 'session.field.didDoc.link',
    keyword: 'MUST',
    polarity: 'reject',
    summary:
      'Inside `didDoc`, an object with a `$link` key holds that key only, with a CID string.',
    source: spec(
      DATA_MODEL_SPEC,
      'The JSON encoding for link is an object with the single key `$link` and the string-encoded CID as a value.',
    ),
    likelyCause: '`$link` objects are not validated (single key, CID string)',
  }),
  sessionRule({
    id: 'session.field.didDoc.blob',
    keyword: 'MUST',
    polarity: 'reject',
    summary:
      'Inside `didDoc`, an object with `$type: "blob"` has a `ref` link, a non-empty `mimeType` and a positive integer `size`.',
    source: spec(
      LEXICON_SPEC,
      `${NESTED_VALID} Nested compound types like blobs and CID links should be validated and transformed as expected.`,
    ),
    likelyCause: 'blobs are not validated (ref link, mimeType, positive size)',
  }),
  sessionRule({
    id: 'session.field.didDoc.unicode',
    keyword: 'MUST',
    polarity: 'reject',
    summary:
      'Every string and object key inside `didDoc` is Unicode text: no lone surrogate (`\\ud800`).',
    source: spec(LEXICON_SPEC, NESTED_VALID),
    likelyCause: 'strings are not checked to be Unicode (Go replaces lone surrogates with U+FFFD)',
  }),
] as const satisfies readonly Rule[];

export const DID_DOC_ACCEPT_RULES = [
  sessionRule({
    id: 'session.accept.did-doc-int64',
    keyword: 'MUST',
    polarity: 'accept',
    summary:
      'Integers anywhere in the signed 64-bit range are valid inside `didDoc`, beyond 2^53 and up to the limits.',
    source: spec(
      DATA_MODEL_SPEC,
      'Note that JSON numbers can have an arbitrary number of digits, but `integer` is limited to 64 bits even ignoring Javascript.',
    ),
    likelyCause:
      'numbers are decoded as doubles and checked against 2^53 (or decoded as 32-bit integers)',
  }),
  sessionRule({
    id: 'session.accept.did-doc-nesting',
    keyword: 'MUST',
    polarity: 'accept',
    summary: `Objects and arrays nested up to ${MUST_ACCEPT_DEPTH} levels (counting the session object) are valid; deeper values may be refused.`,
    // Any data object, however nested; the data model recommends protecting against deep nesting
    // ("It is recommended to use a library that automatically protects against ... deep nesting"),
    // hence the bound.
    source: spec(
      LEXICON_SPEC,
      'An `unknown` type indicates that any data object could appear at this location, with no specific validation.',
    ),
    likelyCause: `the depth limit is below ${MUST_ACCEPT_DEPTH} levels`,
  }),
  sessionRule({
    id: 'session.accept.did-doc-compound',
    keyword: 'MUST',
    polarity: 'accept',
    summary:
      'Inside `didDoc`, well-formed `$link`, `$bytes` and blob objects and record-like objects (`$type`, `createdAt` of any type) are valid.',
    source: spec(LEXICON_SPEC, NESTED_VALID),
    likelyCause:
      'compound types are checked too strictly, or a `$type` object is validated as a known record',
  }),
  sessionRule({
    id: 'session.accept.did-doc-dollar-fields',
    keyword: 'SHOULD',
    polarity: 'accept',
    summary: 'Inside `didDoc`, unknown `$` fields (`$foo`, `$ref`, `$id`) are ignored.',
    source: spec(
      DATA_MODEL_SPEC,
      'Implementations should ignore unknown `$` fields (to allow protocol evolution).',
    ),
    likelyCause: 'keys starting with `$` are refused, or read as JSON Schema or JSON-LD keywords',
  }),
] as const satisfies readonly Rule[];
