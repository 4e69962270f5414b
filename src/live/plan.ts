import fc from 'fast-check';
import {
  CREATE_SESSION_EXAMPLES,
  carriesCredentials,
  invalidCreateSessionRequest,
  requestBodyText,
} from '../../generators/xrpc/index.js';
import { commonHeaders } from './client.js';
import { containsSecret, negativeRuns } from './negative.js';
import { DESCRIBE_SERVER, HEALTH } from './probe.js';
import { ACCESS_PLACEHOLDER, REFRESH_PLACEHOLDER, type Redactor } from './redact.js';
import { GARBAGE_TOKEN, NSID, unknownIdentifier } from './session-checks.js';

/*
 * `--dry-run`: every request a run would make, in order, with secrets shown as the variables a
 * curl command would use. Nothing is sent. Invalid bodies are the first ones the seed generates;
 * a real run may send fewer (budgets) and, when one fails, a few more while shrinking it.
 */

export interface PlannedRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Which budget pays for it, if any. */
  readonly budget?: 'createSession' | 'invalid-request' | 'createSession + invalid-request';
  readonly note: string;
}

export interface PlanOptions {
  readonly url: string;
  readonly identifier: string;
  readonly password: string;
  readonly budget: number;
  readonly negativeBudget: number;
  readonly seed: number;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
/** Logins of the session flow: the real one, a wrong password, an unknown identifier. */
const FLOW_LOGINS = 3;

export function planRequests(opts: PlanOptions): PlannedRequest[] {
  const url = (nsid: string): string => `${opts.url}/xrpc/${nsid}`;
  const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
  const login = (identifier: string, password: string, note: string): PlannedRequest => ({
    method: 'POST',
    url: url(NSID.create),
    headers: JSON_HEADERS,
    body: JSON.stringify({ identifier, password }),
    budget: 'createSession',
    note,
  });
  const plan: PlannedRequest[] = [
    { method: 'GET', url: url(DESCRIBE_SERVER), headers: {}, note: 'is this a PDS?' },
    { method: 'GET', url: url(HEALTH), headers: {}, note: 'server version, if it says' },
    login(opts.identifier, opts.password, 'log in with the account credentials'),
    {
      method: 'GET',
      url: url(NSID.get),
      headers: bearer(ACCESS_PLACEHOLDER),
      note: 'getSession with the access token',
    },
    {
      method: 'GET',
      url: url(NSID.get),
      headers: bearer(REFRESH_PLACEHOLDER),
      note: 'getSession with the refresh token (must fail)',
    },
    {
      method: 'GET',
      url: url(NSID.get),
      headers: bearer(GARBAGE_TOKEN),
      note: 'getSession with garbage (must fail)',
    },
    {
      method: 'GET',
      url: url(NSID.get),
      headers: {},
      note: 'getSession without a token (must be 401)',
    },
    {
      method: 'POST',
      url: url(NSID.refresh),
      headers: bearer(ACCESS_PLACEHOLDER),
      note: 'refreshSession with the access token (must fail)',
    },
    {
      method: 'POST',
      url: url(NSID.refresh),
      headers: bearer(REFRESH_PLACEHOLDER),
      note: 'refreshSession with the refresh token',
    },
    {
      method: 'POST',
      url: url(NSID.delete),
      headers: bearer(REFRESH_PLACEHOLDER),
      note: 'deleteSession with the new refresh token',
    },
    {
      method: 'POST',
      url: url(NSID.refresh),
      headers: bearer(REFRESH_PLACEHOLDER),
      note: 'refreshSession with the deleted token (must fail)',
    },
    login(opts.identifier, '<random wrong password>', 'wrong password (must be 401)'),
    login(
      unknownIdentifier(opts.identifier),
      '<random wrong password>',
      'unknown identifier (must be 401, same body)',
    ),
    {
      method: 'GET',
      url: url(NSID.create),
      headers: {},
      budget: 'invalid-request',
      note: 'GET on a procedure (must fail)',
    },
  ];
  let logins = Math.min(FLOW_LOGINS, opts.budget);
  // Requests beyond a budget are not sent.
  const flow = plan.filter(
    (r) =>
      (r.budget !== 'createSession' || logins-- > 0) &&
      (r.budget !== 'invalid-request' || opts.negativeBudget > 0),
  );
  let loginLeft = Math.max(0, opts.budget - FLOW_LOGINS);
  const runs = negativeRuns(Math.max(0, opts.negativeBudget - 1));
  const count = Math.max(0, runs - CREATE_SESSION_EXAMPLES.length);
  const generated =
    count === 0
      ? []
      : fc.sample(invalidCreateSessionRequest(), { seed: opts.seed, numRuns: count });
  for (const req of [...CREATE_SESSION_EXAMPLES, ...generated].slice(0, runs)) {
    if (containsSecret(req, opts.password)) continue;
    const credentials = carriesCredentials(req);
    if (credentials && loginLeft === 0) continue;
    if (credentials) loginLeft--;
    flow.push({
      method: 'POST',
      url: url(NSID.create),
      headers: req.contentType === null ? {} : { 'content-type': req.contentType },
      body: requestBodyText(req),
      budget: credentials ? 'createSession + invalid-request' : 'invalid-request',
      note: `invalid request: ${req.mutation} (must be 4xx)`,
    });
  }
  flow.push({
    method: 'POST',
    url: url(NSID.delete),
    headers: bearer(REFRESH_PLACEHOLDER),
    note: 'cleanup: deleteSession with every refresh token the run saw',
  });
  return flow;
}

const SHOWN_BODY_CHARS = 160;

export function formatPlan(
  plan: readonly PlannedRequest[],
  redactor: Redactor,
  opts: PlanOptions,
): string {
  const lines = [
    `Dry run: nothing is sent. A run against ${opts.url} would make these requests`,
    `(seed ${opts.seed}; budgets: ${opts.budget} createSession, ${opts.negativeBudget} invalid-request).`,
    `Every request also carries ${Object.entries(commonHeaders())
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}.`,
    '',
  ];
  plan.forEach((req, i) => {
    const paid = req.budget === undefined ? '' : `  [${req.budget}]`;
    lines.push(`${String(i + 1).padStart(3)}. ${req.method} ${req.url}  # ${req.note}${paid}`);
    for (const [name, value] of Object.entries(req.headers)) {
      lines.push(`       ${name}: ${redactor.text(value)}`);
    }
    if (req.body !== undefined) {
      const body = redactor.text(req.body);
      const shown =
        body.length > SHOWN_BODY_CHARS
          ? `${printable(body.slice(0, SHOWN_BODY_CHARS))}… (${body.length} chars)`
          : printable(body);
      lines.push(`       body: ${shown === '' ? '(empty)' : shown}`);
    }
  });
  lines.push('', `${plan.length} requests. Secrets are shown as $VARIABLES.`, '');
  return lines.join('\n');
}

/** Control characters and lone surrogates as escapes, so the plan stays one line per body. */
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters escaped
  return text.replace(/[\u0000-\u001f\u007f]|[\ud800-\udfff]/gu, (ch) =>
    ch.length === 1 ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch,
  );
}
