import { type ChildProcess, spawn } from 'node:child_process';
import { LineSplitter } from '../harness/lines.js';
import {
  type ImplementationInfo,
  PROTOCOL_VERSION,
  preview,
  readStartReply,
} from '../harness/protocol.js';

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

export class HarnessProcess {
  state: 'starting' | 'ready' | 'exiting' | 'gone' = 'starting';
  /** The last line the program wrote on stderr, for error messages. */
  lastStderrLine = '';
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
      const lines = text.split('\n').filter((l) => l.trim().length > 0);
      const last = lines[lines.length - 1];
      if (last !== undefined) this.lastStderrLine = preview(last, 200);
      options.onStderr(text);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends `start` and waits for a valid reply; rejects (after killing the program) if none. */
  start(timeoutMs: number): Promise<{ info: ImplementationInfo; ignoredKinds: string[] }> {
    return new Promise((resolve, reject) => {
      const fail = (reason: string): void => {
        clearTimeout(timer);
        this.handshake = undefined;
        this.kill(reason);
        void this.closed.then(() => reject(new Error(reason)));
      };
      const timer = setTimeout(() => fail(`no answer to start within ${timeoutMs} ms`), timeoutMs);
      void this.closed.then(() => {
        if (this.handshake !== undefined) {
          const stderr = this.lastStderrLine.length > 0 ? ` (stderr: ${this.lastStderrLine})` : '';
          fail(`${this.exitReason ?? 'it ended'} before answering start${stderr}`);
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
        const read = readStartReply(reply);
        if (typeof read === 'string') {
          fail(read);
          return;
        }
        clearTimeout(timer);
        this.handshake = undefined;
        this.state = 'ready';
        resolve(read);
      };
      this.send(JSON.stringify({ cmd: 'start', version: PROTOCOL_VERSION }));
    });
  }

  /** Writes raw text (whole lines); false when the caller should wait for `onDrain`. */
  write(text: string): boolean {
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
    const stderr = this.lastStderrLine.length > 0 ? ` (stderr: ${this.lastStderrLine})` : '';
    this.markClosed();
    this.options.onGone(`${reason}${stderr}`);
  }
}
