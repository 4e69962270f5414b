import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLiveSuite } from '../../src/live/suite.js';
import type { RuleResult, TargetReport } from '../../src/report/model.js';
import { FILE_NAMES, writeReports } from '../../src/report/write.js';
import { rulesForKind } from '../../src/spec/rules/index.js';
import { type BrokenPds, startBrokenPds } from '../fixtures/broken-pds/server.js';
import { failedRules, runBroken } from './_broken.js';
import { leaks, RecordingRedactor, readAll } from './_secrets.js';

// The broken server breaks exactly these checks, one behaviour each.
const BROKEN: Record<string, string> = {
  'http.xrpc.not-a-server-error': '500 on bad input',
  'http.create-session.negative-data-rejection': '500 on bad input',
  'http.create-session.response-schema-conformance': 'status is a number',
  'http.refresh-session.rotates-refresh-token': 'same refresh token',
  'http.refresh-session.use-after-free': 'refresh works after delete',
  'http.xrpc.error-body-conformance': 'text/plain error body',
  'http.create-session.no-account-enumeration': 'different bodies',
};

// Not applicable to its sessions: no didDoc, no string status, a did:plc.
const SKIPPED = [
  'did.web.hostname-only',
  'did.web.port-localhost-only',
  'coherence.did-doc.id-is-did',
  'coherence.did-doc.aka-handle',
  'coherence.status.inactive',
];

describe('live checks against a deliberately broken server', () => {
  let pds: BrokenPds;
  let target: TargetReport;
  let redactor: RecordingRedactor;
  let outDir: string;

  beforeAll(async () => {
    pds = await startBrokenPds();
    redactor = new RecordingRedactor();
    const run = await runLiveSuite({
      url: pds.url,
      identifier: pds.handle,
      password: pds.password,
      seed: 7,
      negativeBudget: 20,
      negativeDelayMs: 0,
      redactor,
    });
    target = run.report.targets[0] as TargetReport;
    outDir = await mkdtemp(join(tmpdir(), 'live-broken-'));
    await writeReports(run.report, { outDir, formats: ['json', 'md', 'junit', 'html'] });
  });

  afterAll(async () => {
    await pds.close();
    await rm(outDir, { recursive: true, force: true });
  });

  const byRule = (): Map<string, RuleResult> => new Map(target.results.map((r) => [r.rule, r]));

  it('fails exactly the checks it breaks, skips what does not apply, passes the rest', () => {
    const status = Object.fromEntries(target.results.map((r) => [r.rule, r.status]));
    const expected = Object.fromEntries(
      rulesForKind('live').map((r) => [
        r.id,
        r.id in BROKEN ? 'fail' : SKIPPED.includes(r.id) ? 'skip' : 'pass',
      ]),
    );
    expect(status).toEqual(expected);
    expect(target.conformant).toBe(false);
  });

  it('explains each failure with the evidence', () => {
    const r = byRule();
    expect(
      r.get('http.create-session.response-schema-conformance')?.counterexample?.violates,
    ).toEqual(['session.field.status.type']);
    expect(r.get('http.xrpc.error-body-conformance')?.exchange?.response?.contentType).toBe(
      'text/plain',
    );
    expect(r.get('http.refresh-session.use-after-free')?.exchange?.response?.status).toBe(200);
    const negative = r.get('http.create-session.negative-data-rejection');
    expect(negative?.exchange?.response?.status).toBe(500);
    // The first fixed example fails already: a body that is not JSON.
    expect(negative?.counterexample?.value).toEqual({
      contentType: 'application/json',
      text: '{',
    });
    expect(r.get('http.create-session.no-account-enumeration')?.message).toContain(
      'AccountNotFound',
    );
  });

  it('writes curl commands with secrets as variables', () => {
    const withExchange = target.results.filter((r) => r.exchange !== undefined);
    expect(withExchange.length).toBeGreaterThanOrEqual(6);
    const curls = withExchange.map((r) => r.exchange?.curl ?? '');
    for (const curl of curls) {
      expect(curl.startsWith('curl ')).toBe(true);
      expect(leaks(curl, [pds.password, ...redactor.tokens])).toEqual([]);
    }
    const schema = byRule().get('http.create-session.response-schema-conformance');
    expect(schema?.exchange?.curl).toContain('"$ATPROTO_PASSWORD"');
    expect(schema?.exchange?.request.body).toEqual({
      identifier: pds.handle,
      password: '$ATPROTO_PASSWORD',
    });
    expect(byRule().get('http.refresh-session.use-after-free')?.exchange?.curl).toContain(
      `'Authorization: Bearer '"$REFRESH_JWT"`,
    );
  });

  it('leaks no password or token into any report file', async () => {
    expect(redactor.tokens.length).toBeGreaterThanOrEqual(4);
    const files = await readAll(outDir);
    expect(Object.keys(files).sort()).toEqual(Object.values(FILE_NAMES).sort());
    for (const [name, text] of Object.entries(files)) {
      expect([name, leaks(text, [pds.password, ...redactor.tokens])]).toEqual([name, []]);
    }
  });

  it('deletes every session it opened', () => {
    expect(pds.openSessions()).toBe(0);
    const deletes = pds.requests.filter((r) => r.path.endsWith('deleteSession'));
    expect(deletes.length).toBeGreaterThanOrEqual(2);
  });
});

describe('shrinking an invalid request that breaks the server', () => {
  it('reports the smallest failing request it could find within the budget', async () => {
    const { target, loginAttempts } = await runBroken(['server-error-on-extra-field'], {
      seed: 4,
      budget: 20,
      negativeBudget: 20,
    });
    expect(failedRules(target)).toEqual([
      'http.create-session.negative-data-rejection',
      'http.xrpc.not-a-server-error',
    ]);
    const result = target.results.find(
      (r) => r.rule === 'http.create-session.negative-data-rejection',
    );
    expect(result?.message).toMatch(/^invalid request \(extra-fields\): .* shrunk \d+ times$/);
    const value = result?.counterexample?.value as { body: Record<string, unknown> };
    // One undeclared field next to the two required ones, all shrunk to their simplest.
    expect(Object.keys(value.body).sort()).toEqual([' ', 'identifier', 'password']);
    expect(result?.exchange?.request.body).toEqual(value.body);
    expect(loginAttempts).toBeLessThanOrEqual(20);
  });
});
