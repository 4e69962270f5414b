import fc from 'fast-check';
import { INACTIVE_STATUSES } from '../../src/spec/coherence.js';
import { INVALID_HANDLE } from '../../src/spec/handle.js';
import {
  COHERENCE_RULES,
  COHERENCE_TOKEN_RULES,
  type CoherenceRuleId,
} from '../../src/spec/rules/index.js';
import type { SessionKind } from '../../src/spec/session.js';
import { upperAscii } from './chars.js';
import { buildDidDoc, didDocParams } from './didDocParts.js';
import { plcDid, webDid } from './didParts.js';
import { applyCase } from './handleAssembly.js';
import { hostname } from './handlePlans.js';
import type { JwtParts } from './jwt.js';
import { notJwt } from './jwt.js';
import { renderSession, type SessionDraft, sessionDraft } from './sessionDraft.js';
import type { JsonObject, JsonValue, Labelled } from './types.js';
import { withCause } from './union.js';

/*
 * One arbitrary per coherence rule: a coherent, lexicon-valid session with one thing made
 * inconsistent (a token claim, the didDoc, the handle's case, active vs status), rebuilt by a
 * `map` so shrinks keep the violation. Token rules need kind `session`.
 */

type Case = fc.Arbitrary<Labelled<CoherenceRuleId>>;
type Which = 'access' | 'refresh' | 'both';

/** @internal The coherence rules about tokens (they need kind `session`). */
export const TOKEN_RULES: readonly CoherenceRuleId[] = COHERENCE_TOKEN_RULES;

function parts(t: JwtParts | string): JwtParts {
  if (typeof t === 'string') throw new TypeError('coherent sessions carry JWT tokens');
  return t;
}

/** A copy of the JSON object without `key` when `value` is undefined, else with it set. */
function set(o: JsonObject, key: string, value: JsonValue | undefined): JsonObject {
  const out = { ...o };
  if (value === undefined) delete out[key];
  else out[key] = value;
  return out;
}

function onTokens(d: SessionDraft, which: Which, change: (p: JwtParts) => JwtParts): SessionDraft {
  return {
    ...d,
    accessJwt: which === 'refresh' ? d.accessJwt : change(parts(d.accessJwt)),
    refreshJwt: which === 'access' ? d.refreshJwt : change(parts(d.refreshJwt)),
  };
}

function claim(key: string, value: JsonValue | undefined): (p: JwtParts) => JwtParts {
  return (p) => ({ ...p, payload: set(p.payload, key, value) });
}

function build<T>(
  kind: SessionKind,
  rule: CoherenceRuleId,
  change: fc.Arbitrary<T>,
  apply: (d: SessionDraft, c: T) => SessionDraft,
): Case {
  return fc
    .tuple(sessionDraft(kind, { coherent: true }), change)
    .map(([d, c]) => ({ value: renderSession(kind, apply(d, c)), violates: [rule] }));
}

const which = fc.constantFrom<Which>('access', 'refresh', 'both');

/** A DID other than `did`. */
function otherDid(did: string, candidate: string): string {
  return candidate === did ? `${candidate}x` : candidate;
}

/** What stands where the session's DID belongs: nothing, another DID, or it in upper case. */
function wrongDid(
  did: string,
  candidate: string,
  how: 'missing' | 'other' | 'upper',
): string | undefined {
  if (how === 'missing') return undefined;
  return how === 'other' ? otherDid(did, candidate) : upperAscii(did);
}

/** One builder per coherence rule, keyed by rule ID (the compiler names a missing one). */
const BUILDERS: Readonly<Record<CoherenceRuleId, (kind: SessionKind) => Case>> = {
  'coherence.did-doc.id-is-did': (kind) =>
    build(
      kind,
      'coherence.did-doc.id-is-did',
      fc.tuple(
        didDocParams,
        fc.oneof(plcDid, webDid),
        fc.constantFrom('missing', 'other', 'upper'),
      ),
      (d, [p, candidate, how]) => {
        const id = wrongDid(d.did, candidate, how);
        return { ...d, didDoc: set(buildDidDoc(d.did, d.handle, p), 'id', id) };
      },
    ),
  'coherence.did-doc.aka-handle': (kind) =>
    build(
      kind,
      'coherence.did-doc.aka-handle',
      fc.tuple(
        didDocParams,
        hostname,
        fc.constantFrom('missing', 'empty', 'other', 'https', 'bare', 'dot', 'string'),
      ),
      (d, [p, host, how]) => {
        // `handle.invalid` claims nothing: the session gets a real handle instead.
        const handle = d.handle === INVALID_HANDLE ? host : d.handle;
        const aka: Record<typeof how, JsonValue | undefined> = {
          missing: undefined,
          empty: [],
          other: [`at://x${handle}`],
          https: [`https://${handle}`],
          bare: [handle],
          dot: [`at://${handle}.`],
          string: `at://${handle}`,
        };
        const doc = set(buildDidDoc(d.did, handle, p), 'alsoKnownAs', aka[how]);
        return { ...d, handle, didDoc: doc };
      },
    ),
  'coherence.handle.lowercase': (kind) =>
    build(
      kind,
      'coherence.handle.lowercase',
      fc.tuple(
        fc.constantFrom<'upper' | 'mixed'>('upper', 'mixed'),
        fc.integer({ min: 0, max: 0x7fffffff }),
      ),
      // The didDoc keeps `at://<lowercase handle>`: handles compare case-insensitively.
      (d, [mode, mask]) => ({ ...d, handle: applyCase(d.handle, mode, mask) }),
    ),
  'coherence.status.inactive': (kind) =>
    build(
      kind,
      'coherence.status.inactive',
      fc.constantFrom(...INACTIVE_STATUSES),
      (d, status) => ({ ...d, status, active: true }),
    ),
  'coherence.token.jwt-shape': (kind) =>
    build(kind, 'coherence.token.jwt-shape', fc.tuple(which, notJwt, notJwt), (d, [w, a, r]) => ({
      ...d,
      accessJwt: w === 'refresh' ? d.accessJwt : a,
      refreshJwt: w === 'access' ? d.refreshJwt : r,
    })),
  'coherence.token.access-typ': (kind) =>
    build(
      kind,
      'coherence.token.access-typ',
      fc.constantFrom(undefined, 'JWT', 'refresh+jwt', 'AT+JWT', 'at+jwt ', 'dpop+jwt'),
      (d, typ) => onTokens(d, 'access', (p) => ({ ...p, header: set(p.header, 'typ', typ) })),
    ),
  'coherence.token.refresh-typ': (kind) =>
    build(
      kind,
      'coherence.token.refresh-typ',
      fc.constantFrom(undefined, 'JWT', 'at+jwt', 'REFRESH+JWT', 'refresh'),
      (d, typ) => onTokens(d, 'refresh', (p) => ({ ...p, header: set(p.header, 'typ', typ) })),
    ),
  'coherence.token.sub-is-did': (kind) =>
    build(
      kind,
      'coherence.token.sub-is-did',
      fc.tuple(
        which,
        fc.oneof(plcDid, webDid),
        fc.constantFrom('missing', 'other', 'handle', 'upper'),
      ),
      (d, [w, candidate, how]) => {
        const sub = how === 'handle' ? d.handle : wrongDid(d.did, candidate, how);
        return onTokens(d, w, claim('sub', sub));
      },
    ),
  'coherence.token.aud-is-did': (kind) =>
    build(
      kind,
      'coherence.token.aud-is-did',
      fc.tuple(
        which,
        hostname,
        fc.constantFrom('missing', 'url', 'host', 'number', 'array', 'colon', 'upper', 'empty'),
      ),
      (d, [w, host, how]) => {
        const aud: Record<typeof how, JsonValue | undefined> = {
          missing: undefined,
          url: `https://${host}`,
          host,
          number: 443,
          array: [`did:web:${host}`],
          colon: 'did:web:',
          upper: `DID:web:${host}`,
          empty: '',
        };
        return onTokens(d, w, claim('aud', aud[how]));
      },
    ),
  'coherence.token.exp-after-iat': (kind) =>
    build(
      kind,
      'coherence.token.exp-after-iat',
      fc.tuple(
        which,
        fc.constantFrom('equal', 'before', 'no-exp', 'no-iat', 'float-iat', 'string-exp'),
        fc.integer({ min: 1, max: 100_000 }),
      ),
      (d, [w, how, k]) =>
        onTokens(d, w, (p) => {
          const iat = p.payload.iat as number;
          const changes: Record<typeof how, [string, JsonValue | undefined]> = {
            equal: ['exp', iat],
            before: ['exp', iat - k],
            'no-exp': ['exp', undefined],
            'no-iat': ['iat', undefined],
            'float-iat': ['iat', iat + 0.5],
            'string-exp': ['exp', String(p.payload.exp)],
          };
          const [key, value] = changes[how];
          return claim(key, value)(p);
        }),
    ),
  'coherence.token.scope': (kind) =>
    build(
      kind,
      'coherence.token.scope',
      fc.tuple(
        which,
        fc.constantFrom<JsonValue | undefined>(
          undefined,
          42,
          ['com.atproto.access'],
          null,
          {},
          true,
        ),
      ),
      (d, [w, scope]) => onTokens(d, w, claim('scope', scope)),
    ),
};

/** @internal The coherence rules a kind can break: token rules need the tokens of `session`. */
export function coherenceRulesOf(kind: SessionKind): readonly CoherenceRuleId[] {
  return COHERENCE_RULES.map((r) => r.id).filter(
    (id) => kind === 'session' || !TOKEN_RULES.includes(id),
  );
}

/** @internal Sessions of the kind that break exactly the rule. */
export function incoherentSessionCase(kind: SessionKind, rule: CoherenceRuleId): Case {
  return withCause(BUILDERS[rule](kind), rule);
}
