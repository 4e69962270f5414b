import { isPlainObject } from './data-model.js';
import { isValidDid } from './did.js';
import { INVALID_HANDLE } from './handle.js';
import { ACCESS_TOKEN_TYP, decodeJwt, REFRESH_TOKEN_TYP } from './jwt.js';
import { COHERENCE_RULES, type CoherenceRuleId, inOrder, rejectIds } from './rules/index.js';

/*
 * Coherence of a (lexicon-valid) session with itself: SHOULD-level, checked on what a live server
 * returns. Every check is skipped when the fields it needs are absent.
 */

/** Statuses for which the account spec says "active is false". */
export const INACTIVE_STATUSES: readonly string[] = [
  'takendown',
  'suspended',
  'deactivated',
  'deleted',
];

function tokenViolations(token: unknown, typ: string, did: unknown): Set<CoherenceRuleId> {
  const found = new Set<CoherenceRuleId>();
  if (token === undefined) return found;
  const jwt = decodeJwt(token);
  if (jwt === undefined) {
    found.add('coherence.token.jwt-shape');
    return found;
  }
  const { header, payload } = jwt;
  if (header.typ !== typ) {
    found.add(
      typ === ACCESS_TOKEN_TYP ? 'coherence.token.access-typ' : 'coherence.token.refresh-typ',
    );
  }
  if (payload.sub !== did) found.add('coherence.token.sub-is-did');
  if (!isValidDid(payload.aud)) found.add('coherence.token.aud-is-did');
  const { iat, exp } = payload;
  if (!Number.isInteger(iat) || !Number.isInteger(exp) || (exp as number) <= (iat as number)) {
    found.add('coherence.token.exp-after-iat');
  }
  if (typeof payload.scope !== 'string') found.add('coherence.token.scope');
  return found;
}

/** Every coherence rule the session breaks, in catalogue order. */
export function coherenceViolations(session: unknown): CoherenceRuleId[] {
  if (!isPlainObject(session)) return [];
  const { did, handle, didDoc, status, active } = session;
  const found = new Set<CoherenceRuleId>([
    ...tokenViolations(session.accessJwt, ACCESS_TOKEN_TYP, did),
    ...tokenViolations(session.refreshJwt, REFRESH_TOKEN_TYP, did),
  ]);
  if (isPlainObject(didDoc)) {
    if (didDoc.id !== did) found.add('coherence.did-doc.id-is-did');
    if (typeof handle === 'string' && handle !== INVALID_HANDLE) {
      const want = `at://${handle}`.toLowerCase();
      const aka = Array.isArray(didDoc.alsoKnownAs) ? didDoc.alsoKnownAs : [];
      if (!aka.some((a) => typeof a === 'string' && a.toLowerCase() === want)) {
        found.add('coherence.did-doc.aka-handle');
      }
    }
  }
  if (typeof handle === 'string' && /[A-Z]/.test(handle)) found.add('coherence.handle.lowercase');
  if (typeof status === 'string' && INACTIVE_STATUSES.includes(status) && active === true) {
    found.add('coherence.status.inactive');
  }
  return inOrder(ORDER, found);
}

const ORDER: readonly CoherenceRuleId[] = rejectIds(COHERENCE_RULES);
