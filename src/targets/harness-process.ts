import { type ChildProcess, spawn } from 'node:child_process';
import { LineSplitter } from '../harness/lines.js';
import { preview, readStartReply, type StartReply } from '../harness/protocol.js';
import type { ProtocolVersion } from '../harness/protocol-v2.js';
import { TextTail } from './text-tail.js';

/** Why a start failed; `timedOut` when the program said nothing at all in time. */
export class StartFailed extends Error {
  constructor(
    message: string,
    readonly timedOut: boolean,
  ) {
    super(message);
  }
}

/*
 * One run of a harness program: spawn, the start handshake, line I/O, stop and kill. The program
 * gets its own process group, so killing it also kills anything it started; the group is killed
 * whenever the program exits, and on the exit of this process, so no child is left behind.
 */

export type Trace = (direction: 'send' | 'receive', line: string) => void;

export interface HarnessProcessOptions {
  readonly argv: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly trace?: Trace;
  readonly onStderr: (text: string) => void;
  /** Every stdout line once the handshake is done. */
  readonly onLine: (line: string) => void;
  /** Once, after the program exited and its output was read; `reason` says how it ended. */
  readonly onGone: (reason: string) => void;
}

const live = new Set<HarnessProcess>();
let exitHookInstalled = false;

function killAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const p of live) p.kill('the runner exited');
  });
}

const SUMMARY_LINES = 3;
const SUMMARY_CHARS = 300;
/** A line that names an error: `Error: …`, `ModuleNotFoundError: …`, `panic: …`, `error[E0425]: …`. */
const ERROR_HEAD = /^[\w.$]*(error|exception|panic|fatal)\b[^:]*:/i;
const ERROR_WORD = /error|exception|panic|fatal/i;
/** Stack frames (JavaScript, Python, gdb-style) repeat the error without saying what it was. */
const STACK_FRAME = /^(at |File "|#\d+ )/;

/**
 * One line saying why a program failed, from its stderr: the lines that name an error, else any
 * line that mentions one, else the last lines; at most 3 lines and about 300 characters, joined
 * with " | ", the latest kept when there are more. Runtimes often end with a useless line (Node
 * prints its version), so the last line alone would hide the cause.
 */
export function summarizeStderr(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /[\p{L}\p{N}]/u.test(line) && !STACK_FRAME.test(line));
  let picked = lines.filter((line) => ERROR_HEAD.test(line));
  if (picked.length === 0) picked = lines.filter((line) => ERROR_WORD.test(line));
  if (picked.length === 0) picked = lines;
  const kept: string[] = [];
  let chars = 0;
  for (let i = picked.length - 1; i >= 0 && kept.length < SUMMARY_LINES; i--) {
    const line = preview(picked[i], SUMMARY_CHARS);
    if (kept.length > 0 && chars + 3 + line.length > SUMMARY_CHARS) break;
    chars += line.length + (kept.length > 0 ? 3 : 0);
    kept.unshift(line);
  }
  return kept.join(' | ');
}

/** Where the stderr summary is read from: the end of the output, where a failure is told. */
const STDERR_SUMMARY_SOURCE_CHARS = 8 * 1024;

export class HarnessProcess {
  state: 'starting' | 'ready' | 'exiting' | 'gone' = 'starting';
  /** Whether the start handshake succeeded (a program that exits after it was working). */
  wasReady = false;
  /** What the start reply said: the version spoken, the largest batch (v2). */
  version: ProtocolVersion = 1;
  maxBatch: number | undefined;
  /** The end of the program's stderr, for error messages. */
  private readonly stderrTail = new TextTail(STDERR_SUMMARY_SOURCE_CHARS);
  readonly closed: Promise<void>;
  private readonly child: ChildProcess;
  private readonly splitter: LineSplitter;
  private killReason: string | undefined;
  private exitReason: string | undefined;
  private handshake: ((line: string) => void) | undefined;
  private markClosed: () => void = () => {};

  constructor(private readonly options: HarnessProcessOptions) {
    this.closed = new Promise<void>((resolve) => {
      this.markClosed = resolve;
    });
    const [program = '', ...args] = options.argv;
    this.splitter = new LineSplitter(
      (line) => this.onLine(line),
      () => this.kill('it wrote a line longer than 64 MiB'),
    );
    this.child = spawn(program, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    live.add(this);
    killAllOnExit();
    const { child } = this;
    child.on('error', (err) => {
      // Spawn failures (ENOENT, EACCES) may come without 'close'.
      this.exitReason ??= `it could not be run: ${err.message}`;
      if (child.pid === undefined) this.finish();
    });
    child.on('exit', (code, signal) => {
      this.exitReason ??= signal === null ? `it exited with code ${code}` : `killed by ${signal}`;
      if (this.state !== 'gone') this.state = 'exiting';
      this.killGroup();
    });
    child.on('close', () => this.finish());
    child.stdin?.on('error', () => {}); // EPIPE after a crash: 'close' reports it.
    child.stdout?.on('error', () => {});
    child.stderr?.on('error', () => {});
    child.stdout?.on('data', (chunk: Buffer) => this.splitter.push(chunk));
    child.stdout?.on('end', () => {
      this.splitter.end();
      // A program that closes stdout can answer no more: end it, unless it is exiting anyway
      // ('exit' may come a little after the end of stdout).
      setTimeout(() => {
        if (this.state === 'ready' || this.state === 'starting') this.kill('it closed its stdout');
      }, 100).unref();
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      this.stderrTail.append(text);
      options.onStderr(text);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * Sends `start`, offering versions up to `offered`, and waits for a valid reply; rejects (after
   * killing the program) if none.
   */
  start(timeoutMs: number, offered: ProtocolVersion): Promise<StartReply> {
    return new Promise((resolve, reject) => {
      const fail = (reason: string, timedOut = false): void => {
        clearTimeout(timer);
        this.handshake = undefined;
        this.kill(reason);
        void this.closed.then(() => reject(new StartFailed(reason, timedOut)));
      };
      const timer = setTimeout(
        () => fail(`no answer to start within ${timeoutMs} ms`, true),
        timeoutMs,
      );
      void this.closed.then(() => {
        if (this.handshake !== undefined) {
          fail(`${this.exitReason ?? 'it ended'} before answering start${this.stderrNote()}`);
        }
      });
      this.handshake = (line) => {
        let reply: unknown;
        try {
          reply = JSON.parse(line);
        } catch {
          fail(`it answered start with a line that is not JSON: ${preview(line)}`);
          return;
        }
        const read = readStartReply(reply, offered);
        if (typeof read === 'string') {
          fail(read);
          return;
        }
        clearTimeout(timer);
        this.handshake = undefined;
        this.state = 'ready';
        this.wasReady = true;
        this.version = read.version;
        this.maxBatch = read.maxBatch;
        resolve(read);
      };
      this.send(JSON.stringify({ cmd: 'start', version: offered }));
    });
  }

  /** Writes whole lines; false when the caller should wait for `onDrain`. */
  write(text: string | Uint8Array): boolean {
    const stdin = this.child.stdin;
    if (stdin === null || stdin.destroyed || stdin.writableEnded) return true;
    return stdin.write(text);
  }

  onDrain(callback: () => void): void {
    this.child.stdin?.once('drain', callback);
  }

  /** Sends `stop`, closes stdin, and kills the program if it has not exited after `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    if (this.state === 'gone') return;
    if (this.state === 'ready') {
      this.send(JSON.stringify({ cmd: 'stop' }));
      this.child.stdin?.end();
      const timer = setTimeout(() => this.kill('it did not exit after stop'), graceMs);
      await this.closed;
      clearTimeout(timer);
      return;
    }
    this.kill('the target was closed');
    await this.closed;
  }

  /** Kills the program and its process group at once; `reason` is reported by `onGone`. */
  kill(reason: string): void {
    if (this.state === 'gone') return;
    this.killReason ??= reason;
    // No more requests from now on, even before the exit is seen.
    this.state = 'exiting';
    this.killGroup();
  }

  private killGroup(): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // The group is gone already.
    }
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  private send(line: string): void {
    this.options.trace?.('send', line);
    this.write(`${line}\n`);
  }

  private onLine(line: string): void {
    if (line.trim().length === 0) return; // Blank lines carry nothing.
    this.options.trace?.('receive', line);
    if (this.handshake !== undefined) this.handshake(line);
    else if (this.state === 'ready' || this.state === 'exiting') this.options.onLine(line);
  }

  private finish(): void {
    if (this.state === 'gone') return;
    this.state = 'gone';
    live.delete(this);
    const reason = this.killReason ?? this.exitReason ?? 'it ended';
    this.markClosed();
    this.options.onGone(`${reason}${this.stderrNote()}`);
  }

  /** ` (stderr: …)` with what the program said about its failure, or nothing. */
  private stderrNote(): string {
    const summary = summarizeStderr(this.stderrTail.recent());
    return summary.length > 0 ? ` (stderr: ${summary})` : '';
  }
}
