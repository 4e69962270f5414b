import { badBearers } from './bad-bearers.js';
import type { Bearer } from './bearers.js';
import { tokenClocks } from './checks/clocks.js';
import {
  confirmHandle,
  refreshKeepsAccount,
  sameAccountAsLogin,
  tokensOfAccount,
} from './checks/identity.js';
import { type Judge, refused, refusedWithout } from './checks/judge.js';
import { deleted, unknownIdentifierLogin, wrongPasswordLogin } from './checks/logins.js';
import { coherent, didPolicy, remember, rotates } from './checks/session.js';
import { each, type SuccessRules, success } from './checks/success.js';
import type { Method } from './client.js';
import { NSID, type SessionNsid } from './requests.js';

/*
 * The session flow as data. Each step is one request (method, endpoint, bearer, body, the
 * budget that pays for it), what it needs from earlier steps, and the judge that decides its
 * rules. The run (flow.ts) and `--dry-run` (plan.ts) both walk this table, so the plan is the
 * list of requests a run sends. The flow needs three logins: the real one, a wrong password
 * and an unknown identifier.
 */

/** What a step needs from earlier ones; without it, its rules are skipped with the reason. */
export type Need = 'login' | 'rotated' | 'deleted' | 'wrong-login';

export const NEED_REASON: Readonly<Record<Need, string>> = {
  login: 'no session: the login did not succeed',
  rotated: 'refreshSession did not succeed',
  deleted: 'deleteSession did not succeed',
  'wrong-login': 'the wrong-password login was not sent',
};

export type Body = 'credentials' | 'wrong-password' | 'unknown-identifier';

/** The JSON body of a login step; `wrong` holds the random credentials no account has. */
export function loginBody(
  body: Body,
  account: { readonly identifier: string; readonly password: string },
  wrong: { readonly identifier: string; readonly password: string },
): string {
  const identifier = body === 'unknown-identifier' ? wrong.identifier : account.identifier;
  const password = body === 'credentials' ? account.password : wrong.password;
  return JSON.stringify({ identifier, password });
}

export interface LiveStep {
  /** Stable name, e.g. `get-session/truncated-access`. */
  readonly name: string;
  /** One line for the plan. */
  readonly note: string;
  readonly method: Method;
  readonly nsid: SessionNsid;
  readonly bearer?: Bearer;
  readonly body?: Body;
  readonly budget?: 'login' | 'negative';
  readonly needs?: Need;
  readonly judge: Judge;
}

const GET_SESSION_OK: SuccessRules = {
  status: 'http.get-session.status-code-conformance',
  contentType: 'http.get-session.content-type-conformance',
  schema: 'http.get-session.response-schema-conformance',
};
const GET_IGNORED = 'http.get-session.ignored-auth';
const REFRESH_IGNORED = 'http.refresh-session.ignored-auth';
const DELETE_IGNORED = 'http.delete-session.ignored-auth';

export const FLOW: readonly LiveStep[] = [
  {
    name: 'create-session/login',
    note: 'log in with the account credentials',
    method: 'POST',
    nsid: NSID.create,
    body: 'credentials',
    budget: 'login',
    judge: success(
      'createSession',
      {
        status: 'http.create-session.status-code-conformance',
        contentType: 'http.create-session.content-type-conformance',
        schema: 'http.create-session.response-schema-conformance',
      },
      'session',
      each(
        remember('login'),
        coherent('createSession'),
        didPolicy(),
        tokenClocks(),
        tokensOfAccount('http.session.token-sub-is-account', 'createSession'),
      ),
    ),
  },
  {
    name: 'get-session/access',
    note: 'getSession with the access token',
    method: 'GET',
    nsid: NSID.get,
    bearer: { token: 'access', of: 'login' },
    needs: 'login',
    judge: success(
      'getSession with the access token',
      GET_SESSION_OK,
      'getSession',
      each(
        coherent('getSession'),
        sameAccountAsLogin('http.get-session.same-account', 'getSession'),
      ),
    ),
  },
  {
    name: 'get-session/refresh',
    note: 'getSession with the refresh token (must be 4xx)',
    method: 'GET',
    nsid: NSID.get,
    bearer: { token: 'refresh', of: 'login' },
    needs: 'login',
    judge: refused('http.get-session.token-type-separation', 'with the refresh token'),
  },
  ...badBearers(
    'get-session',
    NSID.get,
    'access',
    'login',
    (what) => refused(GET_IGNORED, what),
    refusedWithout(GET_IGNORED, 'http.get-session.missing-auth'),
  ),
  {
    name: 'refresh-session/access',
    note: 'refreshSession with the access token (must be 4xx InvalidToken)',
    method: 'POST',
    nsid: NSID.refresh,
    bearer: { token: 'access', of: 'login' },
    needs: 'login',
    judge: refused('http.refresh-session.token-type-separation', 'with the access token', [
      'InvalidToken',
    ]),
  },
  ...badBearers(
    'refresh-session',
    NSID.refresh,
    'refresh',
    'login',
    (what) => refused(REFRESH_IGNORED, what),
    refusedWithout(REFRESH_IGNORED),
  ),
  {
    name: 'refresh-session/refresh',
    note: 'refreshSession with the refresh token',
    method: 'POST',
    nsid: NSID.refresh,
    bearer: { token: 'refresh', of: 'login' },
    needs: 'login',
    judge: success(
      'refreshSession',
      {
        status: 'http.refresh-session.status-code-conformance',
        contentType: 'http.refresh-session.content-type-conformance',
        schema: 'http.refresh-session.response-schema-conformance',
      },
      'session',
      each(
        remember('rotated'),
        coherent('refreshSession'),
        rotates('http.refresh-session.rotates-refresh-token'),
        refreshKeepsAccount('http.refresh-session.same-account'),
        tokenClocks(),
        tokensOfAccount('http.session.token-sub-is-account', 'refreshSession'),
      ),
    ),
  },
  {
    name: 'get-session/new-access',
    note: 'getSession with the new access token',
    method: 'GET',
    nsid: NSID.get,
    bearer: { token: 'access', of: 'rotated' },
    needs: 'rotated',
    judge: success(
      'getSession with the new access token',
      GET_SESSION_OK,
      'getSession',
      each(
        sameAccountAsLogin('http.refresh-session.get-session-same-account', 'getSession'),
        confirmHandle('http.refresh-session.same-account'),
      ),
    ),
  },
  {
    name: 'delete-session/access',
    note: 'deleteSession with the access token (must be 4xx)',
    method: 'POST',
    nsid: NSID.delete,
    bearer: { token: 'access', of: 'latest' },
    needs: 'login',
    judge: refused('http.delete-session.token-type-separation', 'with the access token'),
  },
  ...badBearers(
    'delete-session',
    NSID.delete,
    'refresh',
    'latest',
    (what) => refused(DELETE_IGNORED, what),
    refusedWithout(DELETE_IGNORED),
  ),
  {
    name: 'delete-session/refresh',
    note: 'deleteSession with the refresh token',
    method: 'POST',
    nsid: NSID.delete,
    bearer: { token: 'refresh', of: 'latest' },
    needs: 'login',
    judge: deleted('http.delete-session.status-code-conformance'),
  },
  {
    name: 'refresh-session/deleted',
    note: 'refreshSession with the deleted refresh token (must be 4xx)',
    method: 'POST',
    nsid: NSID.refresh,
    bearer: { token: 'refresh', of: 'deleted' },
    needs: 'deleted',
    judge: refused('http.refresh-session.use-after-free', 'with a deleted refresh token', [
      'ExpiredToken',
      'InvalidToken',
    ]),
  },
  {
    name: 'create-session/wrong-password',
    note: 'wrong password (must be 401)',
    method: 'POST',
    nsid: NSID.create,
    body: 'wrong-password',
    budget: 'login',
    judge: wrongPasswordLogin('http.create-session.invalid-credentials-rejected'),
  },
  {
    name: 'create-session/unknown-identifier',
    note: 'unknown identifier (must be 401, with the same body)',
    method: 'POST',
    nsid: NSID.create,
    body: 'unknown-identifier',
    budget: 'login',
    needs: 'wrong-login',
    judge: unknownIdentifierLogin(
      'http.create-session.invalid-credentials-rejected',
      'http.create-session.no-account-enumeration',
    ),
  },
  {
    name: 'create-session/get',
    note: 'GET on a procedure (must be 4xx)',
    method: 'GET',
    nsid: NSID.create,
    budget: 'negative',
    judge: refused('http.create-session.unsupported-method', 'GET'),
  },
];

/** The logins the flow spends from the login budget. */
export const FLOW_LOGINS = FLOW.filter((s) => s.budget === 'login').length;
