import fc from 'fast-check';
import { BASE32, charOf, DIGITS, HEX, LOWER, stringOf, UPPER } from './chars.js';
import { hostname } from './handlePlans.js';

/*
 * DID syntax (https://atproto.com/specs/did): `did:`, a method of lowercase letters, `:`, then an
 * identifier of ASCII letters, digits and `._:%-` that does not end in `:` or `%`. A `%` is always
 * followed by two hex digits here: the spec lets validators accept or reject a bare `%`, so it is
 * never generated.
 */

/** @internal Identifier characters other than `:` and `%` (also the allowed last characters). */
export const idChar: fc.Arbitrary<string> = charOf(`${LOWER}${LOWER}${UPPER}${DIGITS}._-`);

/** @internal `%` and two hex digits, either case. */
export const percentTriplet: fc.Arbitrary<string> = fc
  .tuple(charOf(HEX), charOf(HEX))
  .map(([a, b]) => `%${a}${b}`);

/** @internal One to four colons in a row. */
export const colonRun: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 4 }).map((n) => ':'.repeat(n)),
  fc.constant('::::'),
);

/** @internal A piece of an identifier: a character, a percent-encoded byte or colons. */
export const idToken: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: idChar, weight: 8 },
  percentTriplet,
  colonRun,
);

/** @internal A method-specific identifier: tokens, then a character that may end a DID. */
export function identifier(maxTokens = 24): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(idToken, { maxLength: maxTokens }), idChar)
    .map(([tokens, last]) => `${tokens.join('')}${last}`);
}

/** @internal DID methods: one or more lowercase letters. */
export const method: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('plc', 'web', 'key', 'example', 'ion', 'pkh', 'webvh'),
  stringOf(LOWER, 1, 10),
);

/** @internal A did:plc identifier: 24 characters of base32. */
export const plcIdentifier: fc.Arbitrary<string> = stringOf(BASE32, 24, 24);

/** @internal did:plc DIDs as the PLC directory issues them. */
export const plcDid: fc.Arbitrary<string> = plcIdentifier.map((id) => `did:plc:${id}`);

/** @internal Hostname-level did:web DIDs. */
export const webDid: fc.Arbitrary<string> = hostname.map((h) => `did:web:${h}`);

/** @internal Ports, with the ones local servers use. */
export const port: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(2583, 2582, 3000, 8080, 443),
  fc.integer({ min: 1, max: 65535 }),
);

/** @internal `did:web:localhost%3A<port>`, with the hex-encoded colon in either case. */
export const localhostDid: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('%3A', '%3a'), port)
  .map(([colon, p]) => `did:web:localhost${colon}${p}`);

/** @internal DIDs of any method with a short identifier. */
export const genericDid: fc.Arbitrary<string> = fc
  .tuple(method, identifier())
  .map(([m, id]) => `did:${m}:${id}`);

/**
 * An identifier of exactly `length` characters (at least 1): whole tokens in turn while they fit,
 * then letters, then a final character that may end a DID. Tokens are never cut, so a `%` is
 * always followed by its two hex digits.
 * @internal
 */
export function fillIdentifier(tokens: readonly string[], length: number): string {
  // Parts joined once: `+=` leaves rope strings that cost the garbage collector dearly.
  const body = length - 1;
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; tokens.length > 0; i++) {
    const token = tokens[i % tokens.length] as string;
    if (size + token.length > body) break;
    parts.push(token);
    size += token.length;
  }
  const pad = 'abcXYZ019';
  for (; size < body; size++) parts.push(pad[size % pad.length] as string);
  parts.push('z');
  return parts.join('');
}

/** @internal DIDs of exactly `length` characters. */
export function didOfLength(length: fc.Arbitrary<number>): fc.Arbitrary<string> {
  return fc
    .tuple(length, method, fc.array(idToken, { minLength: 1, maxLength: 20 }))
    .map(([n, m, tokens]) => {
      const prefix = `did:${m}:`;
      return `${prefix}${fillIdentifier(tokens, n - prefix.length)}`;
    });
}

/**
 * Short DIDs (did:plc, did:web, other methods; at most ~120 characters): the base of mutations.
 * @internal
 */
export const shortDid: fc.Arbitrary<string> = fc.oneof(plcDid, webDid, localhostDid, genericDid);
