import type { Verdict } from '../contract/validator.js';
import { preview, readAnswer } from '../harness/protocol.js';
import type { ValidatorKind } from '../spec/rules/types.js';
import type { HarnessProcess } from './harness-process.js';

/** One request of a `cmd:` target, from the queue to its answer. */
export interface Job {
  readonly kind: ValidatorKind;
  readonly valueJson: string;
  readonly resolve: (verdict: Verdict) => void;
  /** The batch it came in: its answers are handed over together (see AnswerBook). */
  readonly batch: { waiting: number };
  /** When the request times out (ms since the epoch), and the process it was sent to. */
  deadline?: number;
  proc?: HarnessProcess;
}

export const errored = (message: string): Verdict => ({ outcome: 'errored', message });

/** The verdict an answer line gives; a malformed answer errors its request. */
export function verdictOf(answer: unknown, line: string): Verdict {
  const verdict = readAnswer(answer as Record<string, unknown>);
  return typeof verdict === 'string'
    ? errored(`malformed answer (${verdict}): ${preview(line)}`)
    : verdict;
}

/*
 * Answers on their way to the caller. They are handed over by batch, once every request of the
 * batch is answered and the lines read with the last answer are handled (setImmediate runs after
 * pending pipe data), so a harness that answers one seq twice, differently, within a batch is
 * caught: that request becomes errored, saying both answers.
 */
export class AnswerBook {
  private readonly answered = new Map<number, { readonly job: Job; verdict: Verdict }>();
  private scheduled = false;

  has(seq: number): boolean {
    return this.answered.has(seq);
  }

  add(seq: number, job: Job, verdict: Verdict): void {
    this.answered.set(seq, { job, verdict });
    this.done(job);
  }

  /** A request that ends without an answer to keep (refused before it was sent). */
  drop(job: Job, verdict: Verdict): void {
    job.resolve(verdict);
    this.done(job);
  }

  /** A second answer to `seq`; returns the note to log. */
  again(seq: number, verdict: Verdict, what: string): string {
    const first = this.answered.get(seq);
    if (first !== undefined && first.verdict.outcome !== verdict.outcome) {
      first.verdict = errored(
        `the harness answered seq ${seq} twice, differently (${first.verdict.outcome}, then ${verdict.outcome}): ${what}`,
      );
    }
    return `the harness answered seq ${seq} twice: ${what}`;
  }

  private done(job: Job): void {
    job.batch.waiting--;
    if (job.batch.waiting > 0 || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      for (const [seq, { job, verdict }] of this.answered) {
        if (job.batch.waiting > 0) continue;
        this.answered.delete(seq);
        job.resolve(verdict);
      }
    });
  }
}
