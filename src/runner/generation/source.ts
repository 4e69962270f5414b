import type { Worker } from 'node:worker_threads';
import type fc from 'fast-check';
import type { Target } from '../../contract/validator.js';
import type { RuleId } from '../../spec/rules/index.js';
import type { ValidatorKind } from '../../spec/rules/types.js';
import { startWorker } from '../../targets/worker/thread.js';
import type { LabelledCase, ShrinkGoal } from '../case.js';
import type { RunOptions } from '../options.js';
import type { Shrunk } from '../shrink.js';
import { localChunk, partsChunk } from './chunk.js';
import { type ChunkFeed, FeedQueue } from './feed.js';
import type { FromGeneration, ToGeneration } from './messages.js';
import { Credit, produce } from './produce.js';

/** What shrinking off the main thread is asked: a generated run, the outcome it must keep. */
export interface ShrinkRequest {
  readonly rule: RuleId;
  readonly index: number;
  readonly outcome: ShrinkGoal;
  readonly kinds: readonly ValidatorKind[];
  readonly options: Pick<RunOptions, 'seed' | 'shrinkTimeMs'>;
  /** The target each value tried is validated on. */
  readonly target: Pick<Target, 'validateBatch'>;
}

/** Where a run's generated cases come from, rule by rule, chunk by chunk. */
export interface CaseSource {
  /** `arbitrary` is the rule's, as the main thread has it (a worker source builds its own). */
  open(rule: RuleId, arbitrary: fc.Arbitrary<LabelledCase>, seed: number, runs: number): ChunkFeed;
  /** Shrinks a finding where the cases are generated; absent: on the caller's thread. */
  shrink?(request: ShrinkRequest): Promise<Shrunk | undefined>;
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

function endedFeed(): FeedQueue {
  const feed = new FeedQueue(
    () => {},
    () => {},
  );
  feed.end();
  return feed;
}

interface Shrinking {
  readonly request: ShrinkRequest;
  readonly resolve: (found: Shrunk | undefined) => void;
  readonly reject: (err: Error) => void;
}

/**
 * Generation of the catalogue's cases in a thread of its own: the main thread only moves the
 * chunks on and keeps time, and the next rule is generated while the targets work on this one.
 */
export function workerSource(): CaseSource {
  let worker: Worker | undefined;
  // A rule abandoned by a stopped run may still ask: a closed source starts no thread again.
  let closed = false;
  let nextId = 1;
  const feeds = new Map<number, { rule: RuleId; feed: FeedQueue }>();
  const shrinks = new Map<number, Shrinking>();
  const post = (message: ToGeneration): void => worker?.postMessage(message);
  const idle = (): void => {
    if (feeds.size === 0 && shrinks.size === 0) worker?.unref();
  };
  const onShrink = (message: FromGeneration): void => {
    const s = shrinks.get(message.id);
    if (s === undefined) return;
    if (message.type === 'try') {
      // The main thread's whole part: carry the values to the target and their verdicts back.
      const { id, n } = message;
      void s.request.target
        .validateBatch(message.requests)
        .then((verdicts) => post({ type: 'verdicts', id, n, verdicts }));
      return;
    }
    shrinks.delete(message.id);
    if (message.type === 'shrunk') s.resolve(message.found);
    else if (message.type === 'error') s.reject(failure(s.request.rule, message.message));
    idle();
  };
  const start = (): Worker => {
    const w = startWorker(import.meta.url, 'entry', { resourceLimits: GENERATION_HEAP });
    w.on('message', (message: FromGeneration) => {
      if (shrinks.has(message.id)) {
        onShrink(message);
        return;
      }
      const open = feeds.get(message.id);
      if (open === undefined) return;
      if (message.type === 'chunk') {
        open.feed.push(partsChunk(message.parts));
        return;
      }
      feeds.delete(message.id);
      if (message.type === 'end') open.feed.end();
      else if (message.type === 'error') open.feed.fail(failure(open.rule, message.message));
      idle();
    });
    w.on('error', (err) => {
      for (const { rule, feed } of feeds.values()) feed.fail(failure(rule, err.message));
      for (const s of shrinks.values()) s.reject(failure(s.request.rule, err.message));
      feeds.clear();
      shrinks.clear();
      worker = undefined;
    });
    return w;
  };
  return {
    open(rule, _arbitrary, seed, runs) {
      if (closed) return endedFeed();
      worker ??= start();
      worker.ref();
      const id = nextId++;
      const feed = new FeedQueue(
        () => post({ type: 'more', id }),
        () => {
          feeds.delete(id);
          post({ type: 'cancel', id });
          idle();
        },
      );
      feeds.set(id, { rule, feed });
      post({ type: 'open', id, rule, seed, runs });
      return feed;
    },
    shrink(request) {
      if (closed) return Promise.resolve(undefined);
      worker ??= start();
      worker.ref();
      const id = nextId++;
      const { rule, index, outcome, kinds, options } = request;
      const { seed, shrinkTimeMs } = options;
      const done = new Promise<Shrunk | undefined>((resolve, reject) => {
        shrinks.set(id, { request, resolve, reject });
      });
      post({
        type: 'shrink',
        id,
        rule,
        seed,
        index,
        outcome,
        kinds: [...kinds],
        ...(shrinkTimeMs === undefined ? {} : { shrinkTimeMs }),
      });
      return done;
    },
    async close() {
      closed = true;
      for (const { feed } of feeds.values()) feed.end();
      for (const s of shrinks.values()) s.resolve(undefined);
      feeds.clear();
      shrinks.clear();
      await worker?.terminate();
      worker = undefined;
    },
  };
}
