import { type Exchanged, RateLimitedError, XrpcClient } from '../../src/live/client.js';
import { Redactor } from '../../src/live/redact.js';
import { runLiveSuite } from '../../src/live/suite.js';
import type { RuleResult, TargetReport } from '../../src/report/model.js';
import { type BrokenPds, startBrokenPds } from '../fixtures/broken-pds/server.js';

const CREATE = '/xrpc/com.atproto.server.createSession';

/** The live options that log in to the test server. */
const loginOf = (pds: BrokenPds) => ({
  url: pds.url,
  identifier: pds.handle,
  password: pds.password,
});

function results(run: Awaited<ReturnType<typeof runLiveSuite>>): Map<string, RuleResult> {
  const target = run.report.targets[0] as TargetReport;
  return new Map(target.results.map((r) => [r.rule, r]));
}

describe('budgets', () => {
  let pds: BrokenPds;
  afterEach(() => pds.close());

  /** A run against a sound server with these budgets and no delay between invalid requests. */
  async function runWithBudgets(budgets: {
    budget: number;
    negativeBudget: number;
    seed?: number;
  }) {
    pds = await startBrokenPds({ breaks: [] });
    return runLiveSuite({ ...loginOf(pds), negativeDelayMs: 0, ...budgets });
  }

  it('never sends more login attempts or invalid requests than the budgets allow', async () => {
    const run = await runWithBudgets({ budget: 5, negativeBudget: 12, seed: 11 });
    // Three logins in the flow; the rest of the budget went to invalid bodies with credentials.
    expect(pds.loginAttempts()).toBeGreaterThanOrEqual(3);
    expect(pds.loginAttempts()).toBeLessThanOrEqual(5);
    const creates = pds.requests.filter((r) => r.path === CREATE);
    // The flow's logins that carry no invalid body, plus at most the negative budget.
    expect(creates.length).toBeLessThanOrEqual(3 + 12);
    expect(creates.length).toBeGreaterThan(3 + 6);
    const r = results(run);
    expect(r.get('http.create-session.negative-data-rejection')?.status).toBe('pass');
    expect(run.report.targets[0]?.conformant).toBe(true);
    expect(pds.openSessions()).toBe(0);
  });

  it('skips what a spent budget cannot pay for, with the reason', async () => {
    const run = await runWithBudgets({ budget: 2, negativeBudget: 0 });
    expect(pds.loginAttempts()).toBe(2);
    expect(pds.requests.filter((r) => r.path === CREATE)).toHaveLength(2);
    const r = results(run);
    expect(r.get('http.create-session.invalid-credentials-rejected')).toMatchObject({
      status: 'pass',
      runs: 1,
    });
    for (const id of [
      'http.create-session.no-account-enumeration',
      'http.create-session.negative-data-rejection',
      'http.create-session.unsupported-method',
    ]) {
      expect(r.get(id)?.status).toBe('skip');
      expect(r.get(id)?.message).toMatch(/budget \(\d+\) is spent/);
    }
    expect(pds.openSessions()).toBe(0);
  });
});

describe('429 Too Many Requests', () => {
  let pds: BrokenPds;
  afterEach(() => pds.close());

  /** What the server and the client's wait saw, in order. */
  async function loginThroughLimit(retryAfter: string): Promise<{
    events: string[];
    outcome: Promise<unknown>;
  }> {
    const events: string[] = [];
    pds = await startBrokenPds({
      breaks: [],
      rateLimit: { times: 1, retryAfter },
      onRequest: (req) => events.push(`request ${req.path}`),
    });
    const client = new XrpcClient({
      baseUrl: pds.url,
      timeoutMs: 5_000,
      redactor: new Redactor(),
      wait: async (ms) => {
        events.push(`wait ${ms}`);
      },
    });
    const outcome = client.call({
      method: 'POST',
      nsid: 'com.atproto.server.createSession',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: pds.handle, password: pds.password }),
    });
    await outcome.catch(() => undefined);
    return { events, outcome };
  }

  it('waits out a short Retry-After between the 429 and its retry', async () => {
    const { events, outcome } = await loginThroughLimit('1');
    expect(events).toEqual([`request ${CREATE}`, 'wait 1000', `request ${CREATE}`]);
    const { response } = (await outcome) as Exchanged;
    expect(response.status).toBe(200);
  });

  it('a run carries on after a short Retry-After', async () => {
    pds = await startBrokenPds({ breaks: [], rateLimit: { times: 1, retryAfter: '1' } });
    const run = await runLiveSuite({
      ...loginOf(pds),
      negativeBudget: 4,
      negativeDelayMs: 0,
    });
    const r = results(run);
    expect(r.get('http.create-session.status-code-conformance')?.status).toBe('pass');
    expect(run.report.targets[0]?.conformant).toBe(true);
    // The 429 and its retry, both paid from the budget.
    const [limited, retried] = pds.requests.filter((req) => req.path === CREATE);
    expect(retried?.body).toBe(limited?.body);
    expect(JSON.parse(limited?.body ?? '{}')).toMatchObject({ identifier: pds.handle });
    expect(pds.openSessions()).toBe(0);
  });

  it('never waits out a long Retry-After', async () => {
    const { events, outcome } = await loginThroughLimit('300');
    expect(events).toEqual([`request ${CREATE}`]);
    await expect(outcome).rejects.toThrow(RateLimitedError);
    await expect(outcome).rejects.toThrow(/Retry-After 300 s/);
  });

  it('stops on a long Retry-After and reports the rest as skipped', async () => {
    pds = await startBrokenPds({ breaks: [], rateLimit: { times: 1, retryAfter: '300' } });
    const run = await runLiveSuite({
      ...loginOf(pds),
      negativeDelayMs: 0,
    });
    expect(pds.requests.filter((req) => req.path === CREATE)).toHaveLength(1);
    const all = [...results(run).values()];
    expect(all.every((x) => x.status === 'skip')).toBe(true);
    expect(all[0]?.message).toContain('429');
    expect(all[0]?.message).toContain('Retry-After 300 s');
  });
});

describe('Ctrl-C', () => {
  let pds: BrokenPds;
  afterEach(() => pds.close());

  it('finishes the request in flight, deletes every session and reports the rest as skipped', async () => {
    const controller = new AbortController();
    pds = await startBrokenPds({
      breaks: [],
      onRequest: (req) => {
        if (req.path.endsWith('refreshSession') && req.headers.authorization !== undefined) {
          controller.abort();
        }
      },
    });
    const run = await runLiveSuite({
      ...loginOf(pds),
      negativeDelayMs: 0,
      signal: controller.signal,
    });
    expect(run.interrupted).toBe(true);
    expect(run.sessionsLeft).toBe(0);
    expect(pds.openSessions()).toBe(0);
    const r = results(run);
    expect(r.get('http.get-session.status-code-conformance')?.status).toBe('pass');
    expect(r.get('http.delete-session.status-code-conformance')).toMatchObject({
      status: 'skip',
      message: 'interrupted',
    });
    // Nothing after the interrupted request but the cleanup.
    const last = pds.requests.slice(
      pds.requests.findIndex((x) => x.path.endsWith('refreshSession')) + 1,
    );
    expect(last.length).toBeGreaterThan(0);
    expect(last.every((x) => x.path.endsWith('deleteSession'))).toBe(true);
  });
});
