import fc from 'fast-check';
import { ACCESS_TOKEN_TYP, REFRESH_TOKEN_TYP } from '../../src/spec/jwt.js';
import { BASE64, BASE64URL, stringOf } from './chars.js';
import { hostname } from './handlePlans.js';
import type { JsonObject, JsonValue } from './types.js';

/*
 * Session tokens as the reference PDS issues them: compact JWS, base64url without padding.
 * Access: header {typ: at+jwt, alg: HS256}, claims scope, sub (the account DID), aud (the
 * service DID), iat, exp (two hours later). Refresh: typ refresh+jwt, scope com.atproto.refresh,
 * a `jti`, 90 days. Signatures are random: nothing here is ever verified.
 */

/** @internal A token before encoding, so a generator can break one claim. */
export interface JwtParts {
  readonly header: JsonObject;
  readonly payload: JsonObject;
  readonly signature: string;
}

/** @internal What varies between two tokens of the same account. */
export interface TokenParams {
  readonly scope: string;
  readonly aud: string;
  readonly iat: number;
  readonly lifetime: number;
  readonly signature: string;
  readonly jti: string;
}

/** @internal base64url (no padding) of the UTF-8 JSON text of a value. */
export function encodeJson(value: JsonValue): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** @internal */
export function encodeJwt(parts: JwtParts): string {
  return `${encodeJson(parts.header)}.${encodeJson(parts.payload)}.${parts.signature}`;
}

/** @internal A service DID (`did:web:<host>`), the audience of session tokens. */
export const serviceDid: fc.Arbitrary<string> = hostname.map((h) => `did:web:${h}`);

const ACCESS_SCOPES = [
  'com.atproto.access',
  'com.atproto.appPass',
  'com.atproto.appPassPrivileged',
  'com.atproto.takendown',
  'com.atproto.signupQueued',
];

function tokenParams(
  scope: fc.Arbitrary<string>,
  usualLifetime: number,
  aud: fc.Arbitrary<string>,
): fc.Arbitrary<TokenParams> {
  return fc.record(
    {
      scope,
      aud,
      iat: fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }),
      lifetime: fc.oneof(fc.constant(usualLifetime), fc.integer({ min: 1, max: 100_000_000 })),
      signature: stringOf(BASE64URL, 43, 43),
      jti: stringOf(BASE64, 43, 43),
    },
    { noNullPrototype: true },
  );
}

/** @internal Access token parameters; `aud` defaults to a generated service DID. */
export function accessParams(aud: fc.Arbitrary<string> = serviceDid): fc.Arbitrary<TokenParams> {
  return tokenParams(fc.constantFrom(...ACCESS_SCOPES), 7200, aud);
}

/** @internal Refresh token parameters. */
export function refreshParams(aud: fc.Arbitrary<string> = serviceDid): fc.Arbitrary<TokenParams> {
  return tokenParams(fc.constant('com.atproto.refresh'), 7_776_000, aud);
}

/** @internal */
export function accessParts(did: string, p: TokenParams): JwtParts {
  return {
    header: { typ: ACCESS_TOKEN_TYP, alg: 'HS256' },
    payload: { scope: p.scope, sub: did, aud: p.aud, iat: p.iat, exp: p.iat + p.lifetime },
    signature: p.signature,
  };
}

/** @internal */
export function refreshParts(did: string, p: TokenParams): JwtParts {
  return {
    header: { typ: REFRESH_TOKEN_TYP, alg: 'HS256' },
    payload: {
      scope: p.scope,
      sub: did,
      aud: p.aud,
      jti: p.jti,
      iat: p.iat,
      exp: p.iat + p.lifetime,
    },
    signature: p.signature,
  };
}

/** @internal Strings that never decode as a JWT (so `coherence.token.jwt-shape` fails on them). */
export const notJwt: fc.Arbitrary<string> = fc.oneof(
  // The empty string first: it is also where shrinking should end.
  fc.constant(''),
  // No period at all: never three parts.
  fc.string().map((s) => s.replace(/\./g, '_')),
  stringOf('0123456789abcdef', 64, 64),
  stringOf(BASE64URL, 20, 100),
  // Two parts, or four.
  fc.tuple(accessParams(), stringOf(BASE64URL, 1, 20)).map(([p, did]) => {
    const parts = accessParts(`did:plc:${did}`, p);
    return `${encodeJson(parts.header)}.${encodeJson(parts.payload)}`;
  }),
  fc
    .tuple(refreshParams(), stringOf(BASE64URL, 1, 20))
    .map(([p, did]) => `${encodeJwt(refreshParts(`did:plc:${did}`, p))}.${p.signature}`),
  // Three parts whose header is JSON but not an object.
  fc
    .tuple(fc.constantFrom<JsonValue>(['at+jwt'], 'at+jwt', 1, null), stringOf(BASE64URL, 1, 40))
    .map(([header, rest]) => `${encodeJson(header)}.${encodeJson({ sub: rest })}.${rest}`),
);
