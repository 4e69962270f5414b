import type { Worker } from 'node:worker_threads';
import type { ValidationRequest, Verdict } from '../../contract/validator.js';
import type { ToWorker } from './messages.js';

/** One request of a worker target, from the queue to its verdict. */
export interface Job {
  readonly request: ValidationRequest;
  readonly resolve: (verdict: Verdict) => void;
}

/**
 * Posts one chunk of requests numbered from `first`, recording them in `inFlight`; returns the
 * next free number. A value that cannot be copied is skipped, alone.
 */
export function post(
  worker: Worker,
  jobs: readonly Job[],
  first: number,
  inFlight: Map<number, Job>,
): number {
  let next = first;
  const send = (part: readonly Job[]): void => {
    const message: ToWorker = {
      type: 'validate',
      first: next,
      requests: part.map((j) => j.request),
    };
    worker.postMessage(message);
    for (const [i, job] of part.entries()) inFlight.set(next + i, job);
    next += part.length;
  };
  try {
    send(jobs);
  } catch {
    for (const job of jobs) {
      try {
        send([job]);
      } catch (err) {
        const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
        job.resolve({ outcome: 'skipped', message: `the value cannot be copied: ${why}` });
      }
    }
  }
  return next;
}
