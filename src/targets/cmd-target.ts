import type { Target, TargetInfo, ValidationRequest, Verdict } from '../contract/validator.js';
import { answerSeq, encodeValidate, peekSeq, preview } from '../harness/protocol.js';
import type { ValidatorKind } from '../spec/rules/types.js';
import { AnswerBook, errored, type Job, verdictOf } from './cmd-answers.js';
import {
  type CmdTargetOptions,
  DEFAULT_MAX_IN_FLIGHT,
  DEFAULT_MAX_RESTARTS,
} from './cmd-options.js';
import { encodeRequest } from './cmd-request.js';
import { CmdWatchdog } from './cmd-watchdog.js';
import { harnessEnv } from './harness-env.js';
import { HarnessProcess } from './harness-process.js';
import { JobQueue } from './job-queue.js';
import { Restarts } from './restarts.js';
import { TextTail } from './text-tail.js';

/*
 * `cmd:<command line>`: a program speaking harness protocol v1 (docs/harness-protocol.md).
 * - Pipelining: up to `maxInFlight` requests are written before answers are read; answers are
 *   matched by `seq` in any order. `maxInFlight: 1` (or `pipeline: false`) is lockstep.
 * - Each request has `timeoutMs` from the moment it is written. A request not answered in time
 *   is errored and the program is killed (it is taken as hung), then restarted for what is left.
 * - A program that exits or closes stdout is restarted, at most `maxRestarts` times; the requests
 *   in flight when it stopped are errored, not retried (a retry could stop it again, and a crash
 *   should show in the report). Once the budget is spent every request is errored at once.
 * - A line that is not JSON, or an answer with a seq never sent, errors the request it can be
 *   attributed to (by a readable `"seq"`, or the only request in flight); otherwise it is noted
 *   in `diagnostics()`, next to the program's stderr (the last 64 KiB).
 */

const STDERR_KEEP_CHARS = 64 * 1024;
/** Requests are written in chunks of about this size, waiting for 'drain' when stdin is full. */
const CHUNK_CHARS = 64 * 1024;

export class CmdTarget implements Target {
  info: TargetInfo;
  private readonly log = new TextTail(STDERR_KEEP_CHARS);
  private readonly watchdog: CmdWatchdog;
  private readonly answers = new AnswerBook();
  private readonly maxInFlight: number;
  private readonly procs = new Set<HarnessProcess>();
  private proc: HarnessProcess | undefined;
  private readonly restarts: Restarts;
  private closing = false;
  private readonly queue = new JobQueue<Job>();
  private readonly inFlight = new Map<number, Job>();
  private nextSeq = 1;
  private waitingDrain = false;
  private pumpScheduled = false;
  /** Answer lines read so far: a late watchdog waits while they keep coming. */
  private linesRead = 0;

  constructor(
    private readonly spec: string,
    private readonly argv: readonly string[],
    private readonly options: CmdTargetOptions,
  ) {
    this.info = { id: spec, name: argv[0] ?? spec, kinds: [] };
    this.maxInFlight =
      options.pipeline === false ? 1 : Math.max(1, options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT);
    this.restarts = new Restarts(
      Math.max(0, options.maxRestarts ?? DEFAULT_MAX_RESTARTS),
      'harness',
      {
        spawn: () => this.spawn(),
        failQueued: (message) => this.failQueued(message),
        settled: () => this.schedulePump(),
        note: (text) => this.note(text),
      },
    );
    this.watchdog = new CmdWatchdog(options.timeoutMs, {
      oldest: () => this.inFlight.entries().next().value,
      linesRead: () => this.linesRead,
      expire: (proc, seq) => this.onTimeout(proc, seq),
    });
  }

  /** The pid of the running program, if any (for tests and diagnostics). */
  get pid(): number | undefined {
    return this.proc?.pid;
  }

  get restartCount(): number {
    return this.restarts.count;
  }

  /** Starts the program; rejects with the reason it could not be started. */
  async spawn(): Promise<void> {
    const proc: HarnessProcess = new HarnessProcess({
      argv: this.argv,
      cwd: this.options.cwd,
      env: this.options.env ?? harnessEnv(process.env, this.options.passEnv),
      trace: this.options.trace,
      onStderr: (text) => this.log.append(text),
      onLine: (line) => this.onLine(proc, line),
      onGone: (reason) => this.onGone(proc, reason),
    });
    this.procs.add(proc);
    void proc.closed.then(() => this.procs.delete(proc));
    this.proc = proc;
    const startTimeout = this.options.startTimeoutMs ?? Math.max(this.options.timeoutMs, 10_000);
    try {
      const { info, ignoredKinds } = await proc.start(startTimeout);
      if (ignoredKinds.length > 0) this.note(`ignoring unknown kinds ${ignoredKinds.join(', ')}`);
      // Later starts keep the first identity: the report describes one implementation.
      if (this.info.kinds.length === 0) this.info = { id: this.spec, ...info };
    } catch (err) {
      if (this.proc === proc) this.proc = undefined;
      throw err;
    } finally {
      this.schedulePump();
    }
  }

  validate(kind: ValidatorKind, value: unknown): Promise<Verdict> {
    const pending = this.enqueue(kind, value, { waiting: 0 });
    this.schedulePump();
    return pending;
  }

  validateBatch(requests: readonly ValidationRequest[]): Promise<Verdict[]> {
    const batch = { waiting: 0 };
    const pending = requests.map(({ kind, value }) => this.enqueue(kind, value, batch));
    this.schedulePump();
    return Promise.all(pending);
  }

  diagnostics(): string {
    return this.log.value();
  }

  async close(): Promise<void> {
    this.closing = true;
    this.watchdog.disarm();
    this.failQueued('the target was closed');
    await Promise.all([...this.procs].map((p) => p.stop(this.options.stopGraceMs ?? 1_000)));
    await this.restarts.starting;
    for (const seq of [...this.inFlight.keys()]) this.finish(seq, errored('the target was closed'));
  }

  private enqueue(
    kind: ValidatorKind,
    value: unknown,
    batch: { waiting: number },
  ): Promise<Verdict> {
    if (this.closing) return Promise.resolve(errored('the target is closed'));
    const valueJson = encodeRequest(this.info.kinds, kind, value);
    if (typeof valueJson !== 'string') return Promise.resolve(valueJson);
    if (this.restarts.exhausted) return Promise.resolve(errored(this.restarts.exhaustedMessage()));
    return new Promise<Verdict>((resolve) => {
      batch.waiting++;
      this.queue.push({ kind, valueJson, resolve, batch });
    });
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    // One pump per turn: a chunk of answers frees many slots, refilled by one write.
    queueMicrotask(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.closing || this.queue.size === 0) return;
    if (this.restarts.exhausted) {
      this.failQueued(this.restarts.exhaustedMessage());
      return;
    }
    const proc = this.proc;
    if (proc === undefined) {
      if (!this.closing) this.restarts.restart();
      return;
    }
    if (proc.state !== 'ready' || this.waitingDrain) return;
    let chunk = '';
    let blocked = false;
    const deadline = Date.now() + this.options.timeoutMs;
    const jobs = this.queue.take(this.maxInFlight - this.inFlight.size);
    for (const [i, job] of jobs.entries()) {
      const seq = this.nextSeq++;
      const line = encodeValidate(seq, job.kind, job.valueJson);
      this.options.trace?.('send', line);
      job.deadline = deadline;
      job.proc = proc;
      this.inFlight.set(seq, job);
      chunk += `${line}\n`;
      if (chunk.length >= CHUNK_CHARS) {
        blocked = !proc.write(chunk);
        chunk = '';
        if (blocked) {
          // stdin is full: the rest waits for 'drain'.
          this.queue.unshift(jobs.slice(i + 1));
          break;
        }
      }
    }
    if (chunk.length > 0) blocked = !proc.write(chunk);
    this.watchdog.arm();
    if (!blocked) return;
    // stdin is full: write more only once the program has read what it has.
    this.waitingDrain = true;
    proc.onDrain(() => {
      if (this.proc !== proc) return;
      this.waitingDrain = false;
      this.schedulePump();
    });
  }

  private onLine(proc: HarnessProcess, line: string): void {
    if (proc !== this.proc) return;
    this.linesRead++;
    let answer: unknown;
    try {
      answer = JSON.parse(line);
    } catch {
      this.misfit(peekSeq(line), 'wrote a line that is not JSON', line);
      return;
    }
    const seq = answerSeq(answer);
    const job = seq === undefined ? undefined : this.inFlight.get(seq);
    if (seq !== undefined && job === undefined && this.answers.has(seq)) {
      this.note(this.answers.again(seq, verdictOf(answer, line), preview(line)));
      return;
    }
    if (seq === undefined || job === undefined) {
      const what =
        seq === undefined ? 'an answer without a valid seq' : `an answer with seq ${seq}`;
      this.misfit(seq, `wrote ${what}`, line);
      return;
    }
    this.watchdog.answered();
    this.finish(seq, verdictOf(answer, line));
  }

  /**
   * A line that answers no request in flight. A seq that was sent earlier is a late or repeated
   * answer: only noted, never pinned on another request (that would shift every later answer).
   */
  private misfit(seq: number | undefined, what: string, line: string): void {
    const message = `the harness ${what}: ${preview(line)}`;
    if (seq !== undefined && this.inFlight.has(seq)) {
      this.finish(seq, errored(message));
    } else if ((seq === undefined || seq >= this.nextSeq) && this.inFlight.size === 1) {
      const [only] = this.inFlight.keys();
      this.finish(only as number, errored(message));
    } else {
      this.note(message);
    }
  }

  private onTimeout(proc: HarnessProcess, seq: number): void {
    if (!this.inFlight.has(seq)) return;
    const ms = this.options.timeoutMs;
    this.finish(seq, errored(`no answer within ${ms} ms (timeout); the harness was restarted`));
    this.note(`request seq ${seq} timed out after ${ms} ms: killing the harness`);
    proc.kill(`it was killed after request seq ${seq} timed out`);
  }

  private onGone(proc: HarnessProcess, reason: string): void {
    if (proc !== this.proc) return;
    this.proc = undefined;
    this.waitingDrain = false;
    if (!this.closing) this.note(`the harness stopped: ${reason}`);
    for (const seq of [...this.inFlight.keys()]) {
      this.finish(seq, errored(`the harness stopped before answering: ${reason}`));
    }
    this.schedulePump();
  }

  private finish(seq: number, verdict: Verdict): void {
    const job = this.inFlight.get(seq);
    if (job === undefined) return;
    this.inFlight.delete(seq);
    if (this.inFlight.size === 0) this.watchdog.disarm();
    this.answers.add(seq, job, verdict);
    this.schedulePump();
  }

  private failQueued(message: string): void {
    for (const job of this.queue.takeAll()) this.answers.drop(job, errored(message));
  }

  private note(text: string): void {
    this.log.appendLine(`[runner] ${text}`);
  }
}
