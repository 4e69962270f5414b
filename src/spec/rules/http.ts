import {
  DELETE_AUTH,
  GET_AUTH,
  type LiveRule,
  REFRESH_AUTH,
  SESSION_HTTP_RULES,
} from './http-session.js';
import { lexicon, spec } from './types.js';

const XRPC_SPEC = 'https://atproto.com/specs/xrpc';
const CREATE = 'com.atproto.server.createSession';
const GET = 'com.atproto.server.getSession';
const REFRESH = 'com.atproto.server.refreshSession';
const DELETE = 'com.atproto.server.deleteSession';

const OK_200 =
  '`200 OK`: The request was successful. If there is a response body (optional), there should be a `Content-Type` header.';
const INPUT_REQUIRED = '"required": ["identifier", "password"]';
const UNAUTHORIZED_401 =
  '`401 Unauthorized`: Authentication is required for this endpoint. There should be a `WWW-Authenticate` header.';
const JSON_ENCODING = '"encoding": "application/json"';
const SESSION_REQUIRED = '"required": ["accessJwt", "refreshJwt", "handle", "did"]';

/**
 * HTTP checks of a live server (`atproto-conformance live`), named after Schemathesis's checks.
 * Each one is judged on real exchanges with createSession, getSession, refreshSession and
 * deleteSession. Status codes and `error` names are asserted; `message` texts never are.
 */
const XRPC_HTTP_RULES = [
  {
    id: 'http.create-session.status-code-conformance',
    keyword: 'SHOULD',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'createSession with the right identifier and password answers 200.',
    source: spec(XRPC_SPEC, OK_200),
  },
  {
    id: 'http.create-session.content-type-conformance',
    keyword: 'lexicon',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'A successful createSession response has Content-Type application/json.',
    source: lexicon(CREATE, 'defs.main.output.encoding', JSON_ENCODING),
  },
  {
    id: 'http.create-session.response-schema-conformance',
    keyword: 'lexicon',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'The createSession response body conforms to the output schema (every `session` rule of the catalogue).',
    source: lexicon(CREATE, 'defs.main.output.schema.required', SESSION_REQUIRED),
  },
  {
    id: 'http.create-session.invalid-credentials-rejected',
    keyword: 'SHOULD',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'createSession with a wrong password or an unknown identifier answers 401.',
    source: spec(XRPC_SPEC, UNAUTHORIZED_401),
  },
  {
    id: 'http.create-session.no-account-enumeration',
    keyword: 'SHOULD',
    level: 'SHOULD',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'A wrong password and an unknown identifier get the same status and the same body, so logins cannot probe which accounts exist.',
    source: spec(XRPC_SPEC, UNAUTHORIZED_401),
  },
  {
    id: 'http.create-session.negative-data-rejection',
    keyword: 'lexicon',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'Invalid createSession requests (schema violations, bodies that are not JSON, a wrong Content-Type) get a 4xx: never a 2xx, never a 5xx.',
    source: lexicon(CREATE, 'defs.main.input.schema.required', INPUT_REQUIRED),
  },
  {
    id: 'http.create-session.unsupported-method',
    keyword: 'lexicon',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'createSession is a procedure: a GET request gets a 4xx.',
    source: lexicon(CREATE, 'defs.main.type', '"type": "procedure"'),
  },
  {
    id: 'http.get-session.status-code-conformance',
    keyword: 'lexicon',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'getSession with the access token answers 200.',
    source: lexicon(GET, 'defs.main.description', GET_AUTH),
  },
  {
    id: 'http.get-session.content-type-conformance',
    keyword: 'lexicon',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'A successful getSession response has Content-Type application/json.',
    source: lexicon(GET, 'defs.main.output.encoding', JSON_ENCODING),
  },
  {
    id: 'http.get-session.response-schema-conformance',
    keyword: 'lexicon',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'The getSession response body conforms to the output schema (every `getSession` rule of the catalogue).',
    source: lexicon(GET, 'defs.main.output.schema.required', '"required": ["handle", "did"]'),
  },
  {
    id: 'http.get-session.same-account',
    keyword: 'lexicon',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'getSession with the access token names the same `did` and `handle` as createSession, and the same `email` when createSession sent one.',
    source: lexicon(GET, 'defs.main.description', GET_AUTH),
  },
  {
    id: 'http.get-session.missing-auth',
    keyword: 'SHOULD',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'getSession without an Authorization header answers 401.',
    source: spec(XRPC_SPEC, UNAUTHORIZED_401),
  },
  {
    id: 'http.get-session.ignored-auth',
    keyword: 'lexicon',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'getSession with a malformed, truncated, unsigned, expired-looking or missing bearer gets a 4xx, never a 2xx or a 5xx.',
    source: lexicon(GET, 'defs.main.description', GET_AUTH),
  },
  {
    id: 'http.get-session.token-type-separation',
    keyword: 'SHOULD',
    level: 'SHOULD',
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
    keyword: 'lexicon',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'refreshSession with the refresh token answers 200.',
    source: lexicon(REFRESH, 'defs.main.description', REFRESH_AUTH),
  },
  {
    id: 'http.refresh-session.content-type-conformance',
    keyword: 'lexicon',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'A successful refreshSession response has Content-Type application/json.',
    source: lexicon(REFRESH, 'defs.main.output.encoding', JSON_ENCODING),
  },
  {
    id: 'http.refresh-session.response-schema-conformance',
    keyword: 'lexicon',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'The refreshSession response body conforms to the output schema (every `session` rule of the catalogue).',
    source: lexicon(REFRESH, 'defs.main.output.schema.required', SESSION_REQUIRED),
  },
  {
    id: 'http.refresh-session.rotates-refresh-token',
    keyword: 'MAY',
    level: 'SHOULD',
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
    keyword: 'lexicon',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'refreshSession with the access token (instead of the refresh token) gets a 4xx with error `InvalidToken`.',
    source: lexicon(REFRESH, 'defs.main.description', REFRESH_AUTH),
  },
  {
    id: 'http.refresh-session.use-after-free',
    keyword: 'lexicon',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'After deleteSession, refreshSession with the deleted refresh token gets a 4xx with error `ExpiredToken` or `InvalidToken`.',
    source: lexicon(DELETE, 'defs.main.description', DELETE_AUTH),
  },
  {
    id: 'http.delete-session.status-code-conformance',
    keyword: 'lexicon',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary: 'deleteSession with the refresh token answers 2xx.',
    source: lexicon(DELETE, 'defs.main.description', DELETE_AUTH),
  },
  {
    id: 'http.xrpc.not-a-server-error',
    keyword: 'lexicon',
    level: 'MUST',
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary:
      'No request of the run, valid or invalid, gets a 5xx: an invalid request is a 4xx, not a server failure.',
    source: lexicon(CREATE, 'defs.main.input.schema.required', INPUT_REQUIRED),
  },
  {
    id: 'http.xrpc.error-body-conformance',
    keyword: 'SHOULD',
    level: 'SHOULD',
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
] as const satisfies readonly LiveRule[];

export const HTTP_RULES = [...XRPC_HTTP_RULES, ...SESSION_HTTP_RULES] as const;
