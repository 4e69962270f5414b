import type { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import type { RuleId } from '../../spec/rules/index.js';
import { startWorker } from '../../targets/worker/thread.js';
import type { LabelledCase } from '../case.js';
import type { Generated, GenerateRequest } from './messages.js';

/** Where a run's generated cases come from, one rule at a time. */
export interface CaseSource {
  /** `arbitrary` is the rule's, as the main thread has it (a worker source builds its own). */
  generate(
    rule: RuleId,
    arbitrary: fc.Arbitrary<LabelledCase>,
    seed: number,
    runs: number,
  ): Promise<readonly LabelledCase[]>;
  close(): Promise<void>;
}

/** Generation on the caller's thread, for a caller's own arbitraries (tests). */
export function sameThreadSource(): CaseSource {
  return {
    generate: async (_rule, arbitrary, seed, runs) => fc.sample(arbitrary, { seed, numRuns: runs }),
    close: async () => {},
  };
}

/**
 * Generation of the catalogue's cases in a thread of its own: the main thread only moves the
 * cases on and keeps time, and the next rule is generated while the targets work on this one.
 */
export function workerSource(): CaseSource {
  let worker: Worker | undefined;
  let nextId = 1;
  const waiting = new Map<number, (reply: Generated) => void>();
  const start = (): Worker => {
    const w = startWorker(import.meta.url, 'entry', {});
    w.on('message', (reply: Generated) => {
      waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id);
      if (waiting.size === 0) w.unref();
    });
    w.on('error', (err) => {
      for (const resolve of waiting.values()) resolve({ id: 0, error: err.message });
      waiting.clear();
      worker = undefined;
    });
    return w;
  };
  return {
    generate(rule, _arbitrary, seed, runs) {
      worker ??= start();
      worker.ref();
      const request: GenerateRequest = { id: nextId++, rule, seed, runs };
      const reply = new Promise<Generated>((resolve) => waiting.set(request.id, resolve));
      worker.postMessage(request);
      return reply.then((r) => {
        if ('error' in r) throw new Error(`generating the cases of ${rule} failed: ${r.error}`);
        return r.cases;
      });
    },
    async close() {
      await worker?.terminate();
      worker = undefined;
    },
  };
}
