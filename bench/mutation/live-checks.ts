import type { CoherenceRuleId, DidPolicyRuleId } from '../../src/spec/rules/index.js';
import { didOk } from './mutable-did.js';

/*
 * The single-value checks of live mode, written out a second time so that each can carry a
 * seeded bug: the coherence of a session with itself (src/spec/coherence.ts) and the policy of
 * the blessed DID methods (didPolicyViolations in src/spec/did.ts). With no bug both agree with
 * the reference on every value (suites/bench/live-mutation.test.ts). The `aud` claim is checked
 * with the mutable oracle's DID syntax, not the reference's.
 */

export const LIVE_BUGS = [
  // Lax: misses a violation the reference reports.
  'jwt-part-count-unchecked',
  'jwt-array-parts',
  'typ-case-insensitive',
  'typ-optional',
  'refresh-typ-unchecked',
  'sub-did-or-handle',
  'sub-access-only',
  'sub-case-insensitive',
  'aud-did-prefix',
  'aud-optional',
  'exp-equal-ok',
  'exp-string-ok',
  'exp-float-ok',
  'scope-refresh-unchecked',
  'scope-truthy',
  'did-doc-id-lowercase',
  'did-doc-id-optional',
  'aka-without-scheme',
  'aka-substring',
  'handle-all-caps-only',
  'status-takendown-only',
  'status-known-values-only',
  'plc-length-only',
  'plc-case-insensitive',
  'plc-base36',
  'web-slash-path',
  'web-port-any-host',
  'web-port-upper-hex-only',
  // Strict: reports a violation the reference does not.
  'jwt-standard-base64',
  'refresh-typ-at-jwt',
  'sub-plc-only',
  'exp-two-hours-max',
  'scope-known-values',
  'did-doc-required',
  'aka-every',
  'handle-letters-only',
  'status-any-status',
  'plc-upper-base32',
  'web-decode-before-path',
  'web-port-never',
] as const;

export type LiveBug = (typeof LIVE_BUGS)[number];
export type LiveRuleId = CoherenceRuleId | DidPolicyRuleId;

type Json = Record<string, unknown>;
type Token = 'access' | 'refresh';

const TYP: Readonly<Record<Token, string>> = { access: 'at+jwt', refresh: 'refresh+jwt' };
const HANDLE_INVALID = 'handle.invalid';
// The account spec: "active is false" for these.
const INACTIVE = ['takendown', 'suspended', 'deactivated', 'deleted'];

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** The alphabet of a JWT segment; `atob` knows only standard base64 (no `-` or `_`). */
function segmentAlphabet(bug: LiveBug | undefined): RegExp {
  return bug === 'jwt-standard-base64' ? /^[A-Za-z0-9+/]*$/ : /^[A-Za-z0-9_-]*$/;
}

function decodeSegment(segment: string | undefined, bug: LiveBug | undefined): unknown {
  if (segment === undefined || segment === '') return undefined;
  // A length of 4n+1 cannot be base64 of anything.
  if (!segmentAlphabet(bug).test(segment) || segment.length % 4 === 1) return undefined;
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Header and claims of a compact JWT (signature never verified), or undefined. */
function decodeJwt(token: unknown, bug: LiveBug | undefined): [Json, Json] | undefined {
  if (!isString(token)) return undefined;
  const parts = token.split('.');
  // `const [header, payload] = token.split('.')`: neither the count nor the signature is looked at.
  if (bug !== 'jwt-part-count-unchecked') {
    if (parts.length !== 3 || !segmentAlphabet(bug).test(parts[2] as string)) return undefined;
  }
  const header = decodeSegment(parts[0], bug);
  const payload = decodeSegment(parts[1], bug);
  // `typeof x === 'object'` lets arrays through.
  const objectOk = (v: unknown): v is Json =>
    isObject(v) || (bug === 'jwt-array-parts' && Array.isArray(v));
  return objectOk(header) && objectOk(payload) ? [header, payload] : undefined;
}

function typOk(typ: unknown, token: Token, bug: LiveBug | undefined): boolean {
  if (bug === 'refresh-typ-unchecked' && token === 'refresh') return true;
  if (bug === 'typ-optional' && typ === undefined) return true;
  // One constant for both tokens.
  const want = bug === 'refresh-typ-at-jwt' ? TYP.access : TYP[token];
  if (bug === 'typ-case-insensitive' && isString(typ)) return typ.toLowerCase() === want;
  return typ === want;
}

function subOk(sub: unknown, session: Json, token: Token, bug: LiveBug | undefined): boolean {
  if (bug === 'sub-access-only' && token === 'refresh') return true;
  if (bug === 'sub-plc-only' && !(isString(sub) && sub.startsWith('did:plc:'))) return false;
  if (sub === session.did) return true;
  // A client that takes whichever account identifier it finds.
  if (bug === 'sub-did-or-handle') return isString(sub) && sub === session.handle;
  if (bug === 'sub-case-insensitive' && isString(sub) && isString(session.did)) {
    return sub.toLowerCase() === session.did.toLowerCase();
  }
  return false;
}

function audOk(aud: unknown, bug: LiveBug | undefined): boolean {
  if (bug === 'aud-optional' && aud === undefined) return true;
  if (bug === 'aud-did-prefix') return isString(aud) && aud.startsWith('did:');
  return didOk(aud);
}

function lifetimeOk(iatIn: unknown, expIn: unknown, bug: LiveBug | undefined): boolean {
  // `Number(claim)`: numeric strings pass.
  const num = (v: unknown): unknown => (bug === 'exp-string-ok' && isString(v) ? Number(v) : v);
  const iat = num(iatIn);
  const exp = num(expIn);
  const whole = (v: unknown): v is number =>
    bug === 'exp-float-ok' ? typeof v === 'number' && Number.isFinite(v) : Number.isInteger(v);
  if (!whole(iat) || !whole(exp)) return false;
  // The access token's two hours applied to the 90-day refresh token too.
  if (bug === 'exp-two-hours-max' && exp - iat > 7200) return false;
  return bug === 'exp-equal-ok' ? exp >= iat : exp > iat;
}

function scopeOk(scope: unknown, token: Token, bug: LiveBug | undefined): boolean {
  if (bug === 'scope-refresh-unchecked' && token === 'refresh') return true;
  // `if (!claims.scope)`.
  if (bug === 'scope-truthy') return Boolean(scope);
  // App-password scopes (com.atproto.appPass, ...) forgotten.
  if (bug === 'scope-known-values') {
    return scope === (token === 'access' ? 'com.atproto.access' : 'com.atproto.refresh');
  }
  return isString(scope);
}

function tokenViolations(session: Json, token: Token, bug: LiveBug | undefined): CoherenceRuleId[] {
  const value = session[token === 'access' ? 'accessJwt' : 'refreshJwt'];
  if (value === undefined) return [];
  const jwt = decodeJwt(value, bug);
  if (jwt === undefined) return ['coherence.token.jwt-shape'];
  const [header, claims] = jwt;
  const out: CoherenceRuleId[] = [];
  if (!typOk(header.typ, token, bug)) {
    out.push(token === 'access' ? 'coherence.token.access-typ' : 'coherence.token.refresh-typ');
  }
  if (!subOk(claims.sub, session, token, bug)) out.push('coherence.token.sub-is-did');
  if (!audOk(claims.aud, bug)) out.push('coherence.token.aud-is-did');
  if (!lifetimeOk(claims.iat, claims.exp, bug)) out.push('coherence.token.exp-after-iat');
  if (!scopeOk(claims.scope, token, bug)) out.push('coherence.token.scope');
  return out;
}

function akaClaims(aka: unknown, handle: string, bug: LiveBug | undefined): boolean {
  const want = `at://${handle.toLowerCase()}`;
  const entries = Array.isArray(aka) ? aka.filter(isString).map((a) => a.toLowerCase()) : [];
  // `every` written for `some`: other names the account had are refused.
  if (bug === 'aka-every') return entries.length > 0 && entries.every((a) => a === want);
  if (entries.includes(want)) return true;
  // `at://` stripped before comparing: a bare handle counts.
  if (bug === 'aka-without-scheme') {
    return entries.some((a) => a.replace(/^at:\/\//, '') === handle.toLowerCase());
  }
  // A substring search over the stringified list (or a lone string).
  if (bug === 'aka-substring')
    return String(aka ?? '')
      .toLowerCase()
      .includes(want);
  return false;
}

function didDocViolations(session: Json, bug: LiveBug | undefined): CoherenceRuleId[] {
  const { did, handle, didDoc } = session;
  // `session.didDoc?.id !== session.did`: a session without didDoc fails.
  if (!isObject(didDoc)) {
    return bug === 'did-doc-required' && didDoc === undefined
      ? ['coherence.did-doc.id-is-did']
      : [];
  }
  const out: CoherenceRuleId[] = [];
  const id = didDoc.id;
  const idOk =
    id === did ||
    (bug === 'did-doc-id-optional' && id === undefined) ||
    (bug === 'did-doc-id-lowercase' &&
      isString(id) &&
      isString(did) &&
      id.toLowerCase() === did.toLowerCase());
  if (!idOk) out.push('coherence.did-doc.id-is-did');
  if (
    isString(handle) &&
    handle !== HANDLE_INVALID &&
    !akaClaims(didDoc.alsoKnownAs, handle, bug)
  ) {
    out.push('coherence.did-doc.aka-handle');
  }
  return out;
}

function handleNotLowercase(handle: string, bug: LiveBug | undefined): boolean {
  // Only an all-capitals handle looks "not normalized".
  if (bug === 'handle-all-caps-only')
    return /[A-Z]/.test(handle) && handle === handle.toUpperCase();
  // Normalized taken as "letters and dots only": digits and hyphens flagged too.
  if (bug === 'handle-letters-only') return /[^a-z.]/.test(handle);
  return /[A-Z]/.test(handle);
}

function inactiveStatuses(bug: LiveBug | undefined): readonly string[] {
  if (bug === 'status-takendown-only') return ['takendown'];
  // The lexicon's knownValues, which lack `deleted`.
  if (bug === 'status-known-values-only') return ['takendown', 'suspended', 'deactivated'];
  return INACTIVE;
}

function inactiveStatus(status: string, bug: LiveBug | undefined): boolean {
  // Any status taken to mean inactive, though desynchronized and throttled may be active.
  return bug === 'status-any-status' || inactiveStatuses(bug).includes(status);
}

const COHERENCE_ORDER: readonly CoherenceRuleId[] = [
  'coherence.token.jwt-shape',
  'coherence.token.access-typ',
  'coherence.token.refresh-typ',
  'coherence.token.sub-is-did',
  'coherence.token.aud-is-did',
  'coherence.token.exp-after-iat',
  'coherence.token.scope',
  'coherence.did-doc.id-is-did',
  'coherence.did-doc.aka-handle',
  'coherence.handle.lowercase',
  'coherence.status.inactive',
];

/** Every coherence rule a session breaks, in catalogue order; `bug` seeds one mistake. */
export function liveCoherence(session: unknown, bug?: LiveBug): CoherenceRuleId[] {
  if (!isObject(session)) return [];
  const found = new Set<CoherenceRuleId>([
    ...tokenViolations(session, 'access', bug),
    ...tokenViolations(session, 'refresh', bug),
    ...didDocViolations(session, bug),
  ]);
  const { handle, status, active } = session;
  if (isString(handle) && handleNotLowercase(handle, bug)) found.add('coherence.handle.lowercase');
  if (isString(status) && active === true && inactiveStatus(status, bug)) {
    found.add('coherence.status.inactive');
  }
  return COHERENCE_ORDER.filter((id) => found.has(id));
}

function plcIdentifierOk(id: string, bug: LiveBug | undefined): boolean {
  const char =
    bug === 'plc-length-only'
      ? /^.$/
      : bug === 'plc-case-insensitive'
        ? /^[a-z2-7]$/i
        : // base36 taken for base32.
          bug === 'plc-base36'
          ? /^[a-z0-9]$/
          : // The RFC 4648 alphabet, which is upper case.
            bug === 'plc-upper-base32'
            ? /^[A-Z2-7]$/
            : /^[a-z2-7]$/;
  return id.length === 24 && id.split('').every((c) => char.test(c));
}

function webViolations(id: string, bug: LiveBug | undefined): DidPolicyRuleId[] {
  const out: DidPolicyRuleId[] = [];
  // A path looked for as in a URL (`/`), or after decoding the port's `%3A`.
  const path =
    bug === 'web-slash-path'
      ? id.includes('/')
      : bug === 'web-decode-before-path'
        ? id.replace(/%3a/gi, ':').includes(':')
        : id.includes(':');
  if (path) out.push('did.web.hostname-only');
  const port = bug === 'web-port-upper-hex-only' ? id.indexOf('%3A') : id.search(/%3a/i);
  if (port !== -1 && bug !== 'web-port-any-host') {
    if (bug === 'web-port-never' || id.slice(0, port).toLowerCase() !== 'localhost') {
      out.push('did.web.port-localhost-only');
    }
  }
  return out;
}

/** Every method-policy rule a (syntactically valid) DID breaks; `bug` seeds one mistake. */
export function livePolicy(did: string, bug?: LiveBug): DidPolicyRuleId[] {
  if (did.startsWith('did:plc:')) {
    return plcIdentifierOk(did.slice('did:plc:'.length), bug) ? [] : ['did.plc.identifier-format'];
  }
  if (did.startsWith('did:web:')) return webViolations(did.slice('did:web:'.length), bug);
  return [];
}
