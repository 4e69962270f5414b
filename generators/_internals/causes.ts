import type { CoherenceRuleId } from '../../src/spec/rules/index.js';
import type { DidRejectRuleId } from './invalidDidCases.js';
import type { HandleRejectRuleId } from './invalidHandleCases.js';
import type { SessionRejectRuleId } from './invalidSessionCases.js';

/*
 * What a validator that accepts a value breaking the rule most likely does wrong: the default
 * likely-cause text of each invalid-case family, keyed by rule ID (the compiler names a missing
 * one). A case may carry a more precise cause of its own.
 */

const NOT_STRING = 'the value is converted to a string (String(x)) or not type-checked first';
const UNICODE = 'strings are not checked to be Unicode (Go replaces lone surrogates with U+FFFD)';
const TYPE = 'the field type is not checked, or is coerced ("true", 0 and 1, String(x))';
const REQUIRED = 'a missing field is zero-valued or treated as optional';

export const HANDLE_CAUSES: Readonly<Record<HandleRejectRuleId, string>> = {
  'handle.type.string': NOT_STRING,
  'handle.chars.allowed':
    'the character class is wider than [a-zA-Z0-9.-] (\\w, Unicode letters, or lower-casing K to k first)',
  'handle.chars.no-whitespace-control':
    'the input is trimmed, or a regex `$` lets a trailing newline through (match the whole string)',
  'handle.length.max': 'the 253-character limit is missing or off by one',
  'handle.labels.min-two': 'a single label (a bare TLD) is accepted',
  'handle.label.non-empty':
    "empty labels are dropped (split('.').filter(Boolean)) instead of refused",
  'handle.label.no-trailing-dot': 'a trailing dot is stripped, as for DNS names',
  'handle.label.max-length': 'the 63-character label limit is missing or off by one',
  'handle.label.hyphen-edges': 'labels are not checked for a leading or trailing hyphen',
  'handle.tld.starts-with-letter': 'the TLD is not checked to start with a letter (IPv4 passes)',
};

export const DID_CAUSES: Readonly<Record<DidRejectRuleId, string>> = {
  'did.type.string': NOT_STRING,
  'did.prefix': 'the `did:` prefix is matched case-insensitively, or not required',
  'did.method.lowercase':
    'the method is not checked to be one or more lowercase letters (empty, digits, upper case)',
  'did.identifier.present': 'the method-specific identifier may be empty',
  'did.chars.allowed': 'the character class is wider than [a-zA-Z0-9._:%-]',
  'did.no-query-fragment-path': 'DID URLs (path, query, fragment) are accepted as DIDs',
  'did.end.no-colon': 'a trailing `:` is accepted',
  'did.end.no-percent': 'a trailing `%` is accepted',
  'did.length.max': 'the 2048-character limit is missing or off by one',
};

export const SESSION_CAUSES: Readonly<Record<SessionRejectRuleId, string>> = {
  'session.top-level.object': 'a body that is not an object is accepted, or parsed a second time',
  'session.required.accessJwt': REQUIRED,
  'session.required.refreshJwt': REQUIRED,
  'session.required.handle': REQUIRED,
  'session.required.did': REQUIRED,
  'session.field.not-null': 'null is read as an absent optional (Option / Optional / pointer)',
  'session.field.accessJwt.type': TYPE,
  'session.field.refreshJwt.type': TYPE,
  'session.field.handle.type': TYPE,
  'session.field.did.type': TYPE,
  'session.field.email.type': TYPE,
  'session.field.emailConfirmed.type': TYPE,
  'session.field.emailAuthFactor.type': TYPE,
  'session.field.active.type': TYPE,
  'session.field.status.type': TYPE,
  'session.field.didDoc.type': "`typeof x === 'object'` lets arrays (and null) through",
  'session.field.didDoc.no-float':
    'numbers inside didDoc are not checked to be 64-bit integers at every depth',
  'session.field.didDoc.not-compound': 'the top of didDoc is not checked for compound-type shapes',
  'session.field.didDoc.type-field': '`$type` is not checked to be a non-empty string',
  'session.field.didDoc.bytes': '`$bytes` objects are not validated (single key, base64 string)',
  'session.field.didDoc.link': '`$link` objects are not validated (single key, CID string)',
  'session.field.didDoc.blob': 'blobs are not validated (ref link, mimeType, positive size)',
  'session.field.didDoc.unicode': UNICODE,
  'session.field.handle.format': 'the handle format is not checked inside the session',
  'session.field.did.format': 'the DID format is not checked inside the session',
  'session.field.unicode': UNICODE,
};

export const COHERENCE_CAUSES: Readonly<Record<CoherenceRuleId, string>> = {
  'coherence.token.jwt-shape': 'the server issues opaque or malformed tokens instead of JWTs',
  'coherence.token.access-typ': 'access tokens are issued without the `at+jwt` type',
  'coherence.token.refresh-typ': 'refresh tokens are issued without the `refresh+jwt` type',
  'coherence.token.sub-is-did': "the token's `sub` is not the account's DID (a handle or user id)",
  'coherence.token.aud-is-did': "the token's `aud` is not a service DID (a URL or host)",
  'coherence.token.exp-after-iat': 'token lifetimes are computed wrongly (`exp` not after `iat`)',
  'coherence.token.scope': 'the access token has no string `scope` claim',
  'coherence.did-doc.id-is-did': 'the didDoc sent is not the DID document of the account',
  'coherence.did-doc.aka-handle': "the didDoc's alsoKnownAs does not claim the session's handle",
  'coherence.handle.lowercase': 'the handle is returned as typed, not normalized to lower case',
  'coherence.status.inactive': '`active` is reported true for a taken-down or deactivated account',
};
