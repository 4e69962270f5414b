import type { TargetReport } from '../../src/report/model.js';
import { type Break, SESSION_BREAKS } from '../fixtures/broken-pds/server.js';
import { failedRules, runBroken } from './_broken.js';

/*
 * One realistic server bug at a time, each of which an earlier version of live mode missed:
 * every one is reported under its rule, at the default budgets, and nothing else fails.
 */

const REPORTED: Record<(typeof SESSION_BREAKS)[number], readonly string[]> = {
  'refresh-other-account': [
    'http.refresh-session.get-session-same-account',
    'http.refresh-session.same-account',
    'http.session.token-sub-is-account',
  ],
  'get-session-other-email': [
    'http.get-session.same-account',
    'http.refresh-session.get-session-same-account',
  ],
  'server-error-on-bad-bearer': [
    'http.delete-session.ignored-auth',
    'http.refresh-session.ignored-auth',
    'http.xrpc.not-a-server-error',
  ],
  'exp-milliseconds': ['http.session.token-numeric-date'],
  'server-error-on-nul-identifier': [
    'http.create-session.negative-data-rejection',
    'http.xrpc.not-a-server-error',
  ],
};

async function failures(brk: Break, seed: number): Promise<TargetReport> {
  const { target, openSessions } = await runBroken([brk], { seed });
  expect(openSessions).toBe(0);
  return target;
}

describe('session bugs of a server, one at a time, at the default budgets', () => {
  it.each(SESSION_BREAKS.map((b) => [b]))('%s is reported under its rules', async (brk) => {
    const target = await failures(brk, 1);
    expect(failedRules(target)).toEqual([...REPORTED[brk]].sort());
  });

  it('a handle refreshSession changed stands when getSession confirms it, and not otherwise', async () => {
    const renamed = await failures('handle-renamed', 6);
    expect(failedRules(renamed)).toEqual([]);
    const same = renamed.results.find((r) => r.rule === 'http.refresh-session.same-account');
    expect(same?.status).toBe('pass');
    const other = await failures('refresh-other-handle', 6);
    expect(failedRules(other)).toEqual(['http.refresh-session.same-account']);
    expect(other.results.find((r) => r.rule === 'http.refresh-session.same-account')?.message).toBe(
      'refreshSession changed the handle "alice.test" -> "mallory.test", but getSession with the new token says "alice.test"',
    );
  });

  it('names the other account in the message', async () => {
    const target = await failures('refresh-other-account', 2);
    const result = target.results.find((r) => r.rule === 'http.refresh-session.same-account');
    expect(result?.message).toContain('did:plc:7iza6de2dwap2sbkpav7c6c6');
    const email = await failures('get-session-other-email', 2);
    const r = email.results.find((x) => x.rule === 'http.get-session.same-account');
    expect(r?.message).toBe(
      'getSession names another account than createSession: email "alice@example.com" -> "bob@example.com"',
    );
  });

  it('reads exp in milliseconds as such', async () => {
    const target = await failures('exp-milliseconds', 3);
    const r = target.results.find((x) => x.rule === 'http.session.token-numeric-date');
    expect(r?.message).toMatch(/accessJwt exp \d{13} \(milliseconds\?\)/);
  });

  it('sends the fixed NUL identifier whatever the seed', async () => {
    for (const seed of [4, 5]) {
      const target = await failures('server-error-on-nul-identifier', seed);
      const r = target.results.find(
        (x) => x.rule === 'http.create-session.negative-data-rejection',
      );
      expect(r?.message).toMatch(
        /^invalid request \(control-characters\): expected a 4xx, got 500/,
      );
      expect(r?.counterexample?.value).toMatchObject({
        body: { identifier: 'nobody\u0000.invalid' },
      });
    }
  });
});
