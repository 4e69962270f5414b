import type { SentRequest } from '../../src/live/client.js';
import { type LocalPds, startLocalPds } from '../../src/live/local-pds.js';
import { type LiveRun, type LiveSuiteOptions, runLiveSuite } from '../../src/live/suite.js';
import type { TargetReport } from '../../src/report/model.js';
import { referenceStatuses } from './_reference.js';
import { RecordingRedactor } from './_secrets.js';

/*
 * The reference PDS with its production rate limits on (createSession: 30 per 5 minutes per
 * identifier and IP). A full run stays within its budget and passes; a run at the edge of the
 * limit stops logging in when the server says nothing is left; a run past it honours the 429.
 * Every session any of them opened is gone afterwards.
 */

const CREATE = 'com.atproto.server.createSession';

/** createSession requests that carry a string identifier and password: what the limit counts. */
function logins(history: readonly SentRequest[]): SentRequest[] {
  return history.filter((r) => {
    if (r.nsid !== CREATE || r.method !== 'POST' || r.body === undefined) return false;
    try {
      const body = JSON.parse(r.body) as Record<string, unknown>;
      return typeof body.identifier === 'string' && typeof body.password === 'string';
    } catch {
      return false;
    }
  });
}

const statuses = (run: LiveRun) =>
  new Map((run.report.targets[0] as TargetReport).results.map((r) => [r.rule, r]));

describe('live checks against the reference PDS with its rate limits on', () => {
  let pds: LocalPds;
  const redactor = new RecordingRedactor();

  async function wrongLogin(): Promise<Response> {
    return fetch(`${pds.url}/xrpc/${CREATE}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: pds.handle, password: 'not the password' }),
    });
  }

  /** A run that records every token it sees, so the last test can check them all. */
  const liveRun = (opts: Partial<LiveSuiteOptions>): Promise<LiveRun> =>
    runLiveSuite({
      url: pds.url,
      identifier: pds.handle,
      password: pds.password,
      negativeDelayMs: 0,
      redactor,
      ...opts,
    });

  beforeAll(async () => {
    pds = await startLocalPds({ rateLimits: true });
  }, 60_000);

  afterAll(async () => {
    await pds?.stop();
  });

  it('a full run stays within --budget, trips no limit and passes every check', async () => {
    const run = await liveRun({
      seed: 5,
      budget: 10,
    });
    expect(logins(run.history).length).toBeLessThanOrEqual(10);
    expect(logins(run.history).length).toBeGreaterThanOrEqual(8);
    const expected = referenceStatuses();
    expect(Object.fromEntries([...statuses(run)].map(([id, r]) => [id, r.status]))).toEqual(
      expected,
    );
    expect(run.sessionsLeft).toBe(0);
  }, 60_000);

  it('stops logging in when the server says its limit is reached, and never goes past it', async () => {
    // The run above spent 2 of the account's 30; spend all but 2 more, as other clients would.
    const spent = await Promise.all(Array.from({ length: 26 }, () => wrongLogin()));
    expect(spent.map((r) => r.status)).toEqual(Array(26).fill(401));
    const run = await liveRun({
      seed: 6,
      budget: 10,
    });
    const r = statuses(run);
    // Its login and wrong-password login were the last two; RateLimit-Remaining: 0 closed
    // the budget, so nothing more reached the login handler and no request got a 429.
    expect(r.get('http.create-session.status-code-conformance')?.status).toBe('pass');
    expect(r.get('http.get-session.same-account')?.status).toBe('pass');
    expect(r.get('http.create-session.no-account-enumeration')).toMatchObject({
      status: 'skip',
      message: 'the server says its rate limit is reached (RateLimit-Remaining: 0)',
    });
    expect([...r.values()].some((x) => x.message?.includes('429'))).toBe(false);
    expect(run.sessionsLeft).toBe(0);
    // The server agrees: the account's next login is over the limit.
    expect((await wrongLogin()).status).toBe(429);
  }, 60_000);

  it('honours the 429 of a spent limit: stops at once and reports the rest as skipped', async () => {
    const run = await liveRun({});
    const all = [...statuses(run).values()];
    expect(all.every((x) => x.status === 'skip')).toBe(true);
    expect(all[0]?.message).toMatch(/^stopped: .*429 Too Many Requests \(Retry-After \d+ s\)/);
    // One login, answered 429 and not retried; nothing after it (no session to delete).
    expect(run.history.map((h) => h.label)).toEqual([
      'probe/describe-server',
      'probe/health',
      'create-session/login',
    ]);
  }, 60_000);

  it('leaves no session of any run behind', async () => {
    expect(redactor.tokens.length).toBeGreaterThanOrEqual(4);
    const refresh = redactor.tokens.filter((t) => t.startsWith('eyJ0eXAiOiJyZWZyZXNoK2p3dCI'));
    expect(refresh.length).toBeGreaterThanOrEqual(4);
    for (const token of refresh) {
      const res = await fetch(`${pds.url}/xrpc/com.atproto.server.refreshSession`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error?: string }).error).toBe('ExpiredToken');
    }
  });
});
