import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import { type LocalPds, startLocalPds } from '../../src/live/local-pds.js';
import { CLEANUP_STEP, planRequests, RANDOM_PASSWORD } from '../../src/live/plan.js';
import { runLiveSuite } from '../../src/live/suite.js';
import type { Report, TargetReport } from '../../src/report/model.js';
import { writeReports } from '../../src/report/write.js';
import { captureIo } from '../_helpers/io.js';
import { referenceStatuses } from './_reference.js';
import { leaks, RecordingRedactor, readAll } from './_secrets.js';

describe('live checks against the reference PDS (@atproto/pds on 127.0.0.1)', () => {
  let pds: LocalPds;
  const dirs: string[] = [];
  const tempDir = async (): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), 'live-local-'));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    pds = await startLocalPds();
  }, 60_000);

  afterAll(async () => {
    await pds?.stop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('passes every MUST check; SHOULD checks as expected for 0.4.217; no secret leaks', async () => {
    const redactor = new RecordingRedactor();
    const progress: string[] = [];
    const run = await runLiveSuite({
      url: pds.url,
      identifier: pds.handle,
      password: pds.password,
      seed: 42,
      negativeBudget: 24,
      negativeDelayMs: 0,
      redactor,
      progress: (line) => progress.push(line),
    });
    const target = run.report.targets[0] as TargetReport;
    expect(target.target).toMatchObject({ id: `live:${pds.url}`, version: pds.version });
    const status = Object.fromEntries(target.results.map((r) => [r.rule, r.status]));
    const expected = referenceStatuses();
    expect(status).toEqual(expected);
    expect(target.conformant).toBe(true);
    expect(run.sessionsLeft).toBe(0);
    expect(run.interrupted).toBe(false);

    // Tokens were seen (two refresh tokens, one or two access tokens: 0.4.217 access tokens
    // have no jti, so a refresh within the same second repeats the access token) and none of
    // them, nor the password, is written anywhere.
    expect(redactor.tokens.length).toBeGreaterThanOrEqual(3);
    const outDir = await tempDir();
    await writeReports(run.report, { outDir, formats: ['json', 'md', 'junit', 'html'] });
    const secrets = [pds.password, ...redactor.tokens];
    for (const [name, text] of Object.entries(await readAll(outDir))) {
      expect([name, leaks(text, secrets)]).toEqual([name, []]);
    }
    expect(progress.length).toBeGreaterThan(3);
    expect(leaks(progress.join('\n'), secrets)).toEqual([]);
  }, 60_000);

  it('sends exactly the requests --dry-run plans, in the same order', async () => {
    const opts = {
      url: pds.url,
      identifier: pds.handle,
      password: pds.password,
      budget: 10,
      negativeBudget: 16,
      seed: 7,
    };
    const run = await runLiveSuite({ ...opts, negativeDelayMs: 0 });
    expect(run.report.targets[0]?.conformant).toBe(true);
    const plan = planRequests(opts).filter((r) => r.leftOut === undefined);
    const shown = (r: {
      step?: string;
      label?: string;
      method: string;
      url: string;
      headers: Readonly<Record<string, string>>;
      body?: string;
    }) => ({
      step: r.step ?? r.label,
      request: `${r.method} ${r.url}`,
      authorization: r.headers.authorization,
      contentType: r.headers['content-type'],
      body: r.body?.includes(RANDOM_PASSWORD) ? 'random' : r.body,
    });
    // The plan as a run shows it: secrets as variables, JWT-shaped values masked.
    const planned = plan.map((r) => shown(run.redactor.value(r)));
    const sent = run.history.map((r) => {
      const random =
        r.label === 'create-session/wrong-password' ||
        r.label === 'create-session/unknown-identifier';
      return shown({ ...r, ...(random ? { body: RANDOM_PASSWORD } : {}) });
    });
    // The plan has one cleanup line for every session the run holds at the end.
    const cleanup = (x: { step?: string }) => x.step === CLEANUP_STEP;
    expect(sent.filter((x) => !cleanup(x))).toEqual(planned.filter((x) => !cleanup(x)));
    expect(sent.filter(cleanup).length).toBeGreaterThanOrEqual(1);
    expect(sent.slice(-1)[0]?.step).toBe(CLEANUP_STEP);
    expect(planned.length).toBeGreaterThan(40);
  }, 60_000);

  it('runs through the CLI with --pds: exit 0, reports written, nothing leaked', async () => {
    const outDir = await tempDir();
    const io = captureIo({ PDS_SECRET: pds.password }, true);
    const code = await main(
      [
        'live',
        '--pds',
        pds.url,
        '--identifier',
        pds.email,
        '--password-env',
        'PDS_SECRET',
        '--out',
        outDir,
        '--seed',
        '3',
        '--negative-budget',
        '10',
      ],
      io,
    );
    expect(io.errChunks.filter((l) => !l.startsWith('live: '))).toEqual([]);
    expect(code).toBe(0);
    expect(io.out()).toContain(`live:${pds.url}`);
    const report = JSON.parse(await readFile(join(outDir, 'report.json'), 'utf8')) as Report;
    expect(report.targets[0]?.conformant).toBe(true);
    const texts = [io.out(), io.err(), ...Object.values(await readAll(outDir))];
    for (const text of texts) expect(leaks(text, [pds.password])).toEqual([]);
  }, 60_000);

  it('--local starts its own PDS, checks it and exits 0', async () => {
    const outDir = await tempDir();
    const io = captureIo({}, true);
    const code = await main(
      ['live', '--local', '--out', outDir, '--format', 'json', '--negative-budget', '6'],
      io,
    );
    expect(code).toBe(0);
    const report = JSON.parse(await readFile(join(outDir, 'report.json'), 'utf8')) as Report;
    expect(report.targets[0]?.target.id).toBe('live:local');
    expect(report.targets[0]?.conformant).toBe(true);
    const texts = [io.out(), io.err(), JSON.stringify(report)];
    for (const text of texts) expect(leaks(text, [])).toEqual([]);
  }, 90_000);

  it('with didDoc in sessions, the didDoc checks run and pass; stop() deletes everything', async () => {
    const other = await startLocalPds({ didDocWithSession: true });
    try {
      expect(new URL(other.url).hostname).toBe('127.0.0.1');
      expect(existsSync(other.dataDir)).toBe(true);
      const run = await runLiveSuite({
        url: other.url,
        identifier: other.handle,
        password: other.password,
        budget: 1,
        negativeBudget: 0,
      });
      const status = new Map(run.report.targets[0]?.results.map((r) => [r.rule, r.status]));
      expect(status.get('coherence.did-doc.id-is-did')).toBe('pass');
      expect(status.get('coherence.did-doc.aka-handle')).toBe('pass');
      expect(status.get('http.create-session.response-schema-conformance')).toBe('pass');
      expect(run.sessionsLeft).toBe(0);
    } finally {
      await other.stop();
    }
    expect(existsSync(other.dataDir)).toBe(false);
    await expect(fetch(`${other.url}/xrpc/_health`)).rejects.toThrow();
    await other.stop();
  }, 60_000);
});
