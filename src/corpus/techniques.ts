import { MUST_ACCEPT_DEPTH } from '../spec/index.js';
import { BASE, type Example, PLC } from './edges.js';

/*
 * Explicit examples of the ways real decoders read JSON wrong, one group per technique; every
 * one runs before the generated cases (detection never depends on luck). The oracle labels them.
 */

const GET = { handle: BASE.handle, did: BASE.did };
const LINK = { $link: 'bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a' };
const BLOB = { $type: 'blob', ref: LINK, mimeType: 'image/jpeg', size: 10000 };

function session(extra: Record<string, unknown>, omit: readonly string[] = []): unknown {
  const out: Record<string, unknown> = { ...BASE, ...extra };
  for (const k of omit) delete out[k];
  return out;
}

function doc(didDoc: unknown): unknown {
  return { ...BASE, didDoc };
}

/** `leaf` inside `levels` alternating arrays and objects, built without recursion. */
function nest(leaf: unknown, levels: number): unknown {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = i % 2 === 0 ? [v] : { k: v };
  return v;
}

const CASE_INSENSITIVE =
  'keys are matched case-insensitively with Unicode folding (ſ is s), as Go encoding/json does';
const ALIASES = 'snake_case aliases are accepted for declared fields (pydantic populate_by_name)';
const TRIMMED = 'keys are trimmed, or read as dotted paths, before matching declared fields';
const LAST_WINS = 'a twin key is read as the declared field, and the last one wins';

const KEY_MATCHING: readonly Example[] = [
  { kind: 'session', value: session({ AccessJwt: 'a' }, ['accessJwt']), cause: CASE_INSENSITIVE },
  {
    kind: 'session',
    value: session({ 'acce\u017F\u017FJwt': 'a' }, ['accessJwt']),
    cause: CASE_INSENSITIVE,
  },
  {
    kind: 'session',
    value: session({ 'refre\u017FhJwt': 'r' }, ['refreshJwt']),
    cause: CASE_INSENSITIVE,
  },
  { kind: 'session', value: session({ access_jwt: 'a' }, ['accessJwt']), cause: ALIASES },
  {
    kind: 'session',
    value: session({ HANDLE: 'alice.test' }, ['handle']),
    cause: CASE_INSENSITIVE,
  },
  { kind: 'getSession', value: { Did: PLC, handle: 'alice.test' }, cause: CASE_INSENSITIVE },
  { kind: 'session', value: session({ AccessJwt: 5 }), cause: LAST_WINS },
  { kind: 'session', value: session({ 'acce\u017F\u017FJwt': null }), cause: LAST_WINS },
  { kind: 'session', value: session({ access_jwt: {} }), cause: ALIASES },
  { kind: 'session', value: session({ Handle: 'not a handle' }), cause: LAST_WINS },
  { kind: 'session', value: session({ DID: 1 }), cause: LAST_WINS },
  { kind: 'session', value: session({ did_doc: [1.5] }), cause: ALIASES },
  { kind: 'session', value: session({ didDoc: {}, DidDoc: 5 }), cause: LAST_WINS },
  { kind: 'session', value: session({ email_confirmed: 'yes' }), cause: ALIASES },
  { kind: 'session', value: session({ active: true, Active: 'false' }), cause: LAST_WINS },
  { kind: 'session', value: session({ '\u017Ftatus': 5 }), cause: CASE_INSENSITIVE },
  // Keys that trimming or dotted-path lookups (lodash get) read as declared fields.
  {
    kind: 'session',
    value: session({ '': 1, 'didDoc.id': 5, 'handle ': 'x', ' did': 1 }),
    cause: TRIMMED,
  },
  { kind: 'session', value: session({ 'handle ': 'alice.test' }, ['handle']), cause: TRIMMED },
];

const POSITIONAL = 'arrays are decoded positionally into the struct fields, as serde does';

const POSITIONAL_ARRAYS: readonly Example[] = [
  { kind: 'session', value: ['a', 'r', 'alice.test', PLC], cause: POSITIONAL },
  {
    kind: 'session',
    value: ['a', 'r', 'alice.test', PLC, null, null, null, null, null, null],
    cause: POSITIONAL,
  },
  {
    kind: 'session',
    value: ['a', 'r', 'alice.test', PLC, {}, 'a@example.com', true, false, true, 'takendown'],
    cause: POSITIONAL,
  },
  { kind: 'getSession', value: ['alice.test', PLC], cause: POSITIONAL },
];

const PROTO = 'an own `__proto__` key is lost or read through the prototype (Object.assign, `in`)';
const BASE_JSON = JSON.stringify(BASE);

const OBJECT_INTERNALS: readonly Example[] = [
  {
    kind: 'session',
    value: JSON.parse(`{"__proto__":{"handle":5},${BASE_JSON.slice(1)}`),
    cause: PROTO,
  },
  { kind: 'session', value: JSON.parse(`{"__proto__":${BASE_JSON}}`), cause: PROTO },
  {
    kind: 'session',
    value: JSON.parse(
      `{"__proto__":{"handle":"alice.test"},"accessJwt":"a","refreshJwt":"r","did":"${PLC}"}`,
    ),
    cause: PROTO,
  },
  {
    kind: 'session',
    value: session({ constructor: 5, toString: 'x', hasOwnProperty: null, valueOf: [] }),
  },
  {
    kind: 'session',
    value: session({ __dict__: 1, __class__: 'x', __init__: {}, keys: [], items: 1, get: 2 }),
  },
  { kind: 'getSession', value: { ...GET, prototype: {}, length: -1, copy: true, update: 'x' } },
  {
    kind: 'session',
    value: doc(JSON.parse('{"__proto__":{"id":1},"constructor":{"prototype":1}}')),
  },
  { kind: 'session', value: doc({ service: [{ keys: 1, items: [], __dict__: {} }] }) },
  { kind: 'session', value: doc(JSON.parse('{"__proto__":{"x":1.5}}')), cause: PROTO },
  { kind: 'session', value: doc(JSON.parse('{"a":[{"__proto__":{"$link":5}}]}')), cause: PROTO },
  { kind: 'session', value: doc({ constructor: { $bytes: 1 } }) },
];

const NULL_OPTIONAL = 'null is read as an absent optional (Option / Optional / pointer)';
const ZERO = 'a missing field is zero-valued ("" / 0 / false) instead of refused';

const ZERO_VALUES: readonly Example[] = [
  { kind: 'session', value: session({}, ['accessJwt']), cause: ZERO },
  { kind: 'session', value: session({}, ['refreshJwt']), cause: ZERO },
  { kind: 'session', value: session({}, ['accessJwt', 'refreshJwt']), cause: ZERO },
  { kind: 'getSession', value: { handle: 'alice.test' }, cause: ZERO },
  { kind: 'session', value: session({ accessJwt: null }), cause: NULL_OPTIONAL },
  { kind: 'session', value: session({ emailConfirmed: null }), cause: NULL_OPTIONAL },
  { kind: 'session', value: session({ active: null }), cause: NULL_OPTIONAL },
  { kind: 'session', value: session({ emailAuthFactor: null }), cause: NULL_OPTIONAL },
  {
    kind: 'session',
    value: session({ email: '', status: '', emailConfirmed: false, active: false }),
  },
  { kind: 'session', value: session({ accessJwt: '', refreshJwt: '' }) },
  { kind: 'session', value: session({ active: 0 }), cause: 'booleans are read from 0 and 1' },
];

const SURROGATE = 'strings are not checked to be Unicode: a lone surrogate (\\ud800) passes';

const LONE_SURROGATES: readonly Example[] = [
  { kind: 'session', value: session({ email: 'a\ud800@example.com' }), cause: SURROGATE },
  { kind: 'session', value: session({ status: 'x\udfff' }), cause: SURROGATE },
  { kind: 'session', value: session({ accessJwt: '\ud800' }), cause: SURROGATE },
  { kind: 'getSession', value: { ...GET, status: '\udbff\udbff' }, cause: SURROGATE },
  { kind: 'session', value: session({ handle: 'alice\ud800.test' }) },
  { kind: 'session', value: doc({ a: 'x\ud800' }), cause: SURROGATE },
  { kind: 'session', value: doc({ '\udc00': 1 }), cause: SURROGATE },
  { kind: 'session', value: session({ email: '\ud83d\ude00@example.com', status: '\u{10FFFF}' }) },
];

const PRECISION = 'numbers are checked as doubles against 2^53, or read as 32-bit integers';
const BEYOND = 'whole numbers beyond 64 bits are accepted as integers';

const NUMBERS: readonly Example[] = [
  { kind: 'session', value: doc({ n: 2 ** 53, m: -(2 ** 53) - 2 }), cause: PRECISION },
  // -2^63 itself prints as -9223372036854776000 (outside int64): one step inwards.
  { kind: 'session', value: doc({ n: -(2 ** 63) + 1024 }), cause: PRECISION },
  { kind: 'session', value: doc({ n: 2 ** 63 - 1024, m: [2 ** 62, 2 ** 32] }), cause: PRECISION },
  { kind: 'session', value: doc({ n: 2 ** 64 }), cause: BEYOND },
  { kind: 'session', value: doc({ n: -(2 ** 63) - 4096 }), cause: BEYOND },
  { kind: 'session', value: doc({ n: 1e300 }), cause: BEYOND },
  { kind: 'session', value: doc({ n: 5e-324 }) },
  { kind: 'session', value: doc({ n: 4503599627370495.5 }) },
];

const LONG_STRINGS: readonly Example[] = [
  { kind: 'session', value: session({ email: `${'a'.repeat(100_000)}@example.com` }) },
  {
    kind: 'session',
    value: session({ accessJwt: 'x'.repeat(100_000), status: 's'.repeat(10_000) }),
  },
  { kind: 'session', value: doc({ s: 'x'.repeat(100_000) }) },
];

const DEPTH = `the nesting limit is below ${MUST_ACCEPT_DEPTH} levels`;

const DEEP_NESTING: readonly Example[] = [
  // The session is depth 1, the didDoc 2: these reach exactly the depth that must be accepted.
  { kind: 'session', value: doc({ d: nest(1, MUST_ACCEPT_DEPTH - 2) }), cause: DEPTH },
  {
    kind: 'getSession',
    value: { ...GET, didDoc: { d: nest('x', MUST_ACCEPT_DEPTH - 2) } },
    cause: DEPTH,
  },
  { kind: 'session', value: doc({ d: nest(0.5, 1000) }) },
  { kind: 'session', value: doc({ d: nest(1, 1000) }) },
];

const RECORD_LIKE: readonly Example[] = [
  {
    kind: 'session',
    value: doc({ post: { $type: 'app.bsky.feed.post', createdAt: 5, text: 'x' } }),
  },
  {
    kind: 'session',
    value: doc({ $type: 'com.example.record', createdAt: '2024-01-01T00:00:00Z' }),
  },
  {
    kind: 'session',
    value: doc({ a: LINK, b: { $bytes: 'nFERjvLLiw9qm45JrqH9QTzyC2Lu1Xb4ne6+sBrCzI0' }, c: BLOB }),
  },
  { kind: 'session', value: doc({ x: { $foo: 1, $ref: '#/x', $id: 'y' } }) },
  { kind: 'session', value: doc({ $type: '' }) },
  { kind: 'session', value: doc({ $type: 'blob' }) },
  { kind: 'session', value: doc(LINK) },
  { kind: 'session', value: doc(BLOB) },
  { kind: 'session', value: doc({ $bytes: 'AAEC' }) },
  { kind: 'session', value: doc({ b: { ...BLOB, size: 0 } }) },
  { kind: 'session', value: doc({ b: { ...BLOB, mimeType: '' } }) },
  {
    kind: 'session',
    value: doc({ l: { $link: 'QmbWqxBEKC3P8tqsKc98xmWNzrzDtRLMiMPL8wBuTGsMnR' } }),
  },
];

/** Every technique's examples. */
export const TECHNIQUE_EXAMPLES: readonly Example[] = [
  ...KEY_MATCHING,
  ...POSITIONAL_ARRAYS,
  ...OBJECT_INTERNALS,
  ...ZERO_VALUES,
  ...LONE_SURROGATES,
  ...NUMBERS,
  ...LONG_STRINGS,
  ...DEEP_NESTING,
  ...RECORD_LIKE,
];
