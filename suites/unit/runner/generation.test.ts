import { caseArbitrary } from '../../../generators/index.js';
import type { RuleResult } from '../../../src/report/model.js';
import type { LabelledCase } from '../../../src/runner/case.js';
import type { ChunkFeed } from '../../../src/runner/generation/feed.js';
import { CHUNK_SIZE } from '../../../src/runner/generation/produce.js';
import { sameThreadSource, workerSource } from '../../../src/runner/generation/source.js';
import { runConformance } from '../../../src/runner/run.js';
import { shrink } from '../../../src/runner/shrink.js';
import { targetValidate } from '../../../src/runner/validate.js';
import type { RuleId } from '../../../src/spec/index.js';
import { fakeTarget, valid } from './_fixtures.js';

// Cases generated in the generation thread are exactly those fast-check gives on this one.

const RULES: RuleId[] = ['handle.length.max', 'session.accept.valid', 'did.method.lowercase'];

/** Every case of a feed, chunk after chunk. */
async function collect(feed: ChunkFeed): Promise<LabelledCase[]> {
  const out: LabelledCase[] = [];
  for (let chunk = await feed.next(); chunk !== undefined; chunk = await feed.next()) {
    expect(chunk.start).toBe(out.length);
    out.push(...chunk.cases());
  }
  return out;
}

function shape(results: readonly RuleResult[]): unknown[] {
  return results.map((r) => [r.rule, r.status, r.runs, r.counterexample, r.replay]);
}

describe('off-thread generation', () => {
  it('samples the same cases as fc.sample on the caller thread', async () => {
    const source = workerSource();
    try {
      for (const rule of RULES) {
        const here = (await import('fast-check')).default.sample(caseArbitrary(rule), {
          seed: 9,
          numRuns: 50,
        });
        expect(await collect(source.open(rule, caseArbitrary(rule), 9, 50))).toEqual(here);
      }
    } finally {
      await source.close();
    }
  });

  it('streams many chunks in order, each case the one fc.sample gives at its index', async () => {
    const runs = 2 * CHUNK_SIZE + 17;
    const rule: RuleId = 'did.method.lowercase';
    const here = (await import('fast-check')).default.sample(caseArbitrary(rule), {
      seed: 3,
      numRuns: runs,
    });
    for (const source of [workerSource(), sameThreadSource()]) {
      try {
        expect(await collect(source.open(rule, caseArbitrary(rule), 3, runs))).toEqual(here);
      } finally {
        await source.close();
      }
    }
  });

  it('gives the same report as generation on the caller thread', async () => {
    const options = { seed: 4, runs: 40, ruleIds: RULES };
    const lax = () => fakeTarget('lax', ['handle', 'did', 'session', 'getSession'], () => valid);
    const off = await runConformance([lax()], options);
    const on = await runConformance([lax()], { ...options, arbitraryFor: caseArbitrary });
    expect(shape(off.targets[0]?.results ?? [])).toEqual(shape(on.targets[0]?.results ?? []));
    expect(off.targets[0]?.results.length).toBe(RULES.length);
  });

  it('shrinks in the generation thread to the case and path shrinking here gives', async () => {
    const lax = fakeTarget('lax', ['handle'], () => valid);
    const rule: RuleId = 'handle.length.max';
    const options = { seed: 2 };
    const source = workerSource();
    try {
      const arbitrary = caseArbitrary(rule);
      const sample = (await import('fast-check')).default.sample(arbitrary, {
        seed: 2,
        numRuns: 50,
      });
      const index = sample.findIndex((c) => !c.valid);
      expect(index).toBeGreaterThanOrEqual(0);
      const here = await shrink(arbitrary, index, 'fail', options, targetValidate(lax, ['handle']));
      const calls = lax.calls;
      const there = await source.shrink?.({
        rule,
        index,
        outcome: 'fail',
        kinds: ['handle'],
        options,
        target: lax,
      });
      expect(there).toEqual(here);
      // Shrunk: the path goes on from the run it started at.
      expect(here?.path).toMatch(new RegExp(`^${index}[:*]`));
      // Every value tried went to the target through this thread's forwarding.
      expect(lax.calls).toBeGreaterThan(calls);
    } finally {
      await source.close();
    }
  });

  it('a closed source starts no thread again: a late feed is empty, a late shrink finds nothing', async () => {
    const source = workerSource();
    await source.close();
    const lax = fakeTarget('lax', ['handle'], () => valid);
    expect(
      await collect(source.open('handle.length.max', caseArbitrary('handle.length.max'), 1, 5)),
    ).toEqual([]);
    const request = { rule: 'handle.length.max' as RuleId, index: 0, outcome: 'fail' as const };
    expect(
      await source.shrink?.({ ...request, kinds: ['handle'], options: { seed: 1 }, target: lax }),
    ).toBeUndefined();
    expect(lax.calls).toBe(0);
  });

  it('a rule the generators do not know fails the run with its name', async () => {
    const source = workerSource();
    try {
      await expect(
        collect(source.open('no.such.rule' as RuleId, caseArbitrary('handle.length.max'), 1, 1)),
      ).rejects.toThrow(/no.such.rule/);
    } finally {
      await source.close();
    }
  });
});
