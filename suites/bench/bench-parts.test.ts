import { showValue } from '../../bench/mutation/report.js';
import { spread } from '../../bench/mutation/summary.js';
import { generatesOnce, wallFloor } from '../../bench/perf/render.js';
import { SCALING_RULES, timedRun } from '../../bench/perf/scaling.js';
import { splitCpu, threadCpu } from '../../bench/perf/threads.js';
import { requestMix } from '../../bench/perf/throughput.js';
import { createTarget } from '../../src/targets/index.js';
import { resourcePath } from '../../src/util/paths.js';

// The pieces `npm run bench` and `npm run mutation` stand on; no timing is asserted anywhere.

describe('the trivial harnesses', () => {
  const harness = (name: string): string => resourcePath('bench', 'harnesses', name);
  const specs = [
    `module:${harness('trivial-module.mjs')}`,
    `cmd:'${process.execPath}' '${harness('trivial.mjs')}'`,
    `cmd:python3 '${harness('trivial.py')}'`,
  ];
  const requests = requestMix(3, 2);

  test.each(specs)('%s answers valid to every value, pipelined and in lockstep', async (spec) => {
    expect(requests.length).toBeGreaterThan(100);
    for (const pipeline of [true, false]) {
      const target = await createTarget(spec, { timeoutMs: 10_000, pipeline });
      try {
        const verdicts = await target.validateBatch(requests);
        expect(verdicts).toHaveLength(requests.length);
        expect(verdicts.filter((v) => v.outcome !== 'valid')).toEqual([]);
      } finally {
        await target.close();
      }
    }
  });
});

describe('the scaling measurements', () => {
  test('count one arbitrary per rule and the same values whatever the number of targets', async () => {
    const rules = SCALING_RULES.slice(0, 3);
    const one = await timedRun(5, 7, 1, rules);
    const three = await timedRun(5, 7, 3, rules);
    expect([one.arbitraryCalls, three.arbitraryCalls]).toEqual([3, 3]);
    expect([one.generatedValues, three.generatedValues]).toEqual([21, 21]);
    expect([one.validations, three.validations]).toEqual([21, 63]);
    expect(generatesOnce([one, three])).toBe(true);
    // The CPU split by thread is measured where /proc tells it.
    expect(three.threads !== undefined).toBe(process.platform === 'linux');
    // Generation per target would show as more arbitraries asked and more values generated.
    expect(generatesOnce([one, { ...three, arbitraryCalls: 9, generatedValues: 63 }])).toBe(false);
  });

  test('the wall-time floor is the CPU time spread over every core, against one target', () => {
    const row = { runs: 1, rules: 1, validations: 1, usPerValidation: 1 };
    const counts = { arbitraryCalls: 1, generatedValues: 1 };
    const one = { ...row, ...counts, targets: 1, wallMs: 500, cpuMs: 700 };
    const eight = { ...one, targets: 8, wallMs: 1_200, cpuMs: 3_000 };
    expect(wallFloor(eight, one, 2)).toBeCloseTo(3);
    expect(wallFloor(eight, one, 4)).toBeCloseTo(1.5);
    expect(wallFloor(eight, one, 0)).toBeCloseTo(6);
  });
});

describe('CPU time by thread', () => {
  const main = String(process.pid);

  test('splits a run into the main thread, the threads started since the baseline, and the rest', () => {
    const baseline = new Map([
      [main, 100],
      ['7', 50],
    ]);
    const before = new Map([
      [main, 120],
      ['7', 60],
      ['8', 0],
    ]);
    const after = new Map([
      [main, 150],
      ['7', 65],
      ['8', 40],
      ['9', 20],
    ]);
    expect(splitCpu(baseline, before, after)).toEqual({
      mainMs: 30,
      newThreadsMs: 60,
      backgroundMs: 5,
    });
    expect(splitCpu(baseline, before, new Map())).toBeUndefined();
  });

  test('the main thread reading counts the CPU time this thread spends', () => {
    const first = threadCpu();
    if (process.platform !== 'linux') {
      expect(first.size).toBe(0);
      return;
    }
    const start = process.cpuUsage();
    let spent = 0;
    while (spent < 200_000) {
      const used = process.cpuUsage(start);
      spent = used.user + used.system;
    }
    const grown = (threadCpu().get(main) ?? 0) - (first.get(main) ?? 0);
    expect(grown).toBeGreaterThanOrEqual(100);
  });
});

describe('the mutation report helpers', () => {
  test('spread gives the median and the maximum', () => {
    expect(spread([3, 1, 2])).toEqual({ median: 2, max: 3 });
    expect(spread([4, 1, 2, 3])).toEqual({ median: 2.5, max: 4 });
    expect(spread([])).toEqual({});
  });

  test('showValue keeps table cells short and safe', () => {
    expect(showValue('a|b')).toBe('`"a\\|b"`');
    const long = showValue('x'.repeat(300));
    expect(long).toContain('(300)');
    expect(long.length).toBeLessThan(80);
  });
});
