import type fc from 'fast-check';
import { notJwt } from './jwt.js';

/**
 * Token strings that are not JWTs (no periods, two or four parts, a header that is not a JSON
 * object). The lexicon types both tokens as plain strings, so they are valid session tokens.
 *
 * @remarks https://atproto.com/specs/xrpc: "Clients should treat the tokens as opaque string tokens"
 * @public
 */
export function opaqueToken(): fc.Arbitrary<string> {
  return notJwt;
}
