import fc from 'fast-check';
import type { Target } from '../../../src/contract/validator.js';
import type { RuleResult } from '../../../src/report/model.js';
import type { LabelledCase } from '../../../src/runner/case.js';
import { type CaseChunk, localChunk } from '../../../src/runner/generation/chunk.js';
import type { ChunkFeed } from '../../../src/runner/generation/feed.js';
import { CHUNK_SIZE } from '../../../src/runner/generation/produce.js';
import { sameThreadSource } from '../../../src/runner/generation/source.js';
import { runConformance } from '../../../src/runner/run.js';
import { LOOKAHEAD, RuleStream } from '../../../src/runner/stream.js';
import type { RuleId } from '../../../src/spec/rules/index.js';
import { createModuleTarget } from '../../../src/targets/module.js';
import { resourcePath } from '../../../src/util/paths.js';
import { toyArbitraries } from './_fixtures.js';

/*
 * Cases are streamed: the generator runs a bounded number of chunks ahead of the slowest target,
 * chunks are dropped once every target has passed them, and targets with the encoded fast path
 * get the same results as through validateBatch.
 */

/** A feed of `total` chunks that counts how many were asked for. */
function countingFeed(total: number): ChunkFeed & { asked: number; cancelled: boolean } {
  const feed = {
    asked: 0,
    cancelled: false,
    next: async (): Promise<CaseChunk | undefined> => {
      const n = feed.asked++;
      return n < total ? localChunk([], n) : undefined;
    },
    cancel: () => {
      feed.cancelled = true;
    },
  };
  return feed;
}

const turns = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('streaming', () => {
  it('asks at most LOOKAHEAD chunks ahead of the slowest reader, then stops when all leave', async () => {
    const feed = countingFeed(100);
    const stream = new RuleStream(feed, 2);
    const fast = stream.join();
    expect(feed.asked).toBe(LOOKAHEAD);
    // The fast reader takes what is there; the other has not started: nothing more is asked.
    for (let n = 0; n < LOOKAHEAD; n++) {
      expect(await fast.chunk(n)).toBeDefined();
      fast.passed(n + 1);
    }
    const waiting = fast.chunk(LOOKAHEAD);
    await turns(3);
    expect(feed.asked).toBe(LOOKAHEAD);
    const slow = stream.join();
    slow.passed(1);
    expect(await waiting).toBeDefined();
    expect(feed.asked).toBe(1 + LOOKAHEAD);
    slow.leave();
    fast.leave();
    expect(feed.cancelled).toBe(true);
  });

  it('generation on this thread never runs further ahead than the look-ahead', async () => {
    let generated = 0;
    const arbitrary = toyArbitraries('handle.accept.syntax').map((c) => {
      generated++;
      return c;
    });
    const runs = 20 * CHUNK_SIZE;
    const source = sameThreadSource();
    const stream = new RuleStream(source.open('handle.accept.syntax', arbitrary, 4, runs), 1);
    const reader = stream.join();
    await reader.chunk(0);
    await turns(20);
    // The chunks asked for, and the one being made when the credit ran out.
    expect(generated).toBeLessThanOrEqual((LOOKAHEAD + 1) * CHUNK_SIZE);
    const all: LabelledCase[] = [];
    for (let n = 0; ; n++) {
      const chunk = await reader.chunk(n);
      if (chunk === undefined) break;
      all.push(...chunk.cases());
      reader.passed(n + 1);
    }
    reader.leave();
    expect(generated).toBe(runs);
    expect(all).toEqual(
      fc.sample(toyArbitraries('handle.accept.syntax'), { seed: 4, numRuns: runs }),
    );
  });

  it('a target with the encoded fast path gets the results validateBatch gives', async () => {
    const file = resourcePath('suites', 'fixtures', 'faux', 'modules', 'accept.mjs');
    const fast = await createModuleTarget(`module:${file}`, file, { timeoutMs: 5_000 });
    // The same thread, seen without the fast path.
    const plain: Target = {
      info: fast.info,
      validate: (k, v) => fast.validate(k, v),
      validateBatch: (r) => fast.validateBatch(r),
      diagnostics: () => '',
      close: async () => {},
    };
    const shape = (results: readonly RuleResult[]) =>
      results.map((r) => [
        r.rule,
        r.status,
        r.runs,
        r.examples,
        r.casesToFailure,
        r.replay,
        r.counterexample,
      ]);
    try {
      expect(fast.validateEncoded).toBeDefined();
      const options = {
        seed: 8,
        runs: CHUNK_SIZE + 44,
        ruleIds: ['handle.length.max', 'did.method.lowercase', 'session.accept.valid'] as RuleId[],
      };
      const a = await runConformance([fast], options);
      const b = await runConformance([plain], options);
      expect(shape(a.targets[0]?.results ?? [])).toEqual(shape(b.targets[0]?.results ?? []));
      expect(a.targets[0]?.results.map((r) => r.status)).toContain('fail');
    } finally {
      await fast.close();
    }
  });
});
