import { execFileSync } from 'node:child_process';
import { type Bearer, bearerValue, FIXED_BEARERS, plannedBearer } from '../../src/live/bearers.js';
import { toCurl } from '../../src/live/curl.js';
import { Redactor } from '../../src/live/redact.js';
import { decodeJwt } from '../../src/spec/jwt.js';

const ACCESS =
  'eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkaWQ6cGxjOmFiYyJ9.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';
const REFRESH =
  'eyJ0eXAiOiJyZWZyZXNoK2p3dCIsImFsZyI6IkhTMjU2In0.eyJzdWIiOiJkaWQ6cGxjOmFiYyIsImp0aSI6IngifQ.cmVmcmVzaC1zaWduYXR1cmUtcmVmcmVzaC1zaWc';

const tokens = (type: 'access' | 'refresh'): string => (type === 'access' ? ACCESS : REFRESH);

const DERIVED: Bearer[] = [
  { token: 'access', of: 'login', form: 'truncated' },
  { token: 'access', of: 'login', form: 'unsigned' },
  { token: 'refresh', of: 'latest', form: 'truncated' },
  { token: 'refresh', of: 'latest', form: 'unsigned' },
];

describe('bad bearers', () => {
  it.each(DERIVED.map((b) => [`${'token' in b ? `${b.form} ${b.token}` : ''}`, b]))(
    '%s: the run sends what the plan shows, and the shell expands the plan to it',
    (_name, bearer) => {
      const redactor = new Redactor();
      redactor.addToken(ACCESS, 'access');
      redactor.addToken(REFRESH, 'refresh');
      const value = bearerValue(bearer, tokens, redactor) as string;
      const token = tokens('token' in bearer ? bearer.token : 'access');
      expect(value).not.toBe(token);
      expect(token.startsWith(value)).toBe(true);
      expect(redactor.text(value)).toBe(plannedBearer(bearer));
      // The curl command of the exchange names it by the same expression.
      const curl = toCurl({ method: 'GET', url: 'http://h/x', headers: { a: value } }, redactor);
      const word = curl.split(' -H ')[1] as string;
      const expanded = execFileSync('/bin/sh', ['-c', `printf %s ${word}`], {
        env: { ACCESS_JWT: ACCESS, REFRESH_JWT: REFRESH },
      }).toString();
      expect(expanded).toBe(`A: ${value}`);
    },
  );

  it.each(['expired-access', 'expired-refresh'] as const)(
    'the made-up %s token is sent as it is, spelled in plans, reports and curl commands so that the shell gives it back',
    (name) => {
      const redactor = new Redactor();
      const value = bearerValue({ fixed: name }, tokens, redactor) as string;
      expect(value).toBe(FIXED_BEARERS[name]);
      const shown = plannedBearer({ fixed: name }) as string;
      expect(shown).not.toMatch(/eyJ[A-Za-z0-9_-]+\./);
      expect(redactor.text(`Bearer ${value}`)).toBe(`Bearer ${shown}`);
      const curl = toCurl(
        { method: 'GET', url: 'http://h/x', headers: { a: `Bearer ${value}` } },
        redactor,
      );
      const word = curl.split(' -H ')[1] as string;
      expect(redactor.text(curl)).toBe(curl);
      const expanded = execFileSync('/bin/sh', ['-c', `printf %s ${word}`]).toString();
      expect(expanded).toBe(`A: Bearer ${FIXED_BEARERS[name]}`);
    },
  );

  it('a JWT-shaped value nobody registered is still masked', () => {
    const redactor = new Redactor();
    redactor.addPublicToken(FIXED_BEARERS['expired-access']);
    expect(redactor.text(`x ${ACCESS} y`)).toBe('x [redacted JWT] y');
  });

  it('an unsigned token keeps header and claims and drops the signature', () => {
    const value = bearerValue(
      { token: 'access', of: 'login', form: 'unsigned' },
      tokens,
      new Redactor(),
    );
    expect(value).toBe(`${ACCESS.split('.').slice(0, 2).join('.')}.`);
  });

  it('the expired-looking tokens are well formed, of the right type, and expired long ago', () => {
    for (const [name, typ] of [
      ['expired-access', 'at+jwt'],
      ['expired-refresh', 'refresh+jwt'],
    ] as const) {
      const jwt = decodeJwt(FIXED_BEARERS[name]);
      expect(jwt?.header.typ).toBe(typ);
      expect(jwt?.payload.exp).toBeLessThan(Date.now() / 1000 - 10 * 365 * 86_400);
    }
    expect(plannedBearer({ none: true })).toBeUndefined();
    expect(bearerValue({ fixed: 'malformed' }, tokens, new Redactor())).toBe('not-a-session-token');
  });
});
