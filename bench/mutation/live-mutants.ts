import type { LiveBug, LiveRuleId } from './live-checks.js';

/**
 * A seeded-bug live check: the copy of coherenceViolations / didPolicyViolations with one bug.
 * - `lax`: misses a violation; `rule` is the rule whose cases should expose it.
 * - `strict`: reports a violation on a coherent session or a policy-clean DID; `rule` is the
 *   rule it wrongly reports.
 */
export interface LiveMutant {
  readonly id: string;
  readonly description: string;
  readonly rule: LiveRuleId;
  readonly kind: 'lax' | 'strict';
  readonly bug: LiveBug;
}

function lax(bug: LiveBug, rule: LiveRuleId, description: string): LiveMutant {
  return { id: bug, description, rule, kind: 'lax', bug };
}

function strict(bug: LiveBug, rule: LiveRuleId, description: string): LiveMutant {
  return { id: bug, description, rule, kind: 'strict', bug };
}

const TOKEN_MUTANTS: readonly LiveMutant[] = [
  lax(
    'jwt-part-count-unchecked',
    'coherence.token.jwt-shape',
    '`const [h, p] = token.split(".")`: part count and signature unchecked',
  ),
  lax(
    'jwt-array-parts',
    'coherence.token.jwt-shape',
    "`typeof x === 'object'`: an array header or claims set passes",
  ),
  strict(
    'jwt-standard-base64',
    'coherence.token.jwt-shape',
    'segments decoded with `atob`: `-` and `_` refused',
  ),
  lax('typ-case-insensitive', 'coherence.token.access-typ', '`typ` compared case-insensitively'),
  lax('typ-optional', 'coherence.token.refresh-typ', '`typ` checked only when present'),
  lax(
    'refresh-typ-unchecked',
    'coherence.token.refresh-typ',
    '`typ` checked on the access token only',
  ),
  strict(
    'refresh-typ-at-jwt',
    'coherence.token.refresh-typ',
    '`at+jwt` expected of the refresh token too',
  ),
  lax('sub-did-or-handle', 'coherence.token.sub-is-did', '`sub` may be the DID or the handle'),
  lax('sub-access-only', 'coherence.token.sub-is-did', '`sub` checked on the access token only'),
  lax(
    'sub-case-insensitive',
    'coherence.token.sub-is-did',
    '`sub` compared with the DID case-insensitively',
  ),
  strict('sub-plc-only', 'coherence.token.sub-is-did', '`sub` must be a did:plc'),
  lax('aud-did-prefix', 'coherence.token.aud-is-did', '`aud` only checked to start with `did:`'),
  lax('aud-optional', 'coherence.token.aud-is-did', 'a missing `aud` accepted'),
  lax('exp-equal-ok', 'coherence.token.exp-after-iat', '`exp >= iat` accepted'),
  lax('exp-string-ok', 'coherence.token.exp-after-iat', '`Number(claim)`: string `exp` accepted'),
  lax('exp-float-ok', 'coherence.token.exp-after-iat', 'any finite number as `iat`/`exp`'),
  strict(
    'exp-two-hours-max',
    'coherence.token.exp-after-iat',
    'lifetime capped at two hours on both tokens',
  ),
  lax('scope-refresh-unchecked', 'coherence.token.scope', 'scope checked on the access token only'),
  lax('scope-truthy', 'coherence.token.scope', '`if (!claims.scope)`: any truthy scope'),
  strict(
    'scope-known-values',
    'coherence.token.scope',
    'scope must be com.atproto.access / com.atproto.refresh (app passwords forgotten)',
  ),
];

const SESSION_MUTANTS: readonly LiveMutant[] = [
  lax(
    'did-doc-id-lowercase',
    'coherence.did-doc.id-is-did',
    'didDoc `id` compared after lowercasing',
  ),
  lax('did-doc-id-optional', 'coherence.did-doc.id-is-did', 'didDoc without `id` accepted'),
  strict(
    'did-doc-required',
    'coherence.did-doc.id-is-did',
    '`didDoc?.id !== did`: a session without didDoc fails',
  ),
  lax('aka-without-scheme', 'coherence.did-doc.aka-handle', 'alsoKnownAs compared without `at://`'),
  lax(
    'aka-substring',
    'coherence.did-doc.aka-handle',
    'substring search in the stringified alsoKnownAs',
  ),
  strict(
    'aka-every',
    'coherence.did-doc.aka-handle',
    '`every` for `some`: other alsoKnownAs names refused',
  ),
  lax(
    'handle-all-caps-only',
    'coherence.handle.lowercase',
    'only all-capitals handles flagged (mixed case skipped)',
  ),
  strict(
    'handle-letters-only',
    'coherence.handle.lowercase',
    'normalized taken as `[a-z.]`: digits and hyphens flagged',
  ),
  lax('status-takendown-only', 'coherence.status.inactive', 'only `takendown` treated as inactive'),
  lax(
    'status-known-values-only',
    'coherence.status.inactive',
    "the lexicon's known values only: `deleted` missed",
  ),
  strict(
    'status-any-status',
    'coherence.status.inactive',
    'any status with `active: true` flagged (desynchronized, throttled, ...)',
  ),
];

const POLICY_MUTANTS: readonly LiveMutant[] = [
  lax('plc-length-only', 'did.plc.identifier-format', 'did:plc length checked, not the alphabet'),
  lax(
    'plc-case-insensitive',
    'did.plc.identifier-format',
    'did:plc alphabet matched case-insensitively',
  ),
  lax('plc-base36', 'did.plc.identifier-format', 'base36 `[a-z0-9]` taken for base32'),
  strict(
    'plc-upper-base32',
    'did.plc.identifier-format',
    'the RFC 4648 base32 alphabet `[A-Z2-7]`: lower case refused',
  ),
  lax('web-slash-path', 'did.web.hostname-only', 'did:web path looked for as `/`'),
  strict(
    'web-decode-before-path',
    'did.web.hostname-only',
    '`%3A` decoded before the path check: localhost ports flagged',
  ),
  lax('web-port-any-host', 'did.web.port-localhost-only', 'a port allowed for any host'),
  lax(
    'web-port-upper-hex-only',
    'did.web.port-localhost-only',
    'only `%3A` seen as a port (`%3a` missed)',
  ),
  strict('web-port-never', 'did.web.port-localhost-only', 'a port refused for localhost too'),
];

/** Every live-check mutant: token coherence, the rest of the session, DID method policy. */
export const LIVE_MUTANTS: readonly LiveMutant[] = [
  ...TOKEN_MUTANTS,
  ...SESSION_MUTANTS,
  ...POLICY_MUTANTS,
];
