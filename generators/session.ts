import type fc from 'fast-check';
import type { SessionKind } from '../src/spec/session.js';
import { renderSession, type SessionTrait, sessionDraft } from './_internals/sessionDraft.js';
import type { JsonObject } from './_internals/types.js';

export type { SessionKind, SessionTrait };

/** @public */
export interface SessionConstraints {
  /** `session` (createSession, refreshSession) or `getSession`. */
  readonly kind: SessionKind;
  /**
   * Only sessions coherent with themselves, as a server should return them: JWT tokens whose
   * `sub` is the DID, a lowercase handle, a didDoc for the DID and handle (or none), and
   * `active` not true for an inactive status. Default: any valid session.
   */
  readonly coherent?: boolean;
  /** Only sessions of this class (each matches one `session.accept.*` rule). */
  readonly trait?: SessionTrait;
}

/**
 * Valid session objects: the required fields of the kind, any subset of the optional ones
 * (didDoc, email, emailConfirmed, emailAuthFactor, active, status), unknown extra fields holding
 * any JSON (for getSession even `accessJwt: 5`, an unknown field there), tokens that are
 * coherent JWTs or opaque strings.
 *
 * @remarks lexicons com.atproto.server.createSession / refreshSession / getSession (output)
 * @public
 */
export function session(constraints: SessionConstraints): fc.Arbitrary<JsonObject> {
  const { kind, coherent = false, trait } = constraints;
  if (trait === 'opaque-tokens' && (kind !== 'session' || coherent)) {
    throw new RangeError('session(): opaque tokens need kind session and coherent false');
  }
  if (trait === 'no-tokens' && kind !== 'getSession') {
    throw new RangeError('session(): the no-tokens trait is for getSession');
  }
  return sessionDraft(kind, { coherent, trait }).map((d) => renderSession(kind, d));
}
