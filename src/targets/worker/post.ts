import type { Worker } from 'node:worker_threads';
import type {
  CompactVerdicts,
  EncodedCases,
  ValidationRequest,
  Verdict,
} from '../../contract/validator.js';
import type { ValidatorKind } from '../../spec/rules/types.js';
import { record } from './codec.js';
import type { InFlight } from './in-flight.js';
import type { ToWorker } from './messages.js';

/** What a batch asks: plain requests, or encoded cases of some kinds. */
export type BatchBody =
  | { readonly type: 'validate'; readonly requests: readonly ValidationRequest[] }
  | { readonly type: 'encoded'; readonly cases: EncodedCases; readonly wanted: ValidatorKind[] };

/**
 * The requests of one call (validate, validateBatch, validateEncoded), answered one byte each as
 * the thread answers them, in any number of pieces; `done` runs once every request is answered.
 */
export class Batch implements CompactVerdicts {
  readonly outcomes: Uint8Array;
  readonly other: [number, Verdict][] = [];
  private left: number;

  constructor(
    readonly body: BatchBody,
    private readonly done: (batch: Batch) => void,
  ) {
    const size = body.type === 'validate' ? body.requests.length : body.cases.kindIndex.length;
    this.outcomes = new Uint8Array(size);
    this.left = size;
    if (size === 0) done(this);
  }

  get size(): number {
    return this.outcomes.length;
  }

  /** Whether request `i` is asked at all (encoded cases of other kinds are not). */
  asked(i: number): boolean {
    if (this.body.type === 'validate') return true;
    const { kinds, kindIndex } = this.body.cases;
    return this.body.wanted.includes(kinds[kindIndex[i] as number] as ValidatorKind);
  }

  /** Answers requests [from, to) with one verdict (timeouts, a closed target). */
  fill(from: number, to: number, verdict: Verdict): void {
    for (let i = from; i < to; i++)
      if (this.asked(i)) record(this.outcomes, this.other, i, verdict);
    this.settle(to - from);
  }

  /** Answers requests from `from` on with a thread's compact answer. */
  answer(from: number, outcomes: Uint8Array, other: readonly (readonly [number, Verdict])[]): void {
    this.outcomes.set(outcomes, from);
    for (const [i, verdict] of other) this.other.push([from + i, verdict]);
    this.settle(outcomes.length);
  }

  private settle(count: number): void {
    this.left -= count;
    if (this.left === 0) this.done(this);
  }
}

/** Requests [from, to) of a batch, waiting or sent. */
export interface Piece {
  readonly batch: Batch;
  readonly from: number;
  readonly to: number;
}

/** A piece sent to the thread, its requests numbered from `first`. */
export interface Posted extends Piece {
  readonly first: number;
}

function message(piece: Piece, first: number): ToWorker {
  const { body } = piece.batch;
  if (body.type === 'encoded') {
    const { cases, wanted } = body;
    return { type: 'encoded', first, cases, wanted, from: piece.from, to: piece.to };
  }
  return { type: 'validate', first, requests: body.requests.slice(piece.from, piece.to) };
}

/**
 * Posts one piece numbered from `first`, recording what was sent in `inFlight`; returns the next
 * free number. A value that cannot be copied is skipped, alone.
 */
export function post(worker: Worker, piece: Piece, first: number, inFlight: InFlight): number {
  let next = first;
  const send = (part: Piece): void => {
    worker.postMessage(message(part, next));
    inFlight.add({ ...part, first: next });
    next += part.to - part.from;
  };
  try {
    send(piece);
  } catch {
    for (let i = piece.from; i < piece.to; i++) {
      try {
        send({ batch: piece.batch, from: i, to: i + 1 });
      } catch (err) {
        const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
        const skipped: Verdict = {
          outcome: 'skipped',
          message: `the value cannot be copied: ${why}`,
        };
        piece.batch.fill(i, i + 1, skipped);
      }
    }
  }
  return next;
}
