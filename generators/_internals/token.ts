import fc from 'fast-check';
import { did } from './did.js';
import { accessParams, accessParts, encodeJwt, refreshParams, refreshParts } from './jwt.js';
import { opaqueToken } from './opaqueToken.js';

/**
 * Any valid session token string: access and refresh JWTs (for some DID) and opaque strings.
 *
 * @remarks lexicon com.atproto.server.createSession, output `accessJwt` (`"type": "string"`)
 * @public
 */
export function token(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(did(), accessParams()).map(([d, p]) => encodeJwt(accessParts(d, p))),
    fc.tuple(did(), refreshParams()).map(([d, p]) => encodeJwt(refreshParts(d, p))),
    opaqueToken(),
  );
}
