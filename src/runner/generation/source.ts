import type { Worker } from 'node:worker_threads';
import type fc from 'fast-check';
import type { RuleId } from '../../spec/rules/index.js';
import { startWorker } from '../../targets/worker/thread.js';
import type { LabelledCase } from '../case.js';
import { localChunk, partsChunk } from './chunk.js';
import { type ChunkFeed, FeedQueue } from './feed.js';
import type { FromGeneration, ToGeneration } from './messages.js';
import { Credit, produce } from './produce.js';

/** Where a run's generated cases come from, rule by rule, chunk by chunk. */
export interface CaseSource {
  /** `arbitrary` is the rule's, as the main thread has it (a worker source builds its own). */
  open(rule: RuleId, arbitrary: fc.Arbitrary<LabelledCase>, seed: number, runs: number): ChunkFeed;
  close(): Promise<void>;
}

const failure = (rule: RuleId, message: string): Error =>
  new Error(`generating the cases of ${rule} failed: ${message}`);

/*
 * The generation thread's heap: its live data is a few chunks, but it makes a lot of short-lived
 * garbage, and with the process's default limits V8 lets that pile up (peak memory grew with
 * --runs). Explicit limits make it collect early; the old generation's is far above need.
 */
const GENERATION_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 1024 };

/** Generation on the caller's thread, for a caller's own arbitraries (tests). */
export function sameThreadSource(): CaseSource {
  const open = new Set<Credit>();
  return {
    open(rule, arbitrary, seed, runs) {
      const credit = new Credit();
      const feed = new FeedQueue(
        () => credit.grant(),
        () => credit.cancel(),
      );
      open.add(credit);
      produce(arbitrary, seed, runs, credit, (cases, start) => feed.push(localChunk(cases, start)))
        .then(
          () => feed.end(),
          (err: unknown) =>
            feed.fail(failure(rule, err instanceof Error ? err.message : String(err))),
        )
        .finally(() => open.delete(credit));
      return feed;
    },
    close: async () => {
      for (const credit of open) credit.cancel();
    },
  };
}

/**
 * Generation of the catalogue's cases in a thread of its own: the main thread only moves the
 * chunks on and keeps time, and the next rule is generated while the targets work on this one.
 */
export function workerSource(): CaseSource {
  let worker: Worker | undefined;
  let nextId = 1;
  const feeds = new Map<number, { rule: RuleId; feed: FeedQueue }>();
  const post = (message: ToGeneration): void => worker?.postMessage(message);
  const start = (): Worker => {
    const w = startWorker(import.meta.url, 'entry', { resourceLimits: GENERATION_HEAP });
    w.on('message', (message: FromGeneration) => {
      const open = feeds.get(message.id);
      if (open === undefined) return;
      if (message.type === 'chunk') {
        open.feed.push(partsChunk(message.parts));
        return;
      }
      feeds.delete(message.id);
      if (message.type === 'end') open.feed.end();
      else open.feed.fail(failure(open.rule, message.message));
      if (feeds.size === 0) w.unref();
    });
    w.on('error', (err) => {
      for (const { rule, feed } of feeds.values()) feed.fail(failure(rule, err.message));
      feeds.clear();
      worker = undefined;
    });
    return w;
  };
  return {
    open(rule, _arbitrary, seed, runs) {
      worker ??= start();
      worker.ref();
      const id = nextId++;
      const feed = new FeedQueue(
        () => post({ type: 'more', id }),
        () => {
          feeds.delete(id);
          post({ type: 'cancel', id });
          if (feeds.size === 0) worker?.unref();
        },
      );
      feeds.set(id, { rule, feed });
      post({ type: 'open', id, rule, seed, runs });
      return feed;
    },
    async close() {
      for (const { feed } of feeds.values()) feed.end();
      feeds.clear();
      await worker?.terminate();
      worker = undefined;
    },
  };
}
