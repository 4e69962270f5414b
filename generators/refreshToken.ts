import fc from 'fast-check';
import { encodeJwt, refreshParams, refreshParts } from './_internals/jwt.js';
import type { TokenConstraints } from './accessToken.js';

/**
 * Refresh tokens coherent with a session: header `{"typ":"refresh+jwt","alg":"HS256"}`, claims
 * `scope` `com.atproto.refresh`, `sub` (the DID), `aud`, `jti`, integer `iat` and `exp` > `iat`.
 *
 * @remarks https://atproto.com/specs/xrpc ("Authentication")
 * @public
 */
export function refreshToken(constraints: TokenConstraints): fc.Arbitrary<string> {
  const { did, aud } = constraints;
  return refreshParams(aud === undefined ? undefined : fc.constant(aud)).map((p) =>
    encodeJwt(refreshParts(did, p)),
  );
}
