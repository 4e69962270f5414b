import { ACCOUNT_SPEC, DID_SPEC, HANDLE_SPEC, RFC7519, RFC9068, XRPC_SPEC } from './sources.js';
import { type Rule, ruleBuilder, spec } from './types.js';

const coherenceRule = ruleBuilder('coherence', ['live']);

/**
 * Coherence of a session with itself. The lexicon does not require any of this (tokens are opaque
 * strings to clients), so these are SHOULD-level checks on what a real server returns.
 */
export const COHERENCE_RULES = [
  coherenceRule({
    id: 'coherence.token.jwt-shape',
    keyword: 'SHOULD',
    polarity: 'reject',
    summary:
      'accessJwt and refreshJwt are compact JWTs: three base64url parts whose header and claims are JSON objects.',
    source: spec(
      XRPC_SPEC,
      'Servers (eg, PDS implementations) which generate and valiate auth JWTs should implement domain separation between access and refresh tokens, using the `typ` header field',
    ),
    likelyCause: 'the server issues opaque or malformed tokens instead of JWTs',
  }),
  coherenceRule({
    id: 'coherence.token.access-typ',
    keyword: 'SHOULD',
    polarity: 'reject',
    summary: 'The access token header has `typ` `at+jwt`.',
    source: spec(
      XRPC_SPEC,
      'access tokens should use `at+jwt`, and refresh tokens should use `refresh+jwt`.',
    ),
    likelyCause: 'access tokens are issued without the `at+jwt` type',
  }),
  coherenceRule({
    id: 'coherence.token.refresh-typ',
    keyword: 'SHOULD',
    polarity: 'reject',
    summary: 'The refresh token header has `typ` `refresh+jwt`.',
    source: spec(
      XRPC_SPEC,
      'access tokens should use `at+jwt`, and refresh tokens should use `refresh+jwt`.',
    ),
    likelyCause: 'refresh tokens are issued without the `refresh+jwt` type',
  }),
  coherenceRule({
    id: 'coherence.token.sub-is-did',
    keyword: 'SHOULD',
    polarity: 'reject',
    summary: 'The `sub` claim of both tokens equals the session `did`.',
    source: spec(
      RFC9068,
      'the value of "sub" SHOULD correspond to the subject identifier of the resource owner.',
    ),
    likelyCause: "the token's `sub` is not the account's DID (a handle or user id)",
  }),
  coherenceRule({
    id: 'coherence.token.aud-is-did',
    level: 'SHOULD',
    keyword: 'MUST',
    polarity: 'reject',
    summary: 'The `aud` claim of both tokens is a DID (the service DID).',
    source: spec(
      XRPC_SPEC,
      '`aud` body field (string, required): service DID associated with the service that the request is being sent to ("audience").',
    ),
    likelyCause: "the token's `aud` is not a service DID (a URL or host)",
  }),
  coherenceRule({
    id: 'coherence.token.exp-after-iat',
    level: 'SHOULD',
    keyword: 'MUST NOT',
    polarity: 'reject',
    summary: 'Both tokens carry integer `iat` and `exp` claims with `exp` > `iat`.',
    source: spec(
      RFC7519,
      'The "exp" (expiration time) claim identifies the expiration time on or after which the JWT MUST NOT be accepted for processing.',
    ),
    likelyCause: 'token lifetimes are computed wrongly (`exp` not after `iat`)',
  }),
  coherenceRule({
    id: 'coherence.token.scope',
    keyword: 'SHOULD',
    polarity: 'reject',
    summary: 'Both tokens carry a string `scope` claim.',
    source: spec(
      'https://www.rfc-editor.org/rfc/rfc9068#section-2.2.3',
      'If an authorization request includes a scope parameter, the corresponding issued JWT access token SHOULD include a "scope" claim',
    ),
    likelyCause: 'the access token has no string `scope` claim',
  }),
  coherenceRule({
    id: 'coherence.did-doc.id-is-did',
    keyword: 'SHOULD',
    polarity: 'reject',
    summary: 'When a didDoc is sent, its `id` equals the session `did`.',
    source: spec(
      DID_SPEC,
      'The DID declared in the document (in the `id` field) should always be verified against what was expected (eg, used for resolution).',
    ),
    likelyCause: 'the didDoc sent is not the DID document of the account',
  }),
  coherenceRule({
    id: 'coherence.did-doc.aka-handle',
    level: 'SHOULD',
    keyword: 'MUST',
    polarity: 'reject',
    summary:
      'When a didDoc is sent, its `alsoKnownAs` contains `at://<handle>` (unless the handle is `handle.invalid`).',
    source: spec(DID_SPEC, 'The handle claimed by the DID is found in the `alsoKnownAs` array.'),
    likelyCause: "the didDoc's alsoKnownAs does not claim the session's handle",
  }),
  coherenceRule({
    id: 'coherence.handle.lowercase',
    keyword: 'SHOULD',
    polarity: 'reject',
    summary: 'The handle a server returns is normalized to lowercase.',
    source: spec(
      HANDLE_SPEC,
      'Only normalized (lowercase) handles should be stored in records or used in outbound API calls.',
    ),
    likelyCause: 'the handle is returned as typed, not normalized to lower case',
  }),
  coherenceRule({
    id: 'coherence.status.inactive',
    level: 'SHOULD',
    keyword: 'MUST',
    polarity: 'reject',
    summary:
      '`active` is not true when `status` is takendown, suspended, deactivated or deleted (desynchronized and throttled may be active).',
    source: spec(
      ACCOUNT_SPEC,
      '`takendown` (active is false): host or service has takendown the account. Implied permanent or long-term, though may be reverted.',
    ),
    likelyCause: '`active` is reported true for a taken-down or deactivated account',
  }),
] as const satisfies readonly Rule[];
