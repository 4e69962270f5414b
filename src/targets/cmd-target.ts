import type { Target, TargetInfo, ValidationRequest, Verdict } from '../contract/validator.js';
import { LATEST_PROTOCOL_VERSION, type ProtocolVersion } from '../harness/protocol-v2.js';
import type { ValidatorKind } from '../spec/rules/types.js';
import type { Call, Job, Line } from './cmd-answers.js';
import { AnswerBook, errored, requeue, stoppedOn, timedOut } from './cmd-answers.js';
import { atLeastOne, type CmdTargetOptions, DEFAULT_MAX_IN_FLIGHT } from './cmd-options.js';
import { AnswerReader } from './cmd-reader.js';
import { undeclaredKind } from './cmd-request.js';
import { batchLimit, type Outbox, sendQueued } from './cmd-send.js';
import { startHarness } from './cmd-start.js';
import { CmdWatchdog } from './cmd-watchdog.js';
import { ChunkWriter } from './cmd-writer.js';
import { harnessEnv } from './harness-env.js';
import type { HarnessProcess } from './harness-process.js';
import { JobQueue, oncePerTurn } from './job-queue.js';
import { Restarts } from './restarts.js';
import { TextTail } from './text-tail.js';

/*
 * `cmd:<command line>`: a program speaking harness protocol v1 or v2 (docs/harness-protocol.md,
 * whose failure table this implements). Up to `maxInFlight` requests are written (in v2, in
 * `validateBatch` lines) before answers, matched by `seq`, are read; 1 is lockstep. A request's
 * `timeoutMs` starts when it is written: the hung program is killed and restarted. A program
 * that exits is restarted too (at most `maxRestarts` times per rule, restarts.ts). Either way
 * the one request it had open is errored; of several, none is, and they go again one at a
 * time, so the value a hang or a crash is reported on is one that causes it (cmd-answers.ts).
 * Garbage errors what it can be pinned on, else is noted in `diagnostics()` (cmd-reader.ts).
 */

const STDERR_KEEP_CHARS = 64 * 1024;

export class CmdTarget implements Target {
  info: TargetInfo;
  private readonly log = new TextTail(STDERR_KEEP_CHARS);
  private readonly watchdog: CmdWatchdog;
  private readonly answers = new AnswerBook();
  private readonly maxInFlight: number;
  private offered: ProtocolVersion;
  private readonly procs = new Set<HarnessProcess>();
  private proc: HarnessProcess | undefined;
  private readonly restarts: Restarts;
  private closing = false;
  private readonly queue = new JobQueue<Job>();
  /** Requests in flight, in the order they were written, and v2 lines with requests in flight. */
  private readonly inFlight = new Map<number, Job>();
  private readonly lines = new Map<number, Line>();
  private nextSeq = 1;
  private nextBatch = 1;
  private waitingDrain = false;
  private readonly schedulePump = oncePerTurn(() => this.pump());
  /** Answer lines read so far: a late watchdog waits while they keep coming. */
  private linesRead = 0;
  private readonly reader: AnswerReader;
  private readonly writer = new ChunkWriter();

  constructor(
    private readonly spec: string,
    private readonly argv: readonly string[],
    private readonly options: CmdTargetOptions,
  ) {
    this.info = { id: spec, name: argv[0] ?? spec, kinds: [] };
    this.maxInFlight =
      options.pipeline === false ? 1 : atLeastOne(options.maxInFlight, DEFAULT_MAX_IN_FLIGHT);
    this.offered = options.protocolVersion ?? LATEST_PROTOCOL_VERSION;
    this.restarts = new Restarts(options.maxRestarts, 'harness', {
      spawn: () => this.spawn(),
      failQueued: (message) => this.failQueued(message),
      settled: () => this.schedulePump(),
      note: (text) => this.note(text),
    });
    this.reader = new AnswerReader({
      inFlight: this.inFlight,
      lines: this.lines,
      answers: this.answers,
      nextSeq: () => this.nextSeq,
      answered: () => {
        this.watchdog.answered();
        this.restarts.answered();
      },
      finish: (seq, verdict) => this.finish(seq, verdict),
      note: (text) => this.note(text),
    });
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

  /** The protocol version the running program speaks (1 before the first start). */
  get protocolVersion(): ProtocolVersion {
    return this.proc?.version ?? 1;
  }

  /** Starts the program; rejects with the reason it could not be started. */
  async spawn(): Promise<void> {
    try {
      const { reply, offered } = await startHarness({
        process: {
          argv: this.argv,
          cwd: this.options.cwd,
          env: this.options.env ?? harnessEnv(process.env, this.options.passEnv),
          trace: this.options.trace,
          onStderr: (text) => this.log.append(text),
          onLine: (proc, line) => this.onLine(proc, line),
          onGone: (proc, reason) => this.onGone(proc, reason),
        },
        adopt: (proc) => {
          this.procs.add(proc);
          void proc.closed.then(() => this.procs.delete(proc));
          this.proc = proc;
        },
        failed: (proc) => this.forget(proc),
        offered: this.offered,
        timeoutMs: this.options.startTimeoutMs ?? Math.max(this.options.timeoutMs, 10_000),
        first: this.info.kinds.length === 0,
        note: (text) => this.note(text),
      });
      this.offered = offered;
      const { info, ignoredKinds } = reply;
      if (ignoredKinds.length > 0) this.note(`ignoring unknown kinds ${ignoredKinds.join(', ')}`);
      // Later starts keep the first identity: the report describes one implementation.
      if (this.info.kinds.length === 0)
        this.info = { id: this.spec, ...info, protocol: this.protocolVersion };
    } finally {
      this.schedulePump();
    }
  }

  async validate(kind: ValidatorKind, value: unknown): Promise<Verdict> {
    const [verdict] = await this.validateBatch([{ kind, value }]);
    return verdict as Verdict;
  }

  validateBatch(requests: readonly ValidationRequest[]): Promise<Verdict[]> {
    if (requests.length === 0) return Promise.resolve([]);
    return new Promise((resolve) => {
      const { length } = requests;
      const call: Call = { verdicts: new Array(length), waiting: length, resolve };
      for (let i = 0; i < length; i++) {
        const { kind, value } = requests[i] as ValidationRequest;
        this.enqueue(call, i, kind, value);
      }
      this.schedulePump();
    });
  }

  renewRestarts(): void {
    this.restarts.renew();
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

  private enqueue(call: Call, index: number, kind: ValidatorKind, value: unknown): void {
    if (this.closing) {
      this.answers.settle(call, index, errored('the target is closed'));
      return;
    }
    const skipped = undeclaredKind(this.info.kinds, kind);
    if (skipped !== undefined) this.answers.settle(call, index, skipped);
    else if (this.restarts.exhausted) {
      this.answers.settle(call, index, errored(this.restarts.exhaustedMessage()));
    } else this.queue.push({ kind, value, call, index });
  }

  private pump(): void {
    if (this.closing || this.queue.size === 0) return;
    if (this.restarts.exhausted) {
      this.failQueued(this.restarts.exhaustedMessage());
      return;
    }
    const proc = this.proc;
    if (proc === undefined) {
      this.restarts.restart();
      return;
    }
    if (proc.state !== 'ready' || this.waitingDrain) return;
    const writer = this.writer;
    writer.begin((chunk) => proc.write(chunk));
    const deadline = Date.now() + this.options.timeoutMs;
    const out: Outbox = {
      writer,
      trace: this.options.trace,
      nextSeq: () => this.nextSeq++,
      nextBatch: () => this.nextBatch++,
      sent: (seq, job) => {
        job.deadline = deadline;
        job.proc = proc;
        this.inFlight.set(seq, job);
      },
      refuse: (job, verdict) => this.answers.settle(job.call, job.index, verdict),
      sentLine: (line) => this.lines.set(line.id, line),
    };
    // A harness that answers nothing is probed with one request alone: one timeout names it.
    const head = this.queue.peek();
    if (this.restarts.probing && this.inFlight.size === 0 && head !== undefined) head.alone = true;
    const maxBatch = batchLimit(this.options.maxBatch, proc.maxBatch);
    // A request sent alone is the only one in flight, until it is answered.
    const room = (): number =>
      this.inFlight.values().next().value?.alone === true
        ? 0
        : this.maxInFlight - this.inFlight.size;
    sendQueued(out, this.queue, room, () => this.inFlight.size, proc.version, maxBatch);
    this.watchdog.arm();
    if (writer.open) return;
    this.waitingDrain = true;
    proc.onDrain(() => {
      if (this.proc !== proc) return;
      this.waitingDrain = false;
      this.schedulePump();
    });
  }

  private onLine(proc: HarnessProcess, text: string): void {
    if (proc !== this.proc) return;
    this.linesRead++;
    this.reader.read(proc.version, text);
  }

  private onTimeout(proc: HarnessProcess, seq: number): void {
    const job = this.inFlight.get(seq);
    if (job === undefined) return;
    const { verdict, note } = timedOut(seq, job, this.inFlight, this.options.timeoutMs);
    if (verdict !== undefined) this.finish(seq, verdict);
    this.note(note);
    this.restarts.lost('hang');
    this.resend(proc, `it was killed after request seq ${seq} timed out`);
  }

  /** Kills a hung program; what it had in flight goes to the front of the queue, in order. */
  private resend(proc: HarnessProcess, reason: string): void {
    requeue(this.inFlight, this.lines, this.queue);
    this.watchdog.disarm();
    this.forget(proc);
    proc.kill(reason);
    this.schedulePump();
  }

  /** No longer the current process (it failed to start, hung or ended). */
  private forget(proc: HarnessProcess): void {
    if (this.proc !== proc) return;
    this.proc = undefined;
    this.waitingDrain = false;
  }

  /**
   * A program that stopped errors the request it is blamed for, if one can be (`stoppedOn`);
   * the rest of what it had in flight goes again, first, in order.
   */
  private onGone(proc: HarnessProcess, reason: string): void {
    if (proc !== this.proc) return;
    this.forget(proc);
    // Closing: close() errors what is still in flight.
    if (this.closing) return;
    this.note(`the harness stopped: ${reason}`);
    // A start that fails is charged by the restart that tried it.
    if (proc.wasReady) this.restarts.lost('stop');
    const { culprit, note } = stoppedOn(this.inFlight);
    if (note !== undefined) this.note(note);
    if (culprit !== undefined) {
      this.finish(culprit, errored(`the harness stopped before answering: ${reason}`));
    }
    requeue(this.inFlight, this.lines, this.queue);
    this.watchdog.disarm();
    this.schedulePump();
  }

  private finish(seq: number, verdict: Verdict): void {
    const job = this.inFlight.get(seq);
    if (job === undefined) return;
    this.inFlight.delete(seq);
    const line = job.line;
    if (line !== undefined && --line.open === 0) this.lines.delete(line.id);
    if (this.inFlight.size === 0) this.watchdog.disarm();
    this.answers.add(seq, job, verdict);
    this.schedulePump();
  }

  private failQueued(message: string): void {
    for (const job of this.queue.takeAll()) {
      this.answers.settle(job.call, job.index, errored(message));
    }
  }

  private note(text: string): void {
    this.log.appendLine(`[runner] ${text}`);
  }
}
