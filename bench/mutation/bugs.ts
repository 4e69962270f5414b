import { DECODING_BUGS, type DecodingBug } from './decoding.js';

/*
 * The bug switches of the mutable oracle. Each names one realistic mistake a handle, DID or
 * session validator makes; a mutant turns exactly one of them on.
 */

export const HANDLE_BUGS = [
  // Lax: accepts what it must reject.
  'handle-stringify',
  'handle-underscore',
  'handle-unicode-letters',
  'handle-trim',
  'handle-dollar-newline',
  'handle-max-254',
  'handle-single-label',
  'handle-drop-empty-labels',
  'handle-strip-trailing-dot',
  'handle-label-64',
  'handle-hyphen-start-ok',
  'handle-hyphen-end-ok',
  'handle-tld-digit-ok',
  'handle-tld-numeric-only',
  // Strict: rejects what it must accept.
  'handle-max-252',
  'handle-label-62',
  'handle-lowercase-only',
  'handle-tld-min-two',
  'handle-labels-start-with-letter',
  'handle-no-double-hyphen',
  'handle-no-punycode',
  'handle-reserved-tld',
  'handle-no-handle-invalid',
  'handle-tld-letters-only',
] as const;

export const DID_BUGS = [
  // Lax.
  'did-stringify',
  'did-prefix-any-case',
  'did-method-any-case',
  'did-method-digits',
  'did-identifier-optional',
  'did-unicode-letters',
  'did-dollar-newline',
  'did-strip-fragment',
  'did-slash-ok',
  'did-trailing-colon-ok',
  'did-trailing-percent-ok',
  'did-max-2049',
  // Strict.
  'did-known-methods-only',
  'did-no-colon-in-identifier',
  'did-no-percent',
  'did-percent-upper-hex-only',
  'did-lowercase-identifier',
  'did-max-2047',
  'did-plc-strict',
  'did-web-hostname',
  'did-no-underscore',
] as const;

export const SESSION_BUGS = [
  // Lax.
  'session-parse-string',
  'session-access-optional',
  'session-get-session-schema',
  'session-refresh-optional',
  'session-handle-optional',
  'session-did-optional',
  'session-null-optional',
  'session-access-any-type',
  'session-refresh-any-type',
  'session-handle-format-without-type',
  'session-did-format-without-type',
  'session-email-any-type',
  'session-email-confirmed-string',
  'session-auth-factor-01',
  'session-active-truthy',
  'session-status-any-type',
  'session-did-doc-array',
  'session-float-shallow',
  'session-handle-format-unchecked',
  'session-did-format-unchecked',
  // Strict.
  'session-active-required',
  'session-handle-lowercase',
  'session-no-extra-fields',
  'session-null-anywhere',
  'get-session-token-types',
  'session-status-enum',
  'session-status-non-empty',
  'session-email-format',
  'session-email-non-empty',
  'session-token-jwt',
  'session-token-non-empty',
  'session-did-doc-shape',
  'session-did-doc-no-numbers',
  'get-session-requires-tokens',
] as const;

export type HandleBug = (typeof HANDLE_BUGS)[number];
export type DidBug = (typeof DID_BUGS)[number];
export type SessionBug = (typeof SESSION_BUGS)[number];
export type Bug = HandleBug | DidBug | SessionBug | DecodingBug;

export const BUGS: readonly Bug[] = [
  ...HANDLE_BUGS,
  ...DID_BUGS,
  ...SESSION_BUGS,
  ...DECODING_BUGS,
];
