import { authRule, httpRule, type LiveRule, SESSION_HTTP_RULES } from './http-session.js';
import { CREATE, DELETE, GET, REFRESH, XRPC_SPEC } from './sources.js';
import { lexicon, spec } from './types.js';

// The sentences behind the status codes, without the advice on headers that follows them.
const OK_200 = '`200 OK`: The request was successful.';
const INPUT_REQUIRED = '"required": ["identifier", "password"]';
const UNAUTHORIZED_401 = '`401 Unauthorized`: Authentication is required for this endpoint.';
const JSON_ENCODING = '"encoding": "application/json"';
const SESSION_REQUIRED = '"required": ["accessJwt", "refreshJwt", "handle", "did"]';

/**
 * HTTP checks of a live server (`atproto-conformance live`), named after Schemathesis's checks.
 * Each one is judged on real exchanges with createSession, getSession, refreshSession and
 * deleteSession. Status codes and `error` names are asserted; `message` texts never are.
 */
const XRPC_HTTP_RULES = [
  httpRule(
    'http.create-session.status-code-conformance',
    'MUST',
    'MUST',
    'createSession with the right identifier and password answers 200.',
    spec(XRPC_SPEC, OK_200),
  ),
  httpRule(
    'http.create-session.content-type-conformance',
    'MUST',
    'lexicon',
    'A successful createSession response has Content-Type application/json.',
    lexicon(CREATE, 'defs.main.output.encoding', JSON_ENCODING),
  ),
  httpRule(
    'http.create-session.response-schema-conformance',
    'MUST',
    'lexicon',
    'The createSession response body conforms to the output schema (every `session` rule of the catalogue).',
    lexicon(CREATE, 'defs.main.output.schema.required', SESSION_REQUIRED),
  ),
  httpRule(
    'http.create-session.invalid-credentials-rejected',
    'MUST',
    'REQUIRED',
    'createSession with a wrong password or an unknown identifier answers 401.',
    spec(XRPC_SPEC, UNAUTHORIZED_401),
  ),
  httpRule(
    'http.create-session.no-account-enumeration',
    'SHOULD',
    'SHOULD',
    'A wrong password and an unknown identifier get the same status and the same body, so logins cannot probe which accounts exist.',
    spec(XRPC_SPEC, UNAUTHORIZED_401),
  ),
  httpRule(
    'http.create-session.negative-data-rejection',
    'MUST',
    'lexicon',
    'Invalid createSession requests (schema violations, bodies that are not JSON, a wrong Content-Type) get a 4xx: never a 2xx, never a 5xx.',
    lexicon(CREATE, 'defs.main.input.schema.required', INPUT_REQUIRED),
  ),
  httpRule(
    'http.create-session.unsupported-method',
    'MUST',
    'lexicon',
    'createSession is a procedure: a GET request gets a 4xx.',
    lexicon(CREATE, 'defs.main.type', '"type": "procedure"'),
  ),
  authRule(
    GET,
    'http.get-session.status-code-conformance',
    'getSession with the access token answers 200.',
  ),
  httpRule(
    'http.get-session.content-type-conformance',
    'MUST',
    'lexicon',
    'A successful getSession response has Content-Type application/json.',
    lexicon(GET, 'defs.main.output.encoding', JSON_ENCODING),
  ),
  httpRule(
    'http.get-session.response-schema-conformance',
    'MUST',
    'lexicon',
    'The getSession response body conforms to the output schema (every `getSession` rule of the catalogue).',
    lexicon(GET, 'defs.main.output.schema.required', '"required": ["handle", "did"]'),
  ),
  authRule(
    GET,
    'http.get-session.same-account',
    'getSession with the access token names the same `did` and `handle` as createSession, and the same `email` when createSession sent one.',
  ),
  httpRule(
    'http.get-session.missing-auth',
    'MUST',
    'REQUIRED',
    'getSession without an Authorization header answers 401.',
    spec(XRPC_SPEC, UNAUTHORIZED_401),
  ),
  authRule(
    GET,
    'http.get-session.ignored-auth',
    'getSession with a malformed, truncated, unsigned, expired-looking or missing bearer gets a 4xx, never a 2xx or a 5xx.',
  ),
  httpRule(
    'http.get-session.token-type-separation',
    'SHOULD',
    'SHOULD',
    'getSession with the refresh token (instead of the access token) gets a 4xx.',
    spec(
      XRPC_SPEC,
      'Servers (eg, PDS implementations) which generate and valiate auth JWTs should implement domain separation between access and refresh tokens',
    ),
  ),
  authRule(
    REFRESH,
    'http.refresh-session.status-code-conformance',
    'refreshSession with the refresh token answers 200.',
  ),
  httpRule(
    'http.refresh-session.content-type-conformance',
    'MUST',
    'lexicon',
    'A successful refreshSession response has Content-Type application/json.',
    lexicon(REFRESH, 'defs.main.output.encoding', JSON_ENCODING),
  ),
  httpRule(
    'http.refresh-session.response-schema-conformance',
    'MUST',
    'lexicon',
    'The refreshSession response body conforms to the output schema (every `session` rule of the catalogue).',
    lexicon(REFRESH, 'defs.main.output.schema.required', SESSION_REQUIRED),
  ),
  httpRule(
    'http.refresh-session.rotates-refresh-token',
    'SHOULD',
    'MAY',
    'refreshSession returns a new refresh token, different from the one it was given.',
    spec(
      'https://www.rfc-editor.org/rfc/rfc6749#section-6',
      'The authorization server MAY issue a new refresh token, in which case the client MUST discard the old refresh token and replace it with the new refresh token.',
    ),
  ),
  authRule(
    REFRESH,
    'http.refresh-session.token-type-separation',
    'refreshSession with the access token (instead of the refresh token) gets a 4xx with error `InvalidToken`.',
  ),
  authRule(
    DELETE,
    'http.refresh-session.use-after-free',
    'After deleteSession, refreshSession with the deleted refresh token gets a 4xx with error `ExpiredToken` or `InvalidToken`.',
  ),
  authRule(
    DELETE,
    'http.delete-session.status-code-conformance',
    'deleteSession with the refresh token answers 2xx.',
  ),
  httpRule(
    'http.xrpc.not-a-server-error',
    'MUST',
    'lexicon',
    'No request of the run, valid or invalid, gets a 5xx: an invalid request is a 4xx, not a server failure.',
    lexicon(CREATE, 'defs.main.input.schema.required', INPUT_REQUIRED),
  ),
  httpRule(
    'http.xrpc.error-body-conformance',
    'SHOULD',
    'SHOULD',
    'Every unsuccessful response is application/json with a JSON object body: a string `error` without whitespace and, optionally, a string `message`.',
    spec(
      XRPC_SPEC,
      'All unsuccessful responses should follow a standard error response schema. The `Content-Type` should be `application/json`, and the payload should be a JSON object with the following fields:',
    ),
  ),
] as const satisfies readonly LiveRule[];

export const HTTP_RULES = [...XRPC_HTTP_RULES, ...SESSION_HTTP_RULES] as const;
