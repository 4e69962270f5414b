/** Where the rules come from: the spec pages and lexicons their sources cite. */

export const XRPC_SPEC = 'https://atproto.com/specs/xrpc';
export const DID_SPEC = 'https://atproto.com/specs/did';
export const HANDLE_SPEC = 'https://atproto.com/specs/handle';
export const ACCOUNT_SPEC = 'https://atproto.com/specs/account';
export const LEXICON_SPEC = 'https://atproto.com/specs/lexicon';
export const DATA_MODEL_SPEC = 'https://atproto.com/specs/data-model';
export const PLC_SPEC = 'https://web.plc.directory/spec/v0.1/did-plc';
export const RFC7519 = 'https://www.rfc-editor.org/rfc/rfc7519';
export const RFC7519_NUMERIC_DATE = `${RFC7519}#section-4.1.4`;
// The XRPC spec says `at+jwt` is "defined in RFC 9068", the JWT profile for access tokens.
export const RFC9068 = 'https://www.rfc-editor.org/rfc/rfc9068#section-2.2';

export const CREATE = 'com.atproto.server.createSession';
export const GET = 'com.atproto.server.getSession';
export const REFRESH = 'com.atproto.server.refreshSession';
export const DELETE = 'com.atproto.server.deleteSession';
