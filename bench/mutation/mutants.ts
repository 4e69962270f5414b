import type { RuleId, ValidatorKind } from '../../src/spec/rules/index.js';
import type { Bug } from './bugs.js';
import { DECODING_MUTANTS } from './decoding-mutants.js';

/**
 * A seeded-bug validator: the mutable oracle with one bug switched on.
 * - `lax`: accepts values it must reject; `rule` is the reject rule that should catch it.
 * - `strict`: rejects values it must accept; `rule` is the accept rule that should catch it, and
 *   `about` the reject rule whose check was made too strict (when there is one).
 */
export interface Mutant {
  readonly id: string;
  readonly description: string;
  readonly rule: RuleId;
  readonly kind: 'lax' | 'strict';
  /** The bug switch of the mutable oracle it turns on (none: the reference behaviour). */
  readonly bug?: Bug;
  /**
   * For a strict mutant written as one more thing its decoder refuses, on top of the reference
   * behaviour (so a seeded bug can live next to its rule, in one table entry).
   */
  readonly refuses?: (kind: ValidatorKind, value: unknown) => boolean;
  /** For a lax mutant written as one more thing its decoder accepts. */
  readonly accepts?: (kind: ValidatorKind, value: unknown) => boolean;
  readonly about?: RuleId;
  /** For decoding mutants: the decoding technique the bug copies. */
  readonly technique?: string;
}

function lax(bug: Bug, rule: RuleId, description: string): Mutant {
  return { id: bug, description, rule, kind: 'lax', bug };
}

function strict(bug: Bug, rule: RuleId, description: string, about?: RuleId): Mutant {
  return { id: bug, description, rule, kind: 'strict', bug, ...(about ? { about } : {}) };
}

const HANDLE_MUTANTS: readonly Mutant[] = [
  lax('handle-stringify', 'handle.type.string', 'String(value) first: ["alice.test"] passes'),
  lax('handle-underscore', 'handle.chars.allowed', '`\\w` character class: `_` allowed'),
  lax(
    'handle-unicode-letters',
    'handle.chars.allowed',
    'Unicode letters and digits (\\p{L}\\p{N}) allowed',
  ),
  lax('handle-trim', 'handle.chars.no-whitespace-control', 'whitespace trimmed before checking'),
  lax(
    'handle-dollar-newline',
    'handle.chars.no-whitespace-control',
    'Python-style `$`: one trailing newline ignored',
  ),
  lax('handle-max-254', 'handle.length.max', 'off by one: 254 characters allowed'),
  lax('handle-single-label', 'handle.labels.min-two', 'a single label (bare TLD) accepted'),
  lax('handle-drop-empty-labels', 'handle.label.non-empty', "split('.').filter(Boolean)"),
  lax('handle-strip-trailing-dot', 'handle.label.no-trailing-dot', 'trailing dot stripped (FQDN)'),
  lax('handle-label-64', 'handle.label.max-length', 'off by one: 64-character labels allowed'),
  lax('handle-hyphen-start-ok', 'handle.label.hyphen-edges', 'labels may start with `-`'),
  lax('handle-hyphen-end-ok', 'handle.label.hyphen-edges', 'labels may end with `-`'),
  lax('handle-tld-digit-ok', 'handle.tld.starts-with-letter', 'TLD may start with a digit'),
  lax(
    'handle-tld-numeric-only',
    'handle.tld.starts-with-letter',
    'only all-digit TLDs refused (IPv4 check)',
  ),
  strict(
    'handle-max-252',
    'handle.accept.length-limits',
    'off by one: 253-character handles refused',
    'handle.length.max',
  ),
  strict(
    'handle-label-62',
    'handle.accept.length-limits',
    'off by one: 63-character labels refused',
    'handle.label.max-length',
  ),
  strict(
    'handle-lowercase-only',
    'handle.accept.case-insensitive',
    'upper-case letters refused',
    'handle.chars.allowed',
  ),
  strict(
    'handle-tld-min-two',
    'handle.accept.one-char-tld',
    'TLD of at least two characters',
    'handle.tld.starts-with-letter',
  ),
  strict(
    'handle-labels-start-with-letter',
    'handle.accept.numeric-label',
    'RFC 952: every label starts with a letter',
    'handle.tld.starts-with-letter',
  ),
  strict(
    'handle-no-double-hyphen',
    'handle.accept.inner-hyphens',
    '`--` refused inside labels',
    'handle.label.hyphen-edges',
  ),
  strict('handle-no-punycode', 'handle.accept.punycode', '`xn--` labels refused'),
  strict(
    'handle-reserved-tld',
    'handle.accept.disallowed-tld',
    'reserved TLDs (.local, .onion, ...) refused by syntax',
  ),
  strict('handle-no-handle-invalid', 'handle.accept.handle-invalid', '`handle.invalid` refused'),
  strict(
    'handle-tld-letters-only',
    'handle.accept.syntax',
    'TLD of letters only (`\\.[a-z]+$`)',
    'handle.tld.starts-with-letter',
  ),
];

const DID_MUTANTS: readonly Mutant[] = [
  lax('did-stringify', 'did.type.string', 'String(value) first: ["did:plc:..."] passes'),
  lax('did-prefix-any-case', 'did.prefix', 'case-insensitive regex: `DID:` accepted'),
  lax('did-method-any-case', 'did.method.lowercase', 'upper-case method accepted'),
  lax('did-method-digits', 'did.method.lowercase', 'digits allowed in the method'),
  lax('did-identifier-optional', 'did.identifier.present', '`did:method` without identifier'),
  lax('did-unicode-letters', 'did.chars.allowed', 'Unicode letters and digits allowed'),
  lax('did-dollar-newline', 'did.chars.allowed', 'Python-style `$`: one trailing newline ignored'),
  lax(
    'did-strip-fragment',
    'did.no-query-fragment-path',
    'DID URL parsing: `?query` and `#fragment` dropped',
  ),
  lax('did-slash-ok', 'did.no-query-fragment-path', '`/` (a path) allowed'),
  lax('did-trailing-colon-ok', 'did.end.no-colon', 'trailing `:` accepted'),
  lax('did-trailing-percent-ok', 'did.end.no-percent', 'trailing `%` accepted'),
  lax('did-max-2049', 'did.length.max', 'off by one: 2049 characters allowed'),
  strict(
    'did-known-methods-only',
    'did.accept.any-method',
    'only did:plc and did:web',
    'did.method.lowercase',
  ),
  strict(
    'did-no-colon-in-identifier',
    'did.accept.colons',
    '`:` refused in the identifier',
    'did.end.no-colon',
  ),
  strict(
    'did-no-percent',
    'did.accept.percent-encoding',
    '`%` refused in the identifier',
    'did.end.no-percent',
  ),
  strict(
    'did-percent-upper-hex-only',
    'did.accept.percent-encoding',
    'percent-encoding in upper-case hex only',
  ),
  strict(
    'did-lowercase-identifier',
    'did.accept.case-sensitive-identifier',
    'upper case refused in the identifier',
    'did.chars.allowed',
  ),
  strict(
    'did-max-2047',
    'did.accept.length-limit',
    'off by one: 2048-character DIDs refused',
    'did.length.max',
  ),
  strict('did-plc-strict', 'did.accept.plc-any-length', 'did:plc must be 24 base32 characters'),
  strict(
    'did-web-hostname',
    'did.accept.web-localhost-port',
    'did:web identifier must be a bare hostname',
  ),
  strict(
    'did-no-underscore',
    'did.accept.syntax',
    'hostname characters only: `_` refused',
    'did.chars.allowed',
  ),
];

const SESSION_MUTANTS: readonly Mutant[] = [
  lax('session-parse-string', 'session.top-level.object', 'a JSON-string body is parsed again'),
  lax('session-access-optional', 'session.required.accessJwt', 'missing accessJwt accepted'),
  lax(
    'session-get-session-schema',
    'session.required.accessJwt',
    'getSession rules applied to createSession output (no tokens required)',
  ),
  lax('session-refresh-optional', 'session.required.refreshJwt', 'missing refreshJwt accepted'),
  lax('session-handle-optional', 'session.required.handle', 'missing handle accepted'),
  lax('session-did-optional', 'session.required.did', 'missing did accepted'),
  lax('session-null-optional', 'session.field.not-null', 'null accepted for optional fields'),
  lax('session-access-any-type', 'session.field.accessJwt.type', 'accessJwt of any type'),
  lax('session-refresh-any-type', 'session.field.refreshJwt.type', 'refreshJwt of any type'),
  lax(
    'session-handle-format-without-type',
    'session.field.handle.type',
    'handle `format` without `type`: non-strings pass',
  ),
  lax(
    'session-did-format-without-type',
    'session.field.did.type',
    'did `format` without `type`: non-strings pass',
  ),
  lax('session-email-any-type', 'session.field.email.type', 'email of any type'),
  lax(
    'session-email-confirmed-string',
    'session.field.emailConfirmed.type',
    'type coercion: "true"/"false" pass as emailConfirmed',
  ),
  lax(
    'session-auth-factor-01',
    'session.field.emailAuthFactor.type',
    'SQLite booleans: 0/1 pass as emailAuthFactor',
  ),
  lax('session-active-truthy', 'session.field.active.type', 'active of any type (truthiness)'),
  lax('session-status-any-type', 'session.field.status.type', 'status of any type'),
  lax('session-did-doc-array', 'session.field.didDoc.type', 'array didDoc accepted'),
  lax(
    'session-float-shallow',
    'session.field.didDoc.no-float',
    'floats only checked at the top level of didDoc',
  ),
  lax(
    'session-handle-format-unchecked',
    'session.field.handle.format',
    'handle format not checked',
  ),
  lax('session-did-format-unchecked', 'session.field.did.format', 'did format not checked'),
  strict('session-active-required', 'session.accept.valid', 'optional `active` required'),
  strict(
    'session-handle-lowercase',
    'session.accept.valid',
    'only lower-case (normalized) handles in a session',
    'session.field.handle.format',
  ),
  strict(
    'session-no-extra-fields',
    'session.accept.unknown-fields',
    '`additionalProperties: false`',
  ),
  strict(
    'session-null-anywhere',
    'session.accept.unknown-fields',
    'null refused in unknown fields too',
    'session.field.not-null',
  ),
  strict(
    'get-session-token-types',
    'session.accept.unknown-fields',
    'getSession checks accessJwt/refreshJwt types as createSession does',
    'session.field.accessJwt.type',
  ),
  strict(
    'session-status-enum',
    'session.accept.open-status',
    'status closed to takendown/suspended/deactivated',
    'session.field.status.type',
  ),
  strict(
    'session-status-non-empty',
    'session.accept.open-status',
    'empty status refused',
    'session.field.status.type',
  ),
  strict(
    'session-email-format',
    'session.accept.email-any-string',
    'email must look like an address',
    'session.field.email.type',
  ),
  strict(
    'session-email-non-empty',
    'session.accept.email-any-string',
    'empty email refused',
    'session.field.email.type',
  ),
  strict(
    'session-token-jwt',
    'session.accept.opaque-tokens',
    'tokens must be compact JWTs',
    'session.field.accessJwt.type',
  ),
  strict(
    'session-token-non-empty',
    'session.accept.opaque-tokens',
    'empty tokens refused',
    'session.field.accessJwt.type',
  ),
  strict(
    'session-did-doc-shape',
    'session.accept.did-doc-any-object',
    'didDoc must be a DID document (an `id` DID)',
    'session.field.didDoc.type',
  ),
  strict(
    'session-did-doc-no-numbers',
    'session.accept.did-doc-any-object',
    'any number refused in didDoc (integers too)',
    'session.field.didDoc.no-float',
  ),
  strict(
    'get-session-requires-tokens',
    'session.accept.get-session-no-tokens',
    'getSession output must carry tokens',
    'session.required.accessJwt',
  ),
];

/** Every mutant, handle, then DID, then session. */
export const MUTANTS: readonly Mutant[] = [
  ...HANDLE_MUTANTS,
  ...DID_MUTANTS,
  ...SESSION_MUTANTS,
  ...DECODING_MUTANTS,
];
