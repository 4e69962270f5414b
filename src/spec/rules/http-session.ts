import { DELETE, GET, REFRESH, RFC7519_NUMERIC_DATE, RFC9068 } from './sources.js';
import { type Keyword, type Level, lexicon, type Rule, type Source, spec } from './types.js';

/*
 * Live checks of the session as the server keeps it across requests: the account behind every
 * token and every answer stays the same, bad bearers are refused on every authenticated
 * endpoint, and the token clocks are NumericDates a client can use.
 */

/** A live rule: a catalogue rule that also names the keyword of its source. */
export type LiveRule = Rule & { readonly keyword: Keyword };

const GET_AUTH = 'Get information about the current auth session. Requires auth.';
const REFRESH_AUTH =
  "Refresh an authentication session. Requires auth using the 'refreshJwt' (not the 'accessJwt').";
const DELETE_AUTH =
  "Delete the current session. Requires auth using the 'refreshJwt' (not the 'accessJwt').";
const BAD_BEARERS = 'a malformed, truncated, unsigned, expired-looking or missing bearer';

/** A live HTTP check: judged on exchanges with a server, and failing when the server breaks it. */
export function httpRule<const Id extends string, const L extends Level, const K extends Keyword>(
  id: Id,
  level: L,
  keyword: K,
  summary: string,
  source: Source,
) {
  return {
    id,
    level,
    keyword,
    polarity: 'reject',
    area: 'http',
    kinds: ['live'],
    summary,
    source,
  } as const;
}

/** What each authenticated endpoint's lexicon says about its auth. */
const AUTH_DESCRIPTIONS = { [GET]: GET_AUTH, [REFRESH]: REFRESH_AUTH, [DELETE]: DELETE_AUTH };

/** A MUST from the auth sentence of an authenticated endpoint's lexicon description. */
export function authRule<const Id extends string>(
  endpoint: keyof typeof AUTH_DESCRIPTIONS,
  id: Id,
  summary: string,
) {
  const source = lexicon(endpoint, 'defs.main.description', AUTH_DESCRIPTIONS[endpoint]);
  return httpRule(id, 'MUST', 'lexicon', summary, source);
}

export const SESSION_HTTP_RULES = [
  authRule(
    REFRESH,
    'http.refresh-session.same-account',
    'refreshSession returns the `did` of the session it refreshed, and its handle unless getSession with the new access token confirms a new one.',
  ),
  authRule(
    GET,
    'http.refresh-session.get-session-same-account',
    'getSession with the access token refreshSession returned names the logged-in account: its `did`, its `handle`, and its `email` when createSession sent one.',
  ),
  httpRule(
    'http.session.token-sub-is-account',
    'SHOULD',
    'SHOULD',
    'The `sub` of every token the run receives, from createSession and refreshSession, is the account DID createSession named.',
    spec(
      RFC9068,
      'the value of "sub" SHOULD correspond to the subject identifier of the resource owner.',
    ),
  ),
  authRule(
    REFRESH,
    'http.refresh-session.ignored-auth',
    `refreshSession with ${BAD_BEARERS} gets a 4xx, never a 2xx or a 5xx.`,
  ),
  authRule(
    DELETE,
    'http.delete-session.ignored-auth',
    `deleteSession with ${BAD_BEARERS} gets a 4xx, never a 2xx or a 5xx.`,
  ),
  authRule(
    DELETE,
    'http.delete-session.token-type-separation',
    'deleteSession with the access token (instead of the refresh token) gets a 4xx.',
  ),
  httpRule(
    'http.session.token-numeric-date',
    'MUST',
    'MUST',
    'Every token `iat` and `exp` is a NumericDate: a non-negative number of seconds, not milliseconds (a value of 10^11 or more is read as milliseconds).',
    spec(RFC7519_NUMERIC_DATE, 'Its value MUST be a number containing a NumericDate value.'),
  ),
  httpRule(
    'http.session.token-issued-now',
    'SHOULD',
    'MAY',
    "Every token is issued now: `iat` within 5 minutes of the response's Date header, and `exp` after it.",
    spec(
      RFC7519_NUMERIC_DATE,
      'Implementers MAY provide for some small leeway, usually no more than a few minutes, to account for clock skew.',
    ),
  ),
  httpRule(
    'http.session.token-lifetime',
    'SHOULD',
    'SHOULD',
    'Token lifetimes (`exp` minus `iat`) are plausible: 1 minute to 1 day for access tokens, 1 hour to 1 year for refresh tokens.',
    spec(
      'https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2',
      'Refresh tokens SHOULD expire if the client has been inactive for some time, i.e., the refresh token has not been used to obtain new access tokens for some time.',
    ),
  ),
] as const satisfies readonly LiveRule[];
