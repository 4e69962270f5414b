import { execFileSync } from 'node:child_process';
import type { RuleResult } from '../../../src/report/model.js';
import { replayCommand, shellQuote } from '../../../src/report/replay.js';
import { CURL, LIVE_ID, NASTY_ID, sampleReport } from './sample-report.js';

const PREFIX = 'npx atproto-conformance run ';

/** The words a POSIX shell makes of a command's arguments (after the `npx … run` prefix). */
function shellWords(command: string): string[] {
  expect(command.startsWith(PREFIX)).toBe(true);
  const args = command.slice(PREFIX.length);
  const out = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${args}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

function result(extra: Partial<RuleResult>): RuleResult {
  return {
    rule: 'handle.length.max',
    level: 'MUST',
    area: 'handle',
    kinds: ['handle'],
    status: 'fail',
    runs: 100,
    ...extra,
  };
}

describe('replayCommand', () => {
  const report = sampleReport();

  it('names the target, the rule, the seed and the path', () => {
    const r = result({ replay: { seed: 7, path: '3:1:0' } });
    expect(replayCommand(report, 'reference', r)).toBe(
      "npx atproto-conformance run --target 'reference' --rules 'handle.length.max' --seed 7 --path '3:1:0' --out reports/replay",
    );
  });

  it('falls back to the run seed and no path when the result has no replay', () => {
    expect(replayCommand(report, 'reference', result({ status: 'error' }))).toBe(
      "npx atproto-conformance run --target 'reference' --rules 'handle.length.max' --seed 42",
    );
  });

  it('joins a negative seed with = so it is not read as an option', () => {
    const r = result({ replay: { seed: -5, path: '1' } });
    expect(shellWords(replayCommand(report, 'reference', r))).toEqual([
      '--target',
      'reference',
      '--rules',
      'handle.length.max',
      '--seed=-5',
      '--path',
      '1',
      '--out',
      'reports/replay',
    ]);
  });

  it('joins a target id that starts with a dash with =', () => {
    const words = shellWords(replayCommand(report, '-odd', result({})));
    expect(words.slice(0, 1)).toEqual(['--target=-odd']);
  });

  it.each([
    NASTY_ID,
    "cmd:python3 -c 'print(1)'",
    'cmd:./v.sh; rm -rf / # $(whoami) `id` \\ "x"',
    "multi\nline 'target'",
    "''",
  ])('quotes target %j so a shell gives it back unchanged', (id) => {
    const r = result({ replay: { seed: 1, path: "0:'1'" } });
    expect(shellWords(replayCommand(report, id, r))).toEqual([
      '--target',
      id,
      '--rules',
      'handle.length.max',
      '--seed',
      '1',
      '--path',
      "0:'1'",
      '--out',
      'reports/replay',
    ]);
  });

  it('replays a live result with the curl of its exchange (run cannot target a server)', () => {
    const live = report.targets.find((t) => t.target.id === LIVE_ID);
    const failing = live?.results.find((r) => r.exchange !== undefined);
    if (failing === undefined) throw new Error('sample changed');
    expect(replayCommand(report, LIVE_ID, failing)).toBe(CURL);
    const { exchange: _e, ...bare } = failing;
    expect(replayCommand(report, LIVE_ID, bare)).toMatch(/^npx atproto-conformance live --seed 42/);
  });
});

describe('shellQuote', () => {
  it('wraps in single quotes and escapes embedded ones', () => {
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
  });
});
