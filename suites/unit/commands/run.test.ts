import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli.js';
import type { Report } from '../../../src/report/model.js';
import { captureIo } from '../../_helpers/io.js';

const FAUX = 'suites/fixtures/faux';

/** `--target` of one faux validator module. */
const faux = (name: string): string[] => ['--target', `module:${FAUX}/modules/${name}.mjs`];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'run-cmd-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(
  args: string[],
): Promise<{ code: number; report?: Report; err: string; out: string }> {
  const out = join(dir, String(Math.random()).slice(2));
  const io = captureIo();
  const code = await main(['run', '--out', out, '--format', 'json', ...args], io);
  let report: Report | undefined;
  try {
    report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
  } catch {
    report = undefined;
  }
  return { code, report, err: io.err(), out: io.out() };
}

const statuses = (r: Report | undefined, target = 0): string[] =>
  [...new Set(r?.targets[target]?.results.map((x) => x.status))].sort();

describe('run command', () => {
  it('certifies a correct module target as conformant (exit 0)', async () => {
    const { code, report } = await run(['--target', 'reference', '--runs', '30', '--seed', '5']);
    expect(code).toBe(0);
    expect(report?.targets[0]?.conformant).toBe(true);
    expect(report?.targets[0]?.summary.fail).toBe(0);
  });

  it('fails an always-accept module (exit 1) and an always-reject one, on the right rules', async () => {
    const accept = await run([...faux('accept'), '--runs', '20', '--seed', '1']);
    expect(accept.code).toBe(1);
    const results = accept.report?.targets[0]?.results ?? [];
    expect(
      results.filter((r) => r.status === 'fail').every((r) => !r.rule.includes('.accept.')),
    ).toBe(true);
    expect(
      results.filter((r) => r.rule.includes('.accept.')).every((r) => r.status !== 'fail'),
    ).toBe(true);

    const reject = await run([...faux('reject'), '--runs', '20', '--seed', '1']);
    expect(reject.code).toBe(1);
    const failed = (reject.report?.targets[0]?.results ?? []).filter((r) => r.status === 'fail');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.rule.includes('.accept.'))).toBe(true);
  });

  it('reports throwing, garbage and never-settling validators as error, never as rejections', async () => {
    for (const name of ['throws', 'garbage', 'never']) {
      const { code, report } = await run([
        ...faux(name),
        '--runs',
        '5',
        '--seed',
        '1',
        '--timeout-ms',
        '200',
        '--rules',
        'handle.label.*',
      ]);
      expect([name, code]).toEqual([name, 1]);
      expect([name, statuses(report)]).toEqual([name, ['error']]);
    }
  });

  it('keeps going when a cmd: harness crashes, hangs or prints garbage', async () => {
    const cases: [string, string[]][] = [
      [`cmd:node ${FAUX}/harnesses/crash-on.mjs 7`, ['error']],
      [`cmd:node ${FAUX}/harnesses/hang-on.mjs 7`, ['error']],
      ['cmd:node suites/fixtures/runner/garbage-always.mjs', ['error']],
      [`cmd:node ${FAUX}/harnesses/out-of-order.mjs`, []],
    ];
    for (const [target, expected] of cases) {
      const { report } = await run([
        '--target',
        target,
        '--runs',
        '10',
        '--seed',
        '2',
        '--timeout-ms',
        '300',
        '--rules',
        'handle.tld.*,did.prefix',
        '--no-examples',
      ]);
      const got = statuses(report).filter((s) => s !== 'pass' && s !== 'fail');
      expect([target, got]).toEqual([target, expected]);
      expect(report?.targets[0]?.results).toHaveLength(2);
    }
  });

  it('certifies several targets side by side, and skips kinds a target does not declare', async () => {
    const { report } = await run([
      '--target',
      'reference',
      '--target',
      'atproto-syntax',
      '--runs',
      '10',
      '--seed',
      '3',
      '--rules',
      'handle.length.max,session.required.did',
    ]);
    expect(report?.targets.map((t) => t.target.id)).toEqual(['reference', 'atproto-syntax']);
    const syntax = report?.targets[1]?.results.find((r) => r.rule === 'session.required.did');
    expect(syntax?.status).toBe('skip');
  });

  it('exits 3 with a one-line message when a target cannot be started', async () => {
    const { code, err } = await run(['--target', 'module:./does-not-exist.mjs', '--runs', '5']);
    expect(code).toBe(3);
    expect(err.trim().split('\n')[0]).toMatch(/does-not-exist/);
    expect(err).not.toMatch(/\n\s+at /);
    const cmd = await run(['--target', 'cmd:/no/such/program', '--runs', '5']);
    expect(cmd.code).toBe(3);
    const unknown = await run(['--target', 'no-such-builtin', '--runs', '5']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/reference/);
  });

  it('exits 2 on usage errors, with one line and no stack trace', async () => {
    for (const args of [
      ['--bogus'],
      ['--runs', 'many'],
      ['--format', 'pdf'],
      ['--rules', 'no.such.rule'],
      ['--shard', '3/2'],
      ['--path', '0:1'],
      ['--baseline', join(dir, 'missing.json')],
      ['--runs', '-5'],
      ['--target', 'reference', '--target', 'reference'],
    ]) {
      const { code, err } = await run(args);
      expect([args, code]).toEqual([args, 2]);
      expect([args, err.trim().split('\n')]).toEqual([
        args,
        [expect.stringMatching(/^atproto-conformance run: /)],
      ]);
    }
  });

  it('with a baseline, exits 0 while the known failures stay, and 1 on new or fixed ones', async () => {
    const args = [...faux('accept'), '--runs', '10', '--seed', '4', '--rules', 'handle.*'];
    const baselineFile = join(dir, 'baseline.json');
    const first = await run([...args, '--write-baseline', baselineFile]);
    expect(first.code).toBe(1);
    expect((await run([...args, '--baseline', baselineFile])).code).toBe(0);

    const base = JSON.parse(readFileSync(baselineFile, 'utf8')) as {
      knownFailures: { rule: string }[];
    };
    const trimmed = { ...base, knownFailures: base.knownFailures.slice(1) };
    writeFileSync(baselineFile, JSON.stringify(trimmed));
    const fresh = await run([...args, '--baseline', baselineFile]);
    expect(fresh.code).toBe(1);
    expect(fresh.err).toMatch(/new failure/);

    const extra = {
      ...base,
      knownFailures: [
        ...base.knownFailures,
        { target: `module:${FAUX}/modules/accept.mjs`, rule: 'handle.accept.syntax' },
      ],
    };
    writeFileSync(baselineFile, JSON.stringify(extra));
    const fixed = await run([...args, '--baseline', baselineFile]);
    expect(fixed.code).toBe(1);
    expect(fixed.err).toMatch(/fixed/);
  });

  it('replays a recorded failure exactly from its seed and path', async () => {
    const target = `module:${FAUX}/modules/accept.mjs`;
    const first = await run([
      '--target',
      target,
      '--runs',
      '50',
      '--seed',
      '9',
      '--rules',
      'did.method.lowercase',
      '--no-examples',
    ]);
    const result = first.report?.targets[0]?.results[0];
    expect(result?.status).toBe('fail');
    const again = await run([
      '--target',
      target,
      '--rules',
      'did.method.lowercase',
      '--seed',
      '9',
      '--path',
      result?.replay?.path as string,
    ]);
    expect(again.report?.targets[0]?.results[0]?.counterexample).toEqual(result?.counterexample);
  });
});

describe('run --protocol', () => {
  const batch = `cmd:'${process.execPath}' '${FAUX}/harnesses/batch.mjs'`;
  const handleRules = ['--rules', 'handle.length.max', '--runs', '5', '--seed', '3'];

  it('offers version 2 by default and 1 when asked; the report says what the harness spoke', async () => {
    const latest = await run(['--target', batch, ...handleRules]);
    const v1 = await run(['--target', batch, '--protocol', '1', ...handleRules]);
    expect([
      latest.report?.targets[0]?.target.protocol,
      v1.report?.targets[0]?.target.protocol,
    ]).toEqual([2, 1]);
    // The same verdicts either way.
    expect(v1.report?.targets[0]?.results).toEqual(latest.report?.targets[0]?.results);
    // In-process targets speak no harness protocol.
    const reference = await run(['--target', 'reference', '--protocol', '1', ...handleRules]);
    expect(reference.report?.targets[0]?.target.protocol).toBeUndefined();
  });

  it('any other version is a usage error before any work', async () => {
    for (const bad of ['3', '0', 'two', '1.0', '0x2']) {
      const { code, err, report } = await run(['--target', batch, '--protocol', bad]);
      expect([code, report]).toEqual([2, undefined]);
      expect(err).toContain(`--protocol must be 1 or 2, got "${bad}"`);
    }
  });
});

describe('run --max-restarts', () => {
  const crashing = `cmd:'${process.execPath}' '${FAUX}/harnesses/crash-on-kind.mjs' handle`;
  const rules = ['--rules', 'handle.length.max', '--runs', '20', '--seed', '3', '--no-examples'];

  it('sets the restarts a rule may spend on a harness that keeps stopping', async () => {
    const restarts = async (n: string): Promise<number> => {
      const { report } = await run(['--target', crashing, '--max-restarts', n, ...rules]);
      expect(report?.targets[0]?.results[0]?.status).toBe('error');
      return (report?.targets[0]?.stderr ?? '').match(/restarting the harness/g)?.length ?? 0;
    };
    // The scan spends the budget; the value it stops on is then shrunk with the budget renewed,
    // after the restart the scan's last stop was charged for.
    expect(await restarts('0')).toBe(0);
    expect(await restarts('1')).toBe(3);
    expect(await restarts('2')).toBe(5);
  });

  it('a negative or non-integer count is a usage error before any work', async () => {
    for (const bad of ['x', '1.5', '-1']) {
      const { code, err, report } = await run(['--target', crashing, `--max-restarts=${bad}`]);
      expect([code, report]).toEqual([2, undefined]);
      expect(err).toContain(`--max-restarts must be an integer >= 0, got "${bad}"`);
    }
  });
});
