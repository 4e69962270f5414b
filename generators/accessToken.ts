import fc from 'fast-check';
import { accessParams, accessParts, encodeJwt } from './_internals/jwt.js';

/** @public */
export interface TokenConstraints {
  /** The account DID: the `sub` claim. */
  readonly did: string;
  /** The service DID: the `aud` claim (default: a generated `did:web`). */
  readonly aud?: string;
}

/**
 * Access tokens coherent with a session: header `{"typ":"at+jwt","alg":"HS256"}`, claims `scope`,
 * `sub` (the DID), `aud` (a did:web service DID), integer `iat` and `exp` > `iat`; base64url
 * without padding, random signature.
 *
 * @remarks https://atproto.com/specs/xrpc ("Authentication")
 * @public
 */
export function accessToken(constraints: TokenConstraints): fc.Arbitrary<string> {
  const { did, aud } = constraints;
  return accessParams(aud === undefined ? undefined : fc.constant(aud)).map((p) =>
    encodeJwt(accessParts(did, p)),
  );
}
