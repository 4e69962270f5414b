import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../../src/cli.js';
import type { Report } from '../../../src/report/model.js';
import { captureIo } from '../../_helpers/io.js';

const ACCEPT = `module:${resolve('suites/fixtures/faux/modules/accept.mjs')}`;
const QUICK = ['--target', ACCEPT, '--runs', '3', '--seed', '1', '--rules', 'handle.length.max'];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'run-outputs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  const io = captureIo(env);
  const code = await main(['run', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

const readReport = (folder: string): Report =>
  JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')) as Report;

describe('run: output paths are checked before any work', () => {
  const file = (): string => {
    const f = join(dir, `file-${Math.random()}`);
    writeFileSync(f, 'x');
    return f;
  };

  it.each<[string, () => string[]]>([
    ['--out naming a file', () => ['--out', file()]],
    ['--out /dev/null', () => ['--out', '/dev/null']],
    ['--out under /dev/null', () => ['--out', '/dev/null/reports']],
    ['--out under a file', () => ['--out', join(file(), 'reports')]],
    ['--out in an unwritable folder', () => ['--out', '/proc/self/reports']],
    ['--write-baseline under /dev/null', () => ['--write-baseline', '/dev/null/base.json']],
    ['--write-baseline naming a folder', () => ['--write-baseline', dir]],
    ['--write-baseline naming a file that is no baseline', () => ['--write-baseline', file()]],
    ['--export-counterexamples naming a file', () => ['--export-counterexamples', file()]],
    ['--export-counterexamples in /proc', () => ['--export-counterexamples', '/proc/vectors']],
  ])('%s: one line, exit 2, nothing run', async (_name, args) => {
    const extra = args();
    const withOut = extra.includes('--out') ? [] : ['--out', join(dir, 'unused')];
    const { code, err, out } = await cli([...QUICK, ...withOut, ...extra]);
    expect([extra, code]).toEqual([extra, 2]);
    expect(err.trim().split('\n')).toEqual([expect.stringMatching(/^atproto-conformance run: --/)]);
    expect(out).toBe('');
  });

  it('when writing still fails at the end, prints the summary and says where the JSON went', async () => {
    const out = join(dir, 'sabotaged');
    mkdirSync(out);
    const fixture = join(dir, 'sabotage.mjs');
    copyFileSync(resolve('suites/fixtures/results/sabotage.mjs'), fixture);
    writeFileSync(join(dir, 'sabotage.json'), JSON.stringify({ dir: out }));
    const target = `module:${fixture}`;
    const r = await cli(['--target', target, '--runs', '2', '--seed', '1', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/conformant/);
    const said = /cannot write the reports to .* the JSON report is in (\S+)\n/.exec(r.err);
    expect(said).not.toBeNull();
    const saved = said?.[1] as string;
    const report = JSON.parse(readFileSync(saved, 'utf8')) as Report;
    rmSync(saved);
    expect(report.targets[0]?.target.name).toBe('sabotage');
  });
});

describe('run: other flags', () => {
  it.each(['4294967296', '-1', '1e20', '0x10', ''])('--seed %j is a usage error', async (seed) => {
    const { code, err } = await cli([...QUICK, `--seed=${seed}`, '--out', join(dir, 'seed')]);
    expect(code).toBe(2);
    expect(err).toMatch(/--seed must be an integer from 0 to 4294967295/);
  });

  it('live takes the same seed range, checked before any work', async () => {
    const io = captureIo({});
    const argv = ['live', '--pds', 'http://127.0.0.1:9', '--identifier', 'a.test', '--dry-run'];
    expect(await main([...argv, '--seed', '4294967296'], io)).toBe(2);
    expect(io.err()).toMatch(/--seed must be an integer from 0 to 4294967295/);
  });

  it('accepts the largest seed and records it', async () => {
    const out = join(dir, 'max-seed');
    const { code } = await cli([
      ...QUICK,
      '--seed',
      '4294967295',
      '--out',
      out,
      '--format',
      'json',
    ]);
    expect(code).toBe(1);
    expect(readReport(out).seed).toBe(4294967295);
  });

  it('a replay writes to reports/replay by default, not over the report it came from', async () => {
    const cwd = mkdtempSync(join(dir, 'replay-'));
    const before = process.cwd();
    process.chdir(cwd);
    try {
      mkdirSync('reports');
      writeFileSync('reports/report.json', 'the original');
      const { code, out } = await cli([...QUICK, '--path', 'example:0', '--format', 'json']);
      expect(code).toBe(1);
      expect(readFileSync('reports/report.json', 'utf8')).toBe('the original');
      expect(readReport('reports/replay').targets[0]?.results[0]?.replay?.path).toBe('example:0');
      expect(out).toContain(join('reports', 'replay', 'report.json'));
    } finally {
      process.chdir(before);
    }
  });

  it('--max-failures N stops after N failing rules, with the rules not run listed', async () => {
    const out = join(dir, 'max-failures');
    const args = ['--target', ACCEPT, '--runs', '5', '--seed', '2', '--rules', 'handle.*'];
    const { code, out: stdout } = await cli([...args, '--max-failures', '2', '--out', out]);
    expect(code).toBe(1);
    const report = readReport(out);
    const results = report.targets[0]?.results ?? [];
    expect(results.filter((r) => r.status === 'fail')).toHaveLength(2);
    expect(report.interrupted).not.toBe(true);
    expect(report.notRun?.length).toBeGreaterThan(0);
    expect(report.notRun?.some((id) => results.some((r) => r.rule === id))).toBe(false);
    expect(results.length + (report.notRun?.length ?? 0)).toBe(Object.keys(report.rules).length);
    expect(stdout).toMatch(/Stopped after 2 failing rules \(--max-failures\)/);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/not run/i);
    expect((await cli([...args, '--max-failures', '0'])).code).toBe(2);
  });
});

describe('run: what the terminal shows', () => {
  const EVIL = `module:${resolve('suites/fixtures/results/control-chars.mjs')}`;
  const args = (out: string) => [
    '--target',
    EVIL,
    '--runs',
    '2',
    '--seed',
    '1',
    '--rules',
    'handle.length.max,did.prefix',
    '--out',
    join(dir, out),
  ];

  it('escapes control characters of target texts, on a terminal too', async () => {
    const tty = captureIo({ NO_COLOR: '1' });
    for (const [name, sink] of [
      ['plain', captureIo({})],
      ['tty', { ...tty, stdoutIsTTY: true, stderrIsTTY: true }],
    ] as const) {
      expect(await main(['run', ...args(name)], sink)).toBe(1);
      // The progress line's own carriage return and erase-line are the tool's, not the target's.
      const shown = (sink.out() + sink.err()).replaceAll('\r\u001b[K', '');
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters looked for
      const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;
      expect([name, raw.test(shown)]).toEqual([name, false]);
      expect(sink.out()).toContain('1.0\\u001b[2J\\u0007');
    }
  });

  it('colours the summary on a terminal, honouring NO_COLOR and FORCE_COLOR', async () => {
    const coloured = async (env: Record<string, string>, stdoutIsTTY: boolean) => {
      const sink = { ...captureIo(env), stdoutIsTTY };
      await main(['run', ...QUICK, '--out', join(dir, 'colour'), '--format', 'json'], sink);
      return sink.out().includes('\u001b[');
    };
    expect(await coloured({}, true)).toBe(true);
    expect(await coloured({}, false)).toBe(false);
    expect(await coloured({ NO_COLOR: '1' }, true)).toBe(false);
    expect(await coloured({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(await coloured({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(await coloured({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
  });

  it('prints progress on a non-terminal stderr: rules done, total and failures', async () => {
    const sink = captureIo({});
    await main(['run', ...QUICK, '--out', join(dir, 'progress'), '--format', 'json'], sink);
    expect(sink.err()).toMatch(/^progress: 1\/1 rules done, 1 failing/m);
  });
});

describe('export-vectors: the same seed range and output check as run', () => {
  it.each([
    [
      ['--out', join(tmpdir(), 'v'), '--seed', '4294967296'],
      /--seed must be an integer from 0 to 4294967295/,
    ],
    [['--out', join(tmpdir(), 'v'), '--seed=-3'], /--seed must be an integer from 0/],
    [['--out', '/dev/null/vectors'], /--out \/dev\/null\/vectors: \/dev\/null is a file/],
  ])('%j is a usage error', async (args, message) => {
    const io = captureIo();
    expect(await main(['export-vectors', ...args], io)).toBe(2);
    expect(io.err()).toMatch(message);
  });
});
