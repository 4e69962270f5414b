import type { SessionKind } from '../spec/index.js';

/*
 * Hand-picked edge cases of each kind: values that lax or over-strict validators get wrong. The
 * oracle labels them (src/corpus/examples.ts); a `cause` says what accepting an invalid one, or
 * refusing a valid one, most likely means.
 */

/** An explicit session example. */
export interface Example {
  readonly kind: SessionKind;
  readonly value: unknown;
  readonly cause?: string;
}

export const PLC = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
export const BASE = {
  accessJwt: 'access-token',
  refreshJwt: 'refresh-token',
  handle: 'alice.test',
  did: PLC,
};

export const HANDLE_EDGES: readonly unknown[] = [
  'handle.invalid',
  'example.t',
  'XX.LCS.MIT.EDU',
  `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`,
  `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`,
  'alice.test\n',
  'alice.test\u0000',
  'al\u200Dice.test',
  '\u212Aelvin.test',
  // Letters that case-insensitive Unicode regexes (Python re.I, JS /iu) or upper/lower-casing
  // turn into ASCII: long s, dotless i, dotted capital I, fullwidth a.
  'ali\u017Fe.test',
  '\u0131nfo.test',
  '\u0130stanbul.test',
  '\uFF41lice.test',
  'alice.test\t',
  1,
  true,
  null,
  ['alice.test'],
  { handle: 'alice.test' },
];

export const DID_EDGES: readonly unknown[] = [
  `did:method:${'v'.repeat(2048 - 11)}`,
  `did:method:${'v'.repeat(2049 - 11)}`,
  'did:plc:abc',
  `did:plc:${'a'.repeat(30)}`,
  'did:plc:EWVI7NXZYOUN6ZHXRHS64OIZ',
  'did:web:localhost%3A2583',
  'did:web:example.com%3A8080',
  `${PLC}\n`,
  'did:method:val%zz%',
  'did:\u212Aey:z6Mkabc',
  'did:plc:ewvi7nxzyoun6zhxrh\u017F64oiz',
  'did:\uFF50lc:ewvi7nxzyoun6zhxrhs64oiz',
  0,
  false,
  null,
  [PLC],
  {},
];

export const SESSION_EDGES: readonly Example[] = [
  {
    kind: 'session',
    value: { ...BASE, email: 'alice@example.com', emailConfirmed: false, active: true },
  },
  {
    kind: 'getSession',
    value: {
      handle: 'alice.test',
      did: PLC,
      email: 'alice@test.com',
      emailConfirmed: false,
      active: true,
    },
  },
  ...['deleted', 'desynchronized', 'throttled', 'active', '', 'takendown'].map((status) => ({
    kind: 'session' as const,
    value: { ...BASE, active: false, status },
  })),
  ...['josé@example.com', 'user@localhost', 'not an email', ''].map((email) => ({
    kind: 'session' as const,
    value: { ...BASE, email },
  })),
  { kind: 'session', value: { ...BASE, accessJwt: '', refreshJwt: 'opaque' } },
  { kind: 'session', value: { ...BASE, didDoc: {} } },
  { kind: 'session', value: { ...BASE, didDoc: { id: PLC, n: 7, nested: [{ k: [1, 2] }] } } },
  { kind: 'session', value: { ...BASE, extra: null, nested: { x: 1.5 } } },
  { kind: 'getSession', value: { handle: 'alice.test', did: PLC, accessJwt: 5, refreshJwt: null } },
  { kind: 'session', value: { ...BASE, didDoc: [PLC] } },
  { kind: 'session', value: { ...BASE, didDoc: { id: PLC, service: [{ weight: 0.5 }] } } },
  { kind: 'session', value: { ...BASE, didDoc: { id: PLC, size: 1e30 } } },
  { kind: 'session', value: { ...BASE, status: null } },
  { kind: 'session', value: { ...BASE, email: null } },
  { kind: 'session', value: { ...BASE, didDoc: null } },
  { kind: 'session', value: { ...BASE, status: 5 } },
  { kind: 'session', value: { ...BASE, active: 'true' } },
  { kind: 'session', value: { ...BASE, accessJwt: 5 } },
  { kind: 'session', value: { ...BASE, refreshJwt: ['r'] } },
  { kind: 'session', value: { ...BASE, handle: 1 } },
  { kind: 'getSession', value: { handle: 'alice.test', did: true } },
  { kind: 'session', value: { ...BASE, email: 5 } },
  { kind: 'session', value: { ...BASE, emailConfirmed: 'true' } },
  { kind: 'getSession', value: { handle: 'alice.test', did: PLC, emailAuthFactor: 1 } },
  { kind: 'session', value: { ...BASE, handle: 'john' } },
  { kind: 'session', value: { ...BASE, handle: 'john.0' } },
  { kind: 'session', value: { ...BASE, did: 'did:METHOD:val' } },
  { kind: 'getSession', value: { did: PLC } },
  { kind: 'session', value: { handle: 'alice.test', did: PLC } },
  { kind: 'session', value: [] },
  { kind: 'getSession', value: 'alice.test' },
  { kind: 'session', value: null },
];
