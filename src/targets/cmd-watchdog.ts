import type { Job } from './cmd-answers.js';
import type { HarnessProcess } from './harness-process.js';

export interface Watched {
  /** The oldest request in flight. */
  oldest(): [number, Job] | undefined;
  /** Answer lines read so far. */
  linesRead(): number;
  expire(proc: HarnessProcess, seq: number): void;
}

/*
 * One timer watches every request of a `cmd:` target: requests are in flight in the order they
 * were sent and all have the same timeout, so only the oldest can be the next to expire. (A
 * timer per request costs more than the rest of the bookkeeping on a pipelined run.) A harness
 * answering a deep pipeline one by one gets `timeoutMs` per answer: the oldest request's clock
 * starts no earlier than the harness's last answer. A timer that fires late (a busy runner)
 * first lets what the harness already wrote be read.
 */
export class CmdWatchdog {
  private timer: NodeJS.Timeout | undefined;
  private lastAnswerAt = 0;

  constructor(
    private readonly timeoutMs: number,
    private readonly target: Watched,
  ) {}

  answered(): void {
    this.lastAnswerAt = Date.now();
  }

  arm(): void {
    if (this.timer !== undefined) return;
    const oldest = this.target.oldest();
    if (oldest === undefined) return;
    const delay = Math.max(0, this.deadlineOf(oldest[1]) - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.check();
    }, delay);
  }

  disarm(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private deadlineOf(job: Job): number {
    return Math.max(job.deadline ?? Date.now(), this.lastAnswerAt + this.timeoutMs);
  }

  private check(): void {
    const oldest = this.target.oldest();
    if (oldest === undefined) return;
    const [seq, job] = oldest;
    const proc = job.proc;
    if (proc === undefined || this.deadlineOf(job) > Date.now()) {
      this.arm();
      return;
    }
    // Pipe data waiting is handled before setImmediate callbacks; go on while lines come in.
    const lines = this.target.linesRead();
    setImmediate(() => {
      const still = this.target.oldest()?.[0] === seq;
      if (still && this.target.linesRead() !== lines) this.check();
      else {
        if (still) this.target.expire(proc, seq);
        this.arm();
      }
    });
  }
}
