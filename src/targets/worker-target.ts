import {
  type Target,
  type TargetInfo,
  type TargetOptions,
  TargetStartError,
  type ValidationRequest,
  type Verdict,
} from '../contract/validator.js';
import { DEFAULT_MAX_RESTARTS } from './cmd-options.js';
import { JobQueue } from './job-queue.js';
import { Restarts } from './restarts.js';
import { TextTail } from './text-tail.js';
import { CURRENT_SEQ, type FromWorker, STARTED, type WorkerSource } from './worker/messages.js';
import { type Job, post } from './worker/post.js';
import { startThread, type Thread } from './worker/thread.js';
import { Watch } from './worker/watch.js';

/*
 * An in-process validator (a built-in adapter or a `module:` file) in its own worker thread.
 * Values go by copy, so it cannot change what other targets or the report see, and it cannot
 * block the runner: a request not answered within `timeoutMs` (an endless synchronous loop
 * included) is errored and the thread is terminated, then restarted for what is left, at most
 * `maxRestarts` times, as for `cmd:` targets. A thread that dies errors the request it was on;
 * the other requests it had are sent again to the next one (they did not cause it).
 */

export interface WorkerTargetOptions extends TargetOptions {
  /** Restarts after a crash or a hang before giving up (default 10). */
  readonly maxRestarts?: number;
  /** Time to load the validator (default: the larger of `timeoutMs` and 30 s). */
  readonly startTimeoutMs?: number;
}

/** Requests per message, and at most this many chunks waiting in the thread. */
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
  private readonly queue = new JobQueue<Job>();
  private readonly inFlight = new Map<number, Job>();
  private nextSeq = 1;
  private readonly watch: Watch;

  constructor(
    private readonly source: WorkerSource,
    private readonly options: WorkerTargetOptions,
  ) {
    this.info = { id: source.spec, name: source.spec, language: 'javascript', kinds: [] };
    this.restarts = new Restarts(
      Math.max(0, options.maxRestarts ?? DEFAULT_MAX_RESTARTS),
      'worker',
      {
        spawn: () => this.spawn(),
        failQueued: (message) => this.failQueued(message),
        settled: () => this.schedulePump(),
        note: (text) => this.note(text),
      },
    );
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
          this.onVerdicts(thread, message.first, message);
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

  validate(kind: ValidationRequest['kind'], value: unknown): Promise<Verdict> {
    const pending = this.enqueue({ kind, value });
    this.schedulePump();
    return pending;
  }

  validateBatch(requests: readonly ValidationRequest[]): Promise<Verdict[]> {
    const pending = requests.map((r) => this.enqueue(r));
    this.schedulePump();
    return Promise.all(pending);
  }

  diagnostics(): string {
    return this.log.value();
  }

  async close(): Promise<void> {
    this.closing = true;
    this.watch.stop();
    this.failQueued('the target was closed');
    for (const seq of [...this.inFlight.keys()]) this.finish(seq, errored('the target was closed'));
    await this.restarts.starting;
    const thread = this.thread;
    this.thread = undefined;
    await thread?.worker.terminate();
  }

  private enqueue(request: ValidationRequest): Promise<Verdict> {
    if (this.closing) return Promise.resolve(errored('the target is closed'));
    if (this.restarts.exhausted) return Promise.resolve(errored(this.restarts.exhaustedMessage()));
    return new Promise<Verdict>((resolve) => {
      this.queue.push({ request, resolve });
    });
  }

  private pumpScheduled = false;

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    queueMicrotask(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

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
    while (this.queue.size > 0 && this.inFlight.size < MAX_IN_FLIGHT) {
      const jobs = this.queue.take(CHUNK);
      this.nextSeq = post(thread.worker, jobs, this.nextSeq, this.inFlight);
    }
    this.watch.arm();
  }

  /** The request the thread is on (or the oldest waiting), with its clock start. */
  private current(): { seq: number; started: number } | undefined {
    const thread = this.thread;
    if (thread === undefined || !thread.ready) return undefined;
    const now = Atomics.load(thread.state, CURRENT_SEQ);
    const seq = this.inFlight.has(now) ? now : this.inFlight.keys().next().value;
    if (seq === undefined) return undefined;
    return { seq, started: Atomics.load(thread.state, STARTED) };
  }

  private onVerdicts(
    thread: Thread,
    first: number,
    message: { readonly verdicts: readonly Verdict[] },
  ): void {
    if (thread !== this.thread) return;
    for (const [i, verdict] of message.verdicts.entries()) this.finish(first + i, verdict);
    this.schedulePump();
  }

  private onTimeout(seq: number): void {
    const thread = this.thread;
    if (thread === undefined || !this.inFlight.has(seq)) return;
    const ms = this.options.timeoutMs;
    this.finish(seq, errored(`no answer within ${ms} ms (timeout); the worker was restarted`));
    this.note(`request seq ${seq} timed out after ${ms} ms: terminating the worker`);
    this.drop(thread);
  }

  private onGone(thread: Thread, reason: string): void {
    if (thread !== this.thread) return;
    if (!this.closing) this.note(`the worker stopped: ${reason}`);
    const current = Atomics.load(thread.state, CURRENT_SEQ);
    const culprit = this.inFlight.has(current) ? current : this.inFlight.keys().next().value;
    if (culprit !== undefined) {
      this.finish(culprit, errored(`the worker stopped before answering: ${reason}`));
    }
    this.drop(thread);
  }

  /** Ends a thread; what it still had goes to the front of the queue for the next one. */
  private drop(thread: Thread): void {
    this.thread = undefined;
    void thread.worker.terminate();
    const again = [...this.inFlight.values()];
    this.inFlight.clear();
    this.watch.stop();
    this.queue.unshift(again);
    this.schedulePump();
  }

  private finish(seq: number, verdict: Verdict): void {
    const job = this.inFlight.get(seq);
    if (job === undefined) return;
    this.inFlight.delete(seq);
    job.resolve(verdict);
  }

  /** Nothing to do: the thread must not keep the process alive (a caller may forget close). */
  private idle(): void {
    if (this.inFlight.size > 0 || this.queue.size > 0) return;
    this.watch.stop();
    this.thread?.worker.unref();
  }

  private failQueued(message: string): void {
    for (const job of this.queue.takeAll()) job.resolve(errored(message));
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
