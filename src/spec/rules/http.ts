import { lexicon, type Rule, spec } from './types.js';

const XRPC_SPEC = 'https://atproto.com/specs/xrpc';
const CREATE = 'com.atproto.server.createSession';
const GET = 'com.atproto.server.getSession';
const REFRESH = 'com.atproto.server.refreshSession';
const DELETE = 'com.atproto.server.deleteSession';

const OK_200 =
  '`200 OK`: The request was successful. If there is a response body (optional), there should be a `Content-Type` header.';
const BAD_400 = '`400 Bad Request`: Request was invalid, and was not processed';
const UNAUTHORIZED_401 =
  '`401 Unauthorized`: Authentication is required for this endpoint. There should be a `WWW-Authenticate` header.';
const JSON_ENCODING = '"encoding": "application/json"';
const SESSION_REQUIRED = '"required": ["accessJwt", "refreshJwt", "handle", "did"]';
const REFRESH_AUTH =
  "Refresh an authentication session. Requires auth using the 'refreshJwt' (not the 'accessJwt').";

/**
 * HTTP checks of a live server (`atproto-conformance live`), named after Schemathesis's checks.
 * Each one is judged on real exchanges with createSession, getSession, refreshSession and
 * deleteSession. Status codes and `error` names are asserted; `message` texts never are.
 */
export const HTTP_RULES = [
  {
    id: 'http.create-session.status-code-conformance',
    level: 'MUST',
    keyword: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'createSession with the right identifier and password answers 200.',
    source: spec(XRPC_SPEC, OK_200),
  },
  {
    id: 'http.create-session.content-type-conformance',
    level: 'MUST',
    keyword: 'lexicon',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'A successful createSession response has Content-Type application/json.',
    source: lexicon(CREATE, 'defs.main.output.encoding', JSON_ENCODING),
  },
  {
    id: 'http.create-session.response-schema-conformance',
    level: 'MUST',
    keyword: 'lexicon',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'The createSession response body conforms to the output schema (every `session` rule of the catalogue).',
    source: lexicon(CREATE, 'defs.main.output.schema.required', SESSION_REQUIRED),
  },
  {
    id: 'http.create-session.invalid-credentials-rejected',
    level: 'MUST',
    keyword: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'createSession with a wrong password or an unknown identifier answers 401.',
    source: spec(XRPC_SPEC, UNAUTHORIZED_401),
  },
  {
    id: 'http.create-session.no-account-enumeration',
    level: 'SHOULD',
    keyword: 'SHOULD',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'A wrong password and an unknown identifier get the same status and the same body, so logins cannot probe which accounts exist.',
    source: spec(XRPC_SPEC, UNAUTHORIZED_401),
  },
  {
    id: 'http.create-session.negative-data-rejection',
    level: 'MUST',
    keyword: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'Invalid createSession requests (schema violations, bodies that are not JSON, a wrong Content-Type) get a 4xx: never a 2xx, never a 5xx.',
    source: spec(XRPC_SPEC, BAD_400),
  },
  {
    id: 'http.create-session.unsupported-method',
    level: 'MUST',
    keyword: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'createSession is a procedure: a GET request gets a 4xx.',
    source: spec(
      XRPC_SPEC,
      'The two requests types that can be expressed in Lexicons are "query" (HTTP GET) and "procedure" (HTTP POST).',
    ),
  },
  {
    id: 'http.get-session.status-code-conformance',
    level: 'MUST',
    keyword: 'lexicon',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'getSession with the access token answers 200.',
    source: lexicon(
      GET,
      'defs.main.description',
      'Get information about the current auth session. Requires auth.',
    ),
  },
  {
    id: 'http.get-session.content-type-conformance',
    level: 'MUST',
    keyword: 'lexicon',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'A successful getSession response has Content-Type application/json.',
    source: lexicon(GET, 'defs.main.output.encoding', JSON_ENCODING),
  },
  {
    id: 'http.get-session.response-schema-conformance',
    level: 'MUST',
    keyword: 'lexicon',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'The getSession response body conforms to the output schema (every `getSession` rule of the catalogue).',
    source: lexicon(GET, 'defs.main.output.schema.required', '"required": ["handle", "did"]'),
  },
  {
    id: 'http.get-session.same-account',
    level: 'MUST',
    keyword: 'lexicon',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'getSession with the access token names the same `did` and `handle` as createSession.',
    source: lexicon(
      GET,
      'defs.main.description',
      'Get information about the current auth session. Requires auth.',
    ),
  },
  {
    id: 'http.get-session.missing-auth',
    level: 'MUST',
    keyword: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'getSession without an Authorization header answers 401.',
    source: spec(XRPC_SPEC, UNAUTHORIZED_401),
  },
  {
    id: 'http.get-session.ignored-auth',
    level: 'MUST',
    keyword: 'lexicon',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'getSession with a garbage bearer token gets a 4xx.',
    source: lexicon(
      GET,
      'defs.main.description',
      'Get information about the current auth session. Requires auth.',
    ),
  },
  {
    id: 'http.get-session.token-type-separation',
    level: 'SHOULD',
    keyword: 'SHOULD',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'getSession with the refresh token (instead of the access token) gets a 4xx.',
    source: spec(
      XRPC_SPEC,
      'Servers (eg, PDS implementations) which generate and valiate auth JWTs should implement domain separation between access and refresh tokens',
    ),
  },
  {
    id: 'http.refresh-session.status-code-conformance',
    level: 'MUST',
    keyword: 'lexicon',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'refreshSession with the refresh token answers 200.',
    source: lexicon(REFRESH, 'defs.main.description', REFRESH_AUTH),
  },
  {
    id: 'http.refresh-session.content-type-conformance',
    level: 'MUST',
    keyword: 'lexicon',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'A successful refreshSession response has Content-Type application/json.',
    source: lexicon(REFRESH, 'defs.main.output.encoding', JSON_ENCODING),
  },
  {
    id: 'http.refresh-session.response-schema-conformance',
    level: 'MUST',
    keyword: 'lexicon',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'The refreshSession response body conforms to the output schema (every `session` rule of the catalogue).',
    source: lexicon(REFRESH, 'defs.main.output.schema.required', SESSION_REQUIRED),
  },
  {
    id: 'http.refresh-session.rotates-refresh-token',
    level: 'SHOULD',
    keyword: 'SHOULD',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'refreshSession returns a new refresh token, different from the one it was given.',
    source: spec(
      'https://www.rfc-editor.org/rfc/rfc6749#section-6',
      'The authorization server MAY issue a new refresh token, in which case the client MUST discard the old refresh token and replace it with the new refresh token.',
    ),
  },
  {
    id: 'http.refresh-session.token-type-separation',
    level: 'MUST',
    keyword: 'lexicon',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'refreshSession with the access token (instead of the refresh token) gets a 4xx with error `InvalidToken`.',
    source: lexicon(REFRESH, 'defs.main.description', REFRESH_AUTH),
  },
  {
    id: 'http.refresh-session.use-after-free',
    level: 'MUST',
    keyword: 'lexicon',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'After deleteSession, refreshSession with the deleted refresh token gets a 4xx with error `ExpiredToken` or `InvalidToken`.',
    source: lexicon(
      DELETE,
      'defs.main.description',
      "Delete the current session. Requires auth using the 'refreshJwt' (not the 'accessJwt').",
    ),
  },
  {
    id: 'http.delete-session.status-code-conformance',
    level: 'MUST',
    keyword: 'lexicon',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'deleteSession with the refresh token answers 2xx.',
    source: lexicon(
      DELETE,
      'defs.main.description',
      "Delete the current session. Requires auth using the 'refreshJwt' (not the 'accessJwt').",
    ),
  },
  {
    id: 'http.xrpc.not-a-server-error',
    level: 'MUST',
    keyword: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'No request of the run, valid or invalid, gets a 5xx: an invalid request is a 4xx, not a server failure.',
    source: spec(XRPC_SPEC, BAD_400),
  },
  {
    id: 'http.xrpc.error-body-conformance',
    level: 'SHOULD',
    keyword: 'SHOULD',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'Every unsuccessful response is application/json with a JSON object body: a string `error` without whitespace and, optionally, a string `message`.',
    source: spec(
      XRPC_SPEC,
      'All unsuccessful responses should follow a standard error response schema. The `Content-Type` should be `application/json`, and the payload should be a JSON object with the following fields:',
    ),
  },
] as const satisfies readonly Rule[];
