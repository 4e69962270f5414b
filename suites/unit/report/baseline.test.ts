import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../../src/cli.js';
import {
  applyBaseline,
  type Baseline,
  baselineFrom,
  baselineProblems,
  parseBaseline,
} from '../../../src/report/baseline.js';
import type { Report, RuleResult, Status } from '../../../src/report/model.js';
import type { RuleId } from '../../../src/spec/rules/index.js';
import { captureIo } from '../../_helpers/io.js';

const result = (rule: RuleId, status: Status, message?: string): RuleResult => ({
  rule,
  level: 'MUST',
  area: 'handle',
  kinds: ['handle'],
  status,
  runs: 1,
  ...(message === undefined ? {} : { message }),
});

function report(results: RuleResult[]): Report {
  return {
    tool: { name: 'atproto-session-conformance', version: '0.0.0' },
    profile: 'atproto',
    seed: 1,
    runs: 1,
    startedAt: '',
    finishedAt: '',
    rules: {},
    targets: [
      {
        target: { id: 't', name: 't' },
        conformant: false,
        summary: { pass: 0, fail: 0, error: 0, skip: 0 },
        results,
      },
    ],
  };
}

const baseline = (...knownFailures: Baseline['knownFailures']): Baseline => ({
  version: 1,
  knownFailures,
});

// Three DID rules, named short so that the tables below read as tables.
const [A, B, C] = ['did.method.lowercase', 'did.chars.allowed', 'did.end.no-colon'] as const;

describe('baselines', () => {
  it('an error is a known failure only when its entry says status "error"', () => {
    const r = report([result(A, 'error'), result(B, 'error'), result(C, 'fail')]);
    const cmp = applyBaseline(
      r,
      baseline(
        { target: 't', rule: A },
        { target: 't', rule: B, status: 'error' },
        { target: 't', rule: C, status: 'error' },
      ),
    );
    expect(cmp.newFailures).toEqual([
      { target: 't', rule: A, status: 'error' },
      { target: 't', rule: C },
    ]);
    expect(cmp.matched).toBe(1);
  });

  it('counts matches and lists fixed entries', () => {
    const r = report([result(A, 'fail'), result(B, 'pass'), result(C, 'fail')]);
    const cmp = applyBaseline(
      r,
      baseline({ target: 't', rule: A }, { target: 't', rule: B, reason: 'why' }),
    );
    expect([cmp.matched, cmp.newFailures.length]).toEqual([1, 1]);
    expect(cmp.fixed).toEqual([{ target: 't', rule: B, reason: 'why' }]);
  });

  it('names entries with unknown rules and targets not in the run', () => {
    const b = baseline(
      { target: 't', rule: 'handle.length.max' },
      { target: 't', rule: 'handle.lenght.max' },
      { target: 'other', rule: 'handle.length.max' },
    );
    expect(baselineProblems(b, { rules: new Set(['handle.length.max']), targets: ['t'] })).toEqual([
      'knownFailures[1] names unknown rule "handle.lenght.max"',
      'knownFailures[2] names target "other", which this run does not certify',
    ]);
  });

  it('a rewrite keeps human-written reasons and entries the run did not cover', () => {
    const r = report([result(A, 'fail', 'machine text'), result(B, 'error', 'threw')]);
    const previous = baseline(
      { target: 't', rule: A, reason: 'we count bytes, on purpose' },
      { target: 't', rule: 'z', reason: 'another shard' },
    );
    expect(baselineFrom(r, previous).knownFailures).toEqual([
      { target: 't', rule: A, reason: 'we count bytes, on purpose' },
      { target: 't', rule: B, status: 'error', reason: 'threw' },
      { target: 't', rule: 'z', reason: 'another shard' },
    ]);
  });

  it('refuses a status other than fail or error', () => {
    const text = JSON.stringify(baseline({ target: 't', rule: A, status: 'skip' as 'fail' }));
    expect(() => parseBaseline(text, 'b.json')).toThrow(/status "skip"/);
  });
});

describe('run --baseline', () => {
  const THROWS = `module:${resolve('suites/fixtures/faux/modules/throws.mjs')}`;
  const ACCEPT = `module:${resolve('suites/fixtures/faux/modules/accept.mjs')}`;
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'baseline-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(target: string, rules: string, extra: string[]) {
    const io = captureIo();
    const args = ['run', '--target', target, '--runs', '3', '--seed', '1', '--rules', rules];
    const code = await main([...args, '--out', join(dir, 'out'), '--format', 'json', ...extra], io);
    return { code, out: io.out(), err: io.err() };
  }
  const write = (name: string, b: Baseline): string => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(b));
    return file;
  };

  it('does not hide an error behind a failure entry', async () => {
    const rule = 'handle.length.max';
    const plain = write('plain.json', baseline({ target: THROWS, rule }));
    const r = await run(THROWS, rule, ['--baseline', plain]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`new error: ${THROWS} ${rule}`);
    expect(r.out).toMatch(/0 known failures matched, 1 new, 0 fixed/);
    const explicit = write('explicit.json', baseline({ target: THROWS, rule, status: 'error' }));
    const ok = await run(THROWS, rule, ['--baseline', explicit]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/1 known failure matched, 0 new, 0 fixed/);
  });

  it('unknown rule IDs and targets not in the run are usage errors, before any work', async () => {
    const typo = write('typo.json', baseline({ target: ACCEPT, rule: 'handle.lenght.max' }));
    const t = await run(ACCEPT, 'handle.length.max', ['--baseline', typo]);
    expect(t.code).toBe(2);
    expect(t.err).toMatch(/unknown rule "handle.lenght.max"/);
    const other = write('other.json', baseline({ target: 'zod', rule: 'handle.length.max' }));
    const o = await run(ACCEPT, 'handle.length.max', ['--baseline', other]);
    expect(o.code).toBe(2);
    expect(o.err).toMatch(/target "zod", which this run does not certify/);
    expect(o.out).toBe('');
  });

  it('rewriting a baseline keeps the reasons people wrote', async () => {
    const file = join(dir, 'keep.json');
    expect((await run(ACCEPT, 'handle.length.max', ['--write-baseline', file])).code).toBe(1);
    const written = JSON.parse(readFileSync(file, 'utf8')) as Baseline;
    const edited = baseline(
      ...written.knownFailures.map((e) => ({ ...e, reason: 'documented in our README' })),
    );
    writeFileSync(file, JSON.stringify(edited));
    const again = await run(ACCEPT, 'handle.length.max,handle.labels.min-two', [
      '--baseline',
      file,
      '--write-baseline',
      file,
    ]);
    expect(again.code).toBe(1);
    const rewritten = JSON.parse(readFileSync(file, 'utf8')) as Baseline;
    expect(rewritten.knownFailures.map((e) => [e.rule, e.reason])).toEqual([
      ['handle.length.max', 'documented in our README'],
      ['handle.labels.min-two', expect.stringMatching(/accepted an invalid handle/)],
    ]);
  });
});
