import {
  type CompactVerdicts,
  type EncodedCases,
  type Target,
  type TargetInfo,
  type TargetOptions,
  TargetStartError,
  type ValidationRequest,
  type Verdict,
} from '../contract/validator.js';
import type { ValidatorKind } from '../spec/rules/types.js';
import { JobQueue, oncePerTurn } from './job-queue.js';
import { Restarts } from './restarts.js';
import { TextTail } from './text-tail.js';
import { verdictAt } from './worker/codec.js';
import { InFlight } from './worker/in-flight.js';
import { CURRENT_SEQ, type FromWorker, STARTED, type WorkerSource } from './worker/messages.js';
import { Batch, type BatchBody, type Piece, post } from './worker/post.js';
import { startThread, type Thread } from './worker/thread.js';
import { Watch } from './worker/watch.js';

/*
 * An in-process validator (a built-in adapter or a `module:` file) in its own worker thread.
 * Values go by copy, so it cannot change what other targets or the report see, and it cannot
 * block the runner: a request not answered within `timeoutMs` (an endless synchronous loop
 * included) is errored and the thread is terminated, then restarted for what is left, at most
 * `maxRestarts` times, as for `cmd:` targets. A thread that dies errors the request it was on;
 * the other requests it had are sent again to the next one (they did not cause it). Requests come
 * as values (validate, validateBatch) or as chunks encoded once for every target
 * (validateEncoded, the runner's fast path); either way the thread answers one byte a request.
 */

export interface WorkerTargetOptions extends TargetOptions {
  /** Restarts after a crash or a hang before giving up (default 10). */
  readonly maxRestarts?: number;
  /** Time to load the validator (default: the larger of `timeoutMs` and 30 s). */
  readonly startTimeoutMs?: number;
}

/** Plain requests per message, and at most this many requests waiting in the thread. */
const CHUNK = 128;
const MAX_IN_FLIGHT = 4 * CHUNK;
const LOG_KEEP_CHARS = 64 * 1024;

const errored = (message: string): Verdict => ({ outcome: 'errored', message });

export class WorkerTarget implements Target {
  info: TargetInfo;
  private readonly log = new TextTail(LOG_KEEP_CHARS);
  private thread: Thread | undefined;
  private readonly restarts: Restarts;
  private closing = false;
  private readonly queue = new JobQueue<Piece>();
  private readonly inFlight = new InFlight();
  private nextSeq = 1;
  private readonly watch: Watch;

  constructor(
    private readonly source: WorkerSource,
    private readonly options: WorkerTargetOptions,
  ) {
    this.info = { id: source.spec, name: source.spec, language: 'javascript', kinds: [] };
    this.restarts = new Restarts(options.maxRestarts, 'worker', {
      spawn: () => this.spawn(),
      failQueued: (message) => this.failQueued(message),
      settled: () => this.schedulePump(),
      note: (text) => this.note(text),
    });
    this.watch = new Watch(options.timeoutMs, {
      current: () => this.current(),
      expire: (seq) => this.onTimeout(seq),
    });
  }

  get restartCount(): number {
    return this.restarts.count;
  }

  /** Starts a thread and loads the validator; rejects with the reason it could not. */
  async spawn(): Promise<void> {
    const thread = startThread(this.source, (text) => this.log.append(text));
    const { worker } = thread;
    this.thread = thread;
    const startTimeout = this.options.startTimeoutMs ?? Math.max(this.options.timeoutMs, 30_000);
    await new Promise<void>((resolve, reject) => {
      const fail = (reason: string): void => {
        clearTimeout(timer);
        if (this.thread === thread) this.thread = undefined;
        void worker.terminate();
        reject(new Error(reason));
      };
      const timer = setTimeout(() => fail(`not loaded within ${startTimeout} ms`), startTimeout);
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'verdicts') {
          this.onVerdicts(thread, message);
          return;
        }
        if (message.type === 'failed') {
          fail(message.message);
          return;
        }
        clearTimeout(timer);
        thread.ready = true;
        // Later starts keep the first identity: the report describes one implementation.
        if (this.info.kinds.length === 0) this.info = { ...this.info, ...message.identity };
        resolve();
      });
      worker.on('error', (err) => {
        thread.error = `${err.name}: ${err.message.split('\n')[0] ?? ''}`;
      });
      worker.on('exit', (code) => {
        const reason = thread.error ?? `the worker exited with code ${code}`;
        if (!thread.ready) fail(reason);
        else this.onGone(thread, reason);
      });
    }).finally(() => this.schedulePump());
    this.idle();
  }

  async validate(kind: ValidationRequest['kind'], value: unknown): Promise<Verdict> {
    const batch = await this.enqueue({ type: 'validate', requests: [{ kind, value }] });
    return verdictAt(batch, 0) as Verdict;
  }

  async validateBatch(requests: readonly ValidationRequest[]): Promise<Verdict[]> {
    const batch = await this.enqueue({ type: 'validate', requests });
    const other = new Map(batch.other);
    return requests.map((_, i) => verdictAt(batch, i, other) as Verdict);
  }

  /** The fast path: the same bytes for every target, decoded by the thread alone. */
  validateEncoded(cases: EncodedCases, kinds: readonly ValidatorKind[]): Promise<CompactVerdicts> {
    return this.enqueue({ type: 'encoded', cases, wanted: [...kinds] });
  }

  renewRestarts(): void {
    this.restarts.renew();
  }

  diagnostics(): string {
    return this.log.value();
  }

  async close(): Promise<void> {
    this.closing = true;
    this.watch.stop();
    this.failQueued('the target was closed');
    for (const p of this.inFlight.takeAll()) {
      p.batch.fill(p.from, p.to, errored('the target was closed'));
    }
    await this.restarts.starting;
    const thread = this.thread;
    this.thread = undefined;
    await thread?.worker.terminate();
  }

  private enqueue(body: BatchBody): Promise<Batch> {
    return new Promise<Batch>((resolve) => {
      const batch = new Batch(body, resolve);
      if (batch.size === 0) return;
      if (this.closing) batch.fill(0, batch.size, errored('the target is closed'));
      else if (this.restarts.exhausted)
        batch.fill(0, batch.size, errored(this.restarts.exhaustedMessage()));
      else {
        this.queue.push({ batch, from: 0, to: batch.size });
        this.schedulePump();
      }
    });
  }

  private readonly schedulePump = oncePerTurn(() => this.pump());

  private pump(): void {
    if (this.closing || this.queue.size === 0) {
      this.idle();
      return;
    }
    if (this.restarts.exhausted) {
      this.failQueued(this.restarts.exhaustedMessage());
      return;
    }
    const thread = this.thread;
    if (thread === undefined) {
      if (!this.closing) this.restarts.restart();
      return;
    }
    if (!thread.ready) return;
    thread.worker.ref();
    while (this.queue.size > 0 && this.inFlight.count < MAX_IN_FLIGHT) {
      const [piece] = this.queue.take(1) as [Piece];
      // Encoded pieces go whole (the thread decodes a chunk once); plain ones by CHUNK.
      const limit = piece.batch.body.type === 'encoded' ? MAX_IN_FLIGHT : CHUNK;
      const to = Math.min(piece.to, piece.from + limit);
      if (to < piece.to) this.queue.unshift([{ ...piece, from: to }]);
      this.nextSeq = post(thread.worker, { ...piece, to }, this.nextSeq, this.inFlight);
    }
    this.watch.arm();
  }

  /** The request the thread is on (or the oldest waiting), with its clock start. */
  private current(): { seq: number; started: number } | undefined {
    const thread = this.thread;
    if (thread === undefined || !thread.ready) return undefined;
    const now = Atomics.load(thread.state, CURRENT_SEQ);
    const oldest = this.inFlight.oldest;
    if (oldest === undefined) return undefined;
    const seq = this.inFlight.holds(now) ? now : oldest;
    return { seq, started: Atomics.load(thread.state, STARTED) };
  }

  private onVerdicts(thread: Thread, message: Extract<FromWorker, { type: 'verdicts' }>): void {
    if (thread !== this.thread) return;
    const p = this.inFlight.answered(message.first);
    this.restarts.answered();
    p?.batch.answer(p.from, message.outcomes, message.other);
    this.schedulePump();
  }

  private onTimeout(seq: number): void {
    const thread = this.thread;
    if (thread === undefined || !this.inFlight.holds(seq)) return;
    const ms = this.options.timeoutMs;
    this.inFlight.finish(
      seq,
      errored(`no answer within ${ms} ms (timeout); the worker was restarted`),
    );
    this.note(`request seq ${seq} timed out after ${ms} ms: terminating the worker`);
    this.restarts.lost('hang');
    this.drop(thread);
  }

  private onGone(thread: Thread, reason: string): void {
    if (thread !== this.thread) return;
    if (!this.closing) {
      this.note(`the worker stopped: ${reason}`);
      this.restarts.lost('stop');
    }
    // Blamed: the request the thread was on. Between requests (a timer that throws later), no
    // value is to blame, and everything goes again.
    const current = Atomics.load(thread.state, CURRENT_SEQ);
    if (this.inFlight.holds(current)) {
      this.inFlight.finish(current, errored(`the worker stopped before answering: ${reason}`));
    }
    this.drop(thread);
  }

  /** Ends a thread; what it still had goes to the front of the queue for the next one. */
  private drop(thread: Thread): void {
    this.thread = undefined;
    void thread.worker.terminate();
    const again = this.inFlight.takeAll();
    this.watch.stop();
    this.queue.unshift(again);
    this.schedulePump();
  }

  /** Nothing to do: the thread must not keep the process alive (a caller may forget close). */
  private idle(): void {
    if (this.inFlight.count > 0 || this.queue.size > 0) return;
    this.watch.stop();
    this.thread?.worker.unref();
  }

  private failQueued(message: string): void {
    for (const p of this.queue.takeAll()) p.batch.fill(p.from, p.to, errored(message));
  }

  private note(text: string): void {
    this.log.appendLine(`[runner] ${text}`);
  }
}

/** Starts a worker target and loads its validator; throws TargetStartError if it cannot. */
export async function createWorkerTarget(
  source: WorkerSource,
  options: WorkerTargetOptions,
): Promise<WorkerTarget> {
  const target = new WorkerTarget(source, options);
  try {
    await target.spawn();
  } catch (err) {
    await target.close();
    throw new TargetStartError((err as Error).message);
  }
  return target;
}
