import type { Bearer } from './bearers.js';
import type { Judge } from './checks/judge.js';
import type { Method } from './client.js';
import { NSID, type SessionNsid } from './requests.js';
import type { LiveStep, Need } from './steps.js';

/*
 * The bad bearers every authenticated endpoint is sent: malformed, truncated, unsigned (the
 * signature cut off), expired-looking (a well-formed token that expired long ago, signed with a
 * key no server has) and none. Each must be refused with a 4xx. The wrong token type is a step
 * of its own in the table, since its expected error differs per endpoint.
 */

const NONE: Bearer = { none: true };
const SHOWN = {
  'get-session': 'getSession',
  'refresh-session': 'refreshSession',
  'delete-session': 'deleteSession',
} as const;
const MALFORMED: Bearer = { fixed: 'malformed' };

/** The steps sending each bad bearer to one endpoint; `missing` judges the one without. */
export function badBearers(
  endpoint: 'get-session' | 'refresh-session' | 'delete-session',
  nsid: SessionNsid,
  token: 'access' | 'refresh',
  of: 'login' | 'latest',
  judge: (what: string) => Judge,
  missing: Judge,
): LiveStep[] {
  const method: Method = nsid === NSID.get ? 'GET' : 'POST';
  const expired: Bearer = { fixed: token === 'access' ? 'expired-access' : 'expired-refresh' };
  const forms: [string, Bearer, Need | undefined, string][] = [
    ['malformed', MALFORMED, undefined, 'with a malformed token'],
    [
      `truncated-${token}`,
      { token, of, form: 'truncated' },
      'login',
      `with a truncated ${token} token`,
    ],
    [
      `unsigned-${token}`,
      { token, of, form: 'unsigned' },
      'login',
      `with an unsigned ${token} token`,
    ],
    ['expired-looking', expired, undefined, 'with an expired-looking token'],
  ];
  const steps: LiveStep[] = forms.map(([form, bearer, needs, what]) => {
    return {
      name: `${endpoint}/${form}`,
      note: `${SHOWN[endpoint]} ${what} (must be 4xx)`,
      method,
      nsid,
      bearer,
      ...(needs === undefined ? {} : { needs }),
      judge: judge(what),
    };
  });
  steps.push({
    name: `${endpoint}/missing`,
    note: `${SHOWN[endpoint]} without a token (must be 4xx)`,
    method,
    nsid,
    bearer: NONE,
    judge: missing,
  });
  return steps;
}
