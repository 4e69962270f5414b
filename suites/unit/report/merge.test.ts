import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli.js';
import type { Io } from '../../../src/commands/common.js';
import { MergeError, mergeReports } from '../../../src/report/merge.js';
import type {
  Report,
  RuleInfo,
  RuleResult,
  Status,
  TargetReport,
} from '../../../src/report/model.js';
import { reportProblem } from '../../../src/report/report-schema.js';
import type { RuleId } from '../../../src/spec/rules/index.js';

// Shard reports built by hand: three rules of one target, split the way `run --shard i/3` would.

const RULES = ['handle.length.max', 'handle.labels.min-two', 'handle.label.max-length'] as const;

const INFO: RuleInfo = {
  level: 'MUST',
  area: 'handle',
  summary: 'a rule',
  source: { kind: 'spec', url: 'https://atproto.com/specs/handle', quote: 'q' },
};

const result = (rule: RuleId, status: Status): RuleResult => ({
  rule,
  level: 'MUST',
  area: 'handle',
  kinds: ['handle'],
  status,
  runs: 5,
});

function report(
  results: readonly RuleResult[],
  extra: { shard?: string; seed?: number; target?: string } = {},
): Report {
  const { shard, seed = 1, target = 'reference' } = extra;
  return {
    tool: { name: 'atproto-session-conformance', version: '0.0.0' },
    profile: 'atproto',
    seed,
    runs: 5,
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T00:00:01.000Z',
    ...(shard === undefined ? {} : { shard }),
    // Like a real run, every shard lists every selected rule.
    rules: Object.fromEntries(RULES.map((id) => [id, INFO])),
    targets: [
      {
        target: { id: target, name: target },
        conformant: true,
        summary: { pass: results.length, fail: 0, error: 0, skip: 0 },
        results,
      },
    ],
  };
}

/** Shard i of 3: rule i only; rule 2 fails. */
const shard = (i: number, n = 3): Report =>
  report(
    [result(RULES[(i - 1) % RULES.length] ?? 'handle.length.max', i === 2 ? 'fail' : 'pass')],
    {
      shard: `${i}/${n}`,
    },
  );

function mergeError(reports: readonly Report[], names?: readonly string[]): string {
  try {
    mergeReports(reports, names);
  } catch (err) {
    expect(err).toBeInstanceOf(MergeError);
    return (err as Error).message;
  }
  throw new Error('mergeReports accepted the reports');
}

describe('mergeReports', () => {
  it('joins a complete set of shards, in any order, into one unsharded report', () => {
    const merged = mergeReports([shard(3), shard(1), shard(2)]);
    expect(merged.shard).toBeUndefined();
    expect(Object.keys(merged.rules).sort()).toEqual([...RULES].sort());
    const [t] = merged.targets;
    expect(t?.results.map((r) => [r.rule, r.status]).sort()).toEqual(
      [
        ['handle.length.max', 'pass'],
        ['handle.label.max-length', 'pass'],
        ['handle.labels.min-two', 'fail'],
      ].sort(),
    );
    expect(t?.summary).toEqual({ pass: 2, fail: 1, error: 0, skip: 0 });
    expect(t?.conformant).toBe(false);
  });

  it('names a missing shard', () => {
    const message = mergeError([shard(1), shard(3)], ['a.json', 'c.json']);
    expect(message).toBe('need shards 1/3 to 3/3, each once: missing 2/3');
  });

  it('names every missing shard when only one of many is given', () => {
    expect(mergeError([shard(2, 4)])).toBe(
      'need shards 1/4 to 4/4, each once: missing 1/4, 3/4, 4/4',
    );
  });

  it('counts the missing shards past the first ten', () => {
    expect(mergeError([shard(1, 20)])).toMatch(/missing 2\/20, 3\/20, .*, 11\/20 and 9 more$/);
    expect(mergeError([shard(1, 1e9)])).toMatch(/, 11\/1000000000 and 999999989 more$/);
  });

  it('names a duplicate shard and the files that carry it', () => {
    const message = mergeError([shard(1), shard(2), shard(1), shard(3)], ['a', 'b', 'c', 'd']);
    expect(message).toBe('need shards 1/3 to 3/3, each once: 1/3 given 2 times (a, c)');
  });

  it('reports a missing and a duplicate shard together', () => {
    const message = mergeError([shard(1), shard(1)]);
    expect(message).toBe(
      'need shards 1/3 to 3/3, each once: missing 2/3, 3/3; 1/3 given 2 times (report 1, report 2)',
    );
  });

  it('refuses shards of different splits', () => {
    const message = mergeError([shard(1, 2), shard(2, 3), shard(2, 2)], ['a', 'b', 'c']);
    expect(message).toBe(
      'shards of different splits cannot be merged: a is 1/2, b is 2/3, c is 2/2',
    );
  });

  it('refuses shards mixed with unsharded reports', () => {
    const plain = report([result('handle.labels.min-two', 'pass')]);
    const message = mergeError([shard(1), plain, shard(3)], ['a', 'b', 'c']);
    expect(message).toBe('cannot merge shards with unsharded reports: b has no shard');
  });

  it('refuses a malformed shard', () => {
    const bad = { ...shard(1), shard: '4/3' };
    expect(mergeError([bad, shard(2), shard(3)])).toBe('report 1 has a malformed shard "4/3"');
  });

  it('refuses reports of different seeds, even a complete set of shards', () => {
    const other = { ...shard(2), seed: 9 };
    expect(mergeError([shard(1), other, shard(3)], ['a', 'b', 'c'])).toBe(
      'b differs from a in seed (9 vs 1)',
    );
  });

  it.each<[string, (r: Report) => Report, RegExp]>([
    [
      'tool version',
      (r) => ({ ...r, tool: { ...r.tool, version: '9.9.9' } }),
      /in tool version \(9\.9\.9 vs 0\.0\.0\)/,
    ],
    ['runs', (r) => ({ ...r, runs: 7 }), /in runs \(7 vs 5\)/],
    [
      'rules',
      (r) => ({ ...r, rules: { ...r.rules, 'r.four': INFO } }),
      /in rules \(4 vs 3: it has r\.four\)/,
    ],
    [
      'targets',
      (r) => ({
        ...r,
        targets: r.targets.map((t) => ({ ...t, target: { id: 'zod', name: 'zod' } })),
      }),
      /in targets \(zod vs reference\)/,
    ],
  ])('refuses shards that differ in %s, naming the file', (_what, change, message) => {
    expect(mergeError([shard(1), change(shard(2)), shard(3)], ['a', 'b', 'c'])).toMatch(
      new RegExp(`^b differs from a ${message.source}`),
    );
  });

  it('refuses interrupted and --max-failures reports', () => {
    expect(
      mergeError([shard(1), { ...shard(2), interrupted: true }, shard(3)], ['a', 'b', 'c']),
    ).toBe('b is from an interrupted run (Ctrl-C): run it again in full');
    expect(
      mergeError(
        [shard(1), shard(2), { ...shard(3), notRun: ['handle.label.max-length'] }],
        ['a', 'b', 'c'],
      ),
    ).toBe('c is a partial run (--max-failures): 1 rules were not run');
  });

  it('merges unsharded reports of different targets', () => {
    const a = report([result('handle.length.max', 'pass')], { target: 'a' });
    const b = report([result('handle.length.max', 'fail')], { target: 'b' });
    const merged = mergeReports([a, b]);
    expect(merged.targets.map((t) => [t.target.id, t.conformant])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  it('refuses a rule given twice for one target', () => {
    const a = report([result('handle.length.max', 'pass')]);
    expect(mergeError([a, a])).toBe(
      'rule handle.length.max appears twice for target reference: overlapping shards?',
    );
  });

  it('refuses nothing', () => {
    expect(mergeError([])).toBe('nothing to merge');
  });
});

describe('merge command', () => {
  async function mergeFiles(
    contents: readonly unknown[],
  ): Promise<{ code: number; err: string; files: string[] }> {
    const dir = await mkdtemp(join(tmpdir(), 'merge-'));
    try {
      const files = contents.map((_, i) => join(dir, `r${i}.json`));
      await Promise.all(files.map((f, i) => writeFile(f, JSON.stringify(contents[i]))));
      const err: string[] = [];
      const io: Io = { stdout: () => {}, stderr: (t) => err.push(t), env: {}, stderrIsTTY: false };
      const code = await main(['merge', ...files, '--out', join(dir, 'out'), '-q'], io);
      return { code, err: err.join(''), files };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('refuses, in one line, any file that is not a report.json of this tool', async () => {
    const t = shard(2).targets[0] as TargetReport;
    const badStatus = {
      ...shard(2),
      targets: [{ ...t, results: [{ ...t.results[0], status: 'maybe' }] }],
    };
    for (const [bad, why] of [
      [
        { ...shard(2), results: 'x' },
        /the report must NOT have additional properties \("results"\)/,
      ],
      [{ ...shard(2), targets: [{ ...t, results: 'x' }] }, /\/targets\/0\/results must be array/],
      [
        badStatus,
        /\/targets\/0\/results\/0\/status must be equal to one of the allowed values \("pass", "fail", "error", "skip"\)/,
      ],
      [{ ...shard(2), seed: 2 ** 32 }, /\/seed must be <= 4294967295/],
      [
        { ...shard(2), targets: [{ ...t, results: [{ ...t.results[0], kinds: ['handle,did'] }] }] },
        /\/targets\/0\/results\/0\/kinds\/0 must be equal to one of the allowed values \("handle", "did", "session", "getSession", "live"\)/,
      ],
      [[], /the report must be object/],
    ] as const) {
      const { code, err, files } = await mergeFiles([shard(1), bad, shard(3)]);
      expect([code, err]).toEqual([2, expect.stringMatching(why)]);
      expect(err).toContain(`${files[1]} is not a report.json of this tool`);
      expect(err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('refuses a report of the older format (a comma-joined kind) and says to make it again', async () => {
    const t = shard(2).targets[0] as TargetReport;
    const older = {
      ...shard(2),
      targets: [
        {
          ...t,
          results: t.results.map(({ kinds, ...r }) => ({ ...r, kind: kinds.join(',') })),
        },
      ],
    };
    const { code, err, files } = await mergeFiles([shard(1), older, shard(3)]);
    expect(code).toBe(2);
    expect(err).toBe(
      `atproto-conformance merge: ${files[1]} is not a report.json of this tool: it is in the older report format (results with a comma-joined \`kind\`, not a \`kinds\` list): make it again with this version\n`,
    );
  });

  it('validates the reports the tool writes: the sample report passes the schema', async () => {
    const sample = JSON.parse(await readFile('reports/sample/report.json', 'utf8'));
    expect(reportProblem(sample)).toBeUndefined();
    expect(reportProblem(shard(1))).toBeUndefined();
  });

  it('turns an incomplete set of shards into a usage error naming the files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'merge-'));
    try {
      const files = [1, 3].map((i) => join(dir, `shard-${i}.json`));
      await writeFile(files[0] ?? '', JSON.stringify(shard(1)));
      await writeFile(files[1] ?? '', JSON.stringify(shard(3)));
      const err: string[] = [];
      const io: Io = { stdout: () => {}, stderr: (t) => err.push(t), env: {}, stderrIsTTY: false };
      const args = ['merge', ...files, files[0] ?? '', '--out', join(dir, 'out'), '-q'];
      expect(await main(args, io)).toBe(2);
      expect(err.join('')).toContain(`missing 2/3; 1/3 given 2 times (${files[0]}, ${files[0]})`);
      expect(await main(['merge', ...files, '--out', join(dir, 'out'), '-q'], io)).toBe(2);
      expect(err.join('')).toContain('need shards 1/3 to 3/3, each once: missing 2/3\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
