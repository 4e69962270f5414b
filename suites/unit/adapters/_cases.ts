import type { ValidatorKind } from '../../../src/spec/rules/types.js';
import { readInteropFile } from '../../_helpers/interop.js';

/** One hand-picked value of one kind, named for the test title and for deviation tables. */
export interface Case {
  readonly name: string;
  readonly kind: ValidatorKind;
  readonly value: unknown;
}

const DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';

const TOKENS = {
  // Header {"typ":"at+jwt","alg":"HS256"}, as the reference PDS issues; the lexicon does not care.
  accessJwt: 'eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkaWQ6cGxjOngifQ.c2ln',
  refreshJwt: 'eyJ0eXAiOiJyZWZyZXNoK2p3dCIsImFsZyI6IkhTMjU2In0.eyJzdWIiOiJkaWQ6cGxjOngifQ.c2ln',
};

const DID_DOC = {
  '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
  id: DID,
  alsoKnownAs: ['at://alice.test'],
  verificationMethod: [
    {
      id: `${DID}#atproto`,
      type: 'Multikey',
      controller: DID,
      publicKeyMultibase: 'zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF',
    },
  ],
  service: [
    { id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: 'https://pds.test' },
  ],
};

const MINIMAL_GET = { handle: 'alice.test', did: DID };
const MINIMAL = { ...TOKENS, ...MINIMAL_GET };
const FULL_OPTIONAL = {
  didDoc: DID_DOC,
  email: 'alice@example.com',
  emailConfirmed: true,
  emailAuthFactor: false,
  active: true,
  status: 'takendown',
};

/** Cases every session kind gets: `base` is a valid object of that kind. */
function sessionCases(kind: 'session' | 'getSession', base: object): Case[] {
  const c = (name: string, value: unknown): Case => ({ name, kind, value });
  return [
    c('valid, required fields only', base),
    c('valid, every field', { ...base, ...FULL_OPTIONAL }),
    c('extra fields', { ...base, extra: 1.5, nested: { x: [null] }, labels: null }),
    c('status "deleted" (open set)', { ...base, active: false, status: 'deleted' }),
    c('status "desynchronized"', { ...base, status: 'desynchronized' }),
    c('email josé@example.com (no format)', { ...base, email: 'josé@example.com' }),
    c('email that is no address at all', { ...base, email: 'not an email' }),
    c('didDoc any object of integers', { ...base, didDoc: { a: 1, b: [2, { c: -3 }], d: null } }),
    c('didDoc {} ', { ...base, didDoc: {} }),
    c('null email', { ...base, email: null }),
    c('null status', { ...base, status: null }),
    c('null didDoc', { ...base, didDoc: null }),
    c('null handle', { ...base, handle: null }),
    c('array didDoc', { ...base, didDoc: [DID_DOC] }),
    c('string didDoc', { ...base, didDoc: JSON.stringify(DID_DOC) }),
    c('float at top of didDoc', { ...base, didDoc: { id: DID, x: 1.5 } }),
    c('float in nested didDoc', { ...base, didDoc: { ...DID_DOC, service: [{ weight: 0.5 }] } }),
    c('missing handle', { ...base, handle: undefined }),
    c('missing did', { ...base, did: undefined }),
    c('active as a string', { ...base, active: 'true' }),
    c('emailConfirmed as a number', { ...base, emailConfirmed: 1 }),
    c('status as a number', { ...base, status: 1 }),
    c('invalid handle inside (single label)', { ...base, handle: 'john' }),
    c('invalid handle inside (TLD starts with a digit)', { ...base, handle: 'john.0' }),
    c('invalid handle inside (254 chars)', { ...base, handle: `${'a.'.repeat(125)}test` }),
    c('invalid handle inside (trailing newline)', { ...base, handle: 'alice.test\n' }),
    c('invalid DID inside', { ...base, did: 'did:METHOD:val' }),
    c('DID of 2049 chars inside', { ...base, did: `did:method:${'v'.repeat(2038)}` }),
    c('handle.invalid', { ...base, handle: 'handle.invalid' }),
    c('top level array', [base]),
    c('top level string', JSON.stringify(base)),
    c('top level null', null),
    c('top level number', 42),
  ];
}

export const SESSION_CASES: readonly Case[] = [
  ...sessionCases('session', MINIMAL),
  { name: 'missing accessJwt', kind: 'session', value: { ...MINIMAL, accessJwt: undefined } },
  { name: 'missing refreshJwt', kind: 'session', value: { ...MINIMAL_GET, accessJwt: 'a' } },
  { name: 'null accessJwt', kind: 'session', value: { ...MINIMAL, accessJwt: null } },
  { name: 'numeric refreshJwt', kind: 'session', value: { ...MINIMAL, refreshJwt: 7 } },
  { name: 'opaque non-JWT tokens', kind: 'session', value: { ...MINIMAL, accessJwt: 'x' } },
  {
    name: 'getSession body without tokens',
    kind: 'session',
    value: { ...MINIMAL_GET, email: 'alice@test.com', emailConfirmed: false, active: true },
  },
  ...sessionCases('getSession', MINIMAL_GET),
  {
    name: 'valid getSession without tokens (PDS shape)',
    kind: 'getSession',
    value: { ...MINIMAL_GET, email: 'alice@test.com', emailConfirmed: false, active: true },
  },
  {
    name: 'tokens are unknown fields',
    kind: 'getSession',
    value: { ...MINIMAL_GET, accessJwt: 1 },
  },
  {
    name: 'null token is an unknown field',
    kind: 'getSession',
    value: { ...MINIMAL, refreshJwt: null },
  },
];

/** Non-string values and other edge cases of the syntax kinds, beyond the interop vectors. */
export const SYNTAX_CASES: readonly Case[] = [
  ...(['handle', 'did'] as const).flatMap((kind) => [
    { name: 'number', kind, value: 42 },
    { name: 'null', kind, value: null },
    { name: 'undefined', kind, value: undefined },
    { name: 'array', kind, value: ['alice.test'] },
    { name: 'object', kind, value: { value: 'alice.test' } },
  ]),
  { name: 'exactly 253 chars', kind: 'handle', value: `${'a.'.repeat(125)}ttt` },
  { name: '254 chars', kind: 'handle', value: `${'a.'.repeat(125)}tttt` },
  { name: 'trailing newline', kind: 'handle', value: 'alice.test\n' },
  { name: 'exactly 2048 chars', kind: 'did', value: `did:method:${'v'.repeat(2037)}` },
  { name: '2049 chars', kind: 'did', value: `did:method:${'v'.repeat(2038)}` },
  { name: 'trailing newline', kind: 'did', value: `${DID}\n` },
];

/** A value's name in test titles and deviation tables: its JSON, shortened when long. */
export function valueName(value: string): string {
  const json = JSON.stringify(value);
  return json.length <= 60 ? json : `${json.slice(0, 40)}… (${value.length} chars)`;
}

function interop(kind: 'handle' | 'did', file: string): Case[] {
  return readInteropFile(file).map((value) => ({ name: valueName(value), kind, value }));
}

export const INTEROP_CASES: readonly Case[] = [
  ...interop('handle', 'handle_syntax_valid.txt'),
  ...interop('handle', 'handle_syntax_invalid.txt'),
  ...interop('did', 'did_syntax_valid.txt'),
  ...interop('did', 'did_syntax_invalid.txt'),
];

export const ALL_CASES: readonly Case[] = [...INTEROP_CASES, ...SYNTAX_CASES, ...SESSION_CASES];
