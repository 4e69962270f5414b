import type { Verdict } from '../contract/validator.js';
import { preview, readAnswer } from '../harness/protocol.js';
import type { ValidatorKind } from '../spec/rules/types.js';
import type { HarnessProcess } from './harness-process.js';

/** One `validate` or `validateBatch` call: its verdicts are handed over together. */
export interface Call {
  readonly verdicts: Verdict[];
  /** Requests of the call still without a verdict. */
  waiting: number;
  readonly resolve: (verdicts: Verdict[]) => void;
}

/** The requests written in one line: one in v1, a `validateBatch` in v2. */
export interface Line {
  readonly id: number;
  /** Requests of the line in flight, not answered yet. */
  open: number;
  readonly seqs: number[];
}

/** One request of a `cmd:` target, from the queue to its answer. */
export interface Job {
  readonly kind: ValidatorKind;
  readonly value: unknown;
  readonly call: Call;
  /** Its place in the call's verdicts. */
  readonly index: number;
  /** When the request times out (ms since the epoch), and the process it was sent to. */
  deadline?: number;
  proc?: HarnessProcess;
  /** The v2 batch line it was sent in. */
  line?: Line;
  /** Sent with nothing else in flight: a timeout or a crash blames it alone (stoppedOn). */
  alone?: boolean;
}

/** Puts every request in flight back at the front of `queue`, in order, as never sent. */
export function requeue(
  inFlight: Map<number, Job>,
  lines: Map<number, Line>,
  queue: { unshift(items: readonly Job[]): void },
): void {
  const again = [...inFlight.values()];
  inFlight.clear();
  lines.clear();
  for (const job of again) {
    job.deadline = undefined;
    job.proc = undefined;
    job.line = undefined;
  }
  queue.unshift(again);
}

export const errored = (message: string): Verdict => ({ outcome: 'errored', message });

/** The verdict an answer gives; a malformed answer errors its request, showing `line`. */
export function verdictOf(answer: unknown, line: unknown): Verdict {
  const verdict = readAnswer(answer as Record<string, unknown>);
  return typeof verdict === 'string'
    ? errored(`malformed answer (${verdict}): ${preview(line)}`)
    : verdict;
}

/*
 * Answers on their way to the caller. They are handed over by call, once every request of the
 * call is answered and the lines read with the last answer are handled (setImmediate runs after
 * pending pipe data), so a harness that answers one seq twice, differently, within a call is
 * caught: that request becomes errored, saying both answers.
 */
export class AnswerBook {
  /** Answered requests whose call is not handed over yet; the verdict is in the call. */
  private readonly answered = new Map<number, Job>();
  private readonly complete: Call[] = [];
  private scheduled = false;

  has(seq: number): boolean {
    return this.answered.has(seq);
  }

  add(seq: number, job: Job, verdict: Verdict): void {
    this.answered.set(seq, job);
    this.settle(job.call, job.index, verdict);
  }

  /** A request that ends without an answer to keep track of (refused before it was sent). */
  settle(call: Call, index: number, verdict: Verdict): void {
    call.verdicts[index] = verdict;
    call.waiting--;
    if (call.waiting > 0) return;
    this.complete.push(call);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.handOver());
  }

  /** A second answer to `seq`; returns the note to log. */
  again(seq: number, verdict: Verdict, what: string): string {
    const job = this.answered.get(seq);
    const first = job?.call.verdicts[job.index];
    if (job !== undefined && first !== undefined && first.outcome !== verdict.outcome) {
      job.call.verdicts[job.index] = errored(
        `the harness answered seq ${seq} twice, differently (${first.outcome}, then ${verdict.outcome}): ${what}`,
      );
    }
    return `the harness answered seq ${seq} twice: ${what}`;
  }

  private handOver(): void {
    this.scheduled = false;
    for (const [seq, job] of this.answered) {
      if (job.call.waiting === 0) this.answered.delete(seq);
    }
    for (const call of this.complete.splice(0)) call.resolve(call.verdicts);
  }
}

/**
 * The one request in flight, blamed for a hang or a crash. With more than one open, the one to
 * blame is not known (a harness may work on several at once, and a v2 batch is answered whole,
 * so its oldest open request may wait on another): none is, and they are marked to go again one
 * at a time, so the next failure names it.
 */
function blamed(inFlight: ReadonlyMap<number, Job>): number | undefined {
  const open = [...inFlight.keys()];
  if (open.length === 1) return open[0];
  for (const s of open) (inFlight.get(s) as Job).alone = true;
  return undefined;
}

/** What a timeout of request `seq`, the oldest in flight, does (see `blamed`). */
export function timedOut(
  seq: number,
  job: Job,
  inFlight: ReadonlyMap<number, Job>,
  ms: number,
): { verdict?: Verdict; note: string } {
  const open = inFlight.size;
  if (blamed(inFlight) !== undefined) {
    return {
      verdict: errored(`no answer within ${ms} ms (timeout); the harness was restarted`),
      note: `request seq ${seq} timed out after ${ms} ms: killing the harness`,
    };
  }
  const where = job.line === undefined ? '' : ` (batch ${job.line.id})`;
  return {
    note: `request seq ${seq}${where} timed out after ${ms} ms with ${open} requests open: killing the harness, sending them again one at a time`,
  };
}

/**
 * Which request a harness that stopped is blamed for (see `blamed`). Answers written before it
 * stopped have been read and count.
 */
export function stoppedOn(inFlight: ReadonlyMap<number, Job>): { culprit?: number; note?: string } {
  const open = inFlight.size;
  if (open === 0) return {};
  const culprit = blamed(inFlight);
  if (culprit !== undefined) return { culprit };
  return { note: `it stopped with ${open} requests open: sending them again one at a time` };
}
